import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { usageEvents } from '../../src/db/schema/index.js';
import { Outbox } from '../../src/ledger/index.js';
import { newId } from '../../src/lib/ids.js';
import { createLogger } from '../../src/lib/logger.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { emptyEntry } from '../helpers/budgets.js';
import { signUp } from '../helpers/graphql.js';

/** Under steady load the ledger writes batches, not a statement per entry. */
describe('the ledger outbox', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('leaves entries that arrive during a write for the next batch, and writes them all by close', async () => {
    const t = await signUp(app);
    // A long interval: only the flushes this test asks for write.
    const outbox = new Outbox(app.runtime.database.db, undefined, createLogger('silent'), {
      intervalMs: 60_000,
      maxBatch: 1000,
    });
    const entry = () => emptyEntry(t.tenantId, newId('usage'), new Date());
    const stored = async (entries: ReturnType<typeof entry>[]) =>
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

    const first = entry();
    outbox.track(first, { stream: 'unused', id: '0-1' });
    const writing = outbox.flush();
    // Arriving while the first batch is on its way to Postgres.
    const later = [entry(), entry(), entry()];
    for (const e of later) outbox.track(e, { stream: 'unused', id: '0-2' });
    await writing;
    expect(await stored([first])).toBe(1);
    expect(await stored(later)).toBe(0);
    expect(await outbox.unflushed(t.tenantId)).toHaveLength(3);

    expect(await outbox.close()).toBe(true);
    expect(await stored(later)).toBe(3);
    expect(await outbox.unflushed(t.tenantId)).toEqual([]);
  });
});
