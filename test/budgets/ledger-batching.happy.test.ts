import { setImmediate as nextTurn } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { usageEvents } from '../../src/db/schema/index.js';
import { Outbox, type LedgerEntry } from '../../src/ledger/index.js';
import { newId } from '../../src/lib/ids.js';
import { createLogger } from '../../src/lib/logger.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { emptyEntry } from '../helpers/budgets.js';
import { signUp } from '../helpers/graphql.js';
import { freePort } from '../helpers/scratch.js';

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
  /** A database whose statements are counted; `to` sends them to another (one that is away, say). */
  const counted = () => {
    const seen = { statements: 0, to: app.runtime.database.db };
    const proxy = new Proxy(app.runtime.database.db, {
      get: (target, key, receiver) =>
        key === 'execute'
          ? (...args: Parameters<Db['execute']>) => (seen.statements++, seen.to.execute(...args))
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

  it('while Postgres is away, retries on its timer instead of once per arriving entry', async () => {
    const { db, seen } = counted();
    // A Postgres nobody listens for: every statement fails to connect.
    const away = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
    const real = seen.to;
    seen.to = drizzle(away) as unknown as Db;
    const outbox = outboxOn(db, 10);
    const entries = Array.from({ length: 30 }, entry);
    for (const e of entries.slice(0, 10)) outbox.track(e, { stream: 'unused', id: '0-4' });
    // The full batch's write fails; so does a flush queued behind it (once it is back, the write has failed).
    await expect(outbox.flush()).rejects.toThrow();
    const failed = seen.statements;
    expect(failed).toBe(2);
    // Entries keep arriving, each in its own turn of the event loop, while the write fails.
    for (const e of entries.slice(10)) {
      outbox.track(e, { stream: 'unused', id: '0-4' });
      await nextTurn();
    }
    // At most the retry timer's attempt: one per arriving entry would be 20 more.
    expect(seen.statements - failed).toBeLessThanOrEqual(1);
    seen.to = real;
    expect(await outbox.close()).toBe(true);
    expect(await stored(entries)).toBe(30);
    await away.end();
  });
});
