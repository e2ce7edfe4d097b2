import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { usageEvents } from '../../src/db/schema/index.js';
import { Outbox, type LedgerEntry } from '../../src/ledger/index.js';
import { newId } from '../../src/lib/ids.js';
import { createLogger } from '../../src/lib/logger.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { emptyEntry } from '../helpers/budgets.js';
import { signUp } from '../helpers/graphql.js';

/** Under steady load the ledger writes batches, not a statement per entry. */
describe('the ledger outbox', () => {
  let app: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    app = await sharedApp();
    tenantId = (await signUp(app)).tenantId;
  });
  const entry = () => emptyEntry(tenantId, newId('usage'), new Date());
  const stored = async (entries: LedgerEntry[]) =>
    (
      await app.runtime.database.db
        .select({ id: usageEvents.id })
        .from(usageEvents)
        .where(
          inArray(
            usageEvents.id,
            entries.map((e) => e.events[0]!.id),
          ),
        )
    ).length;
  /** The real database, with its statements counted. */
  const counted = () => {
    const db = app.runtime.database.db;
    const seen = { statements: 0 };
    const proxy = new Proxy(db, {
      get: (target, key, receiver) =>
        key === 'execute'
          ? (...args: Parameters<Db['execute']>) => (seen.statements++, target.execute(...args))
          : Reflect.get(target, key, receiver),
    });
    return { db: proxy, seen };
  };
  // A long interval: only the flushes a test asks for (and full batches) write.
  const outboxOn = (db: Db, maxBatch: number) =>
    new Outbox(db, undefined, createLogger('silent'), { intervalMs: 60_000, maxBatch });

  it('leaves entries tracked after a flush was asked for to the next batch, and writes them all by close', async () => {
    const outbox = outboxOn(app.runtime.database.db, 1000);
    const first = entry();
    outbox.track(first, { stream: 'unused', id: '0-1' });
    const writing = outbox.flush();
    const later = [entry(), entry(), entry()];
    for (const e of later) outbox.track(e, { stream: 'unused', id: '0-2' });
    await writing;
    expect(await stored([first])).toBe(1);
    expect(await stored(later)).toBe(0);
    expect(await outbox.unflushed(tenantId)).toHaveLength(3);

    expect(await outbox.close()).toBe(true);
    expect(await stored(later)).toBe(3);
    expect(await outbox.unflushed(tenantId)).toEqual([]);
  });

  it('writes a backlog past the batch size in full batches, one drain queued at a time', async () => {
    const { db, seen } = counted();
    const outbox = outboxOn(db, 10);
    const entries = Array.from({ length: 35 }, entry);
    for (const e of entries) outbox.track(e, { stream: 'unused', id: '0-3' });
    expect(await outbox.close()).toBe(true);
    expect(await stored(entries)).toBe(35);
    // 10, 10, 10, then the 5 left by close: a drain per entry past the tenth would make 26.
    expect(seen.statements).toBe(4);
  });
});
