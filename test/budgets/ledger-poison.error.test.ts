import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Outbox, type LedgerEntry } from '../../src/ledger/index.js';
import { usageEvents } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { newId } from '../../src/lib/ids.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/graphql.js';

/** One entry Postgres refuses must not hold up the ledger of every tenant behind it. */
describe('a ledger entry Postgres refuses', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('is set aside while the rest of the batch is written', async () => {
    const t = await signUp(app);
    const writer = new Outbox(app.runtime.database.db, undefined, createLogger('silent'));
    const event = (userId: string | null): LedgerEntry => ({
      run: null,
      events: [
        {
          id: newId('usage'),
          tenantId: t.tenantId,
          userId,
          agentId: null,
          runId: null,
          modelId: null,
          kind: 'run',
          inputTokens: 1,
          outputTokens: 1,
          cachedInputTokens: 0,
          totalTokens: 2,
          costMicros: 1,
          savedCostMicros: 0,
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    const good = [event(null), event(null)];
    const poisoned = event('usr_\u0000'); // text Postgres cannot store
    for (const e of [good[0]!, poisoned, good[1]!]) writer.track(e, { stream: 'unused', id: '0-1' });
    await writer.flush();
    const ids = [good[0]!, poisoned, good[1]!].map((e) => e.events[0]!.id);
    const stored = await app.runtime.database.db
      .select({ id: usageEvents.id })
      .from(usageEvents)
      .where(inArray(usageEvents.id, ids));
    expect(stored.map((r) => r.id).sort()).toEqual(good.map((e) => e.events[0]!.id).sort());
    expect(await writer.unflushed(t.tenantId)).toEqual([]);
  });
});
