import { sql, type SQL } from 'drizzle-orm';
import type { RunCallRecord, StoredAgentRun } from '../db/schema/index.js';

/**
 * A run that spans calls is one record, and its calls' records can reach a reader (or Postgres) in
 * any order: two processes flush on their own, and a listing reads Postgres and the streams side
 * by side. The run's facts (status, route, model, reason) are its latest call's, by the run's own
 * count: `seq` is the number of its calls settled before this one (the store's), then the start.
 */
const SEQ_WIDTH = 10;
const callOrder = (c: RunCallRecord) => `${String(c.seq ?? 0).padStart(SEQ_WIDTH, '0')} ${c.at}`;

/** The latest call of a record, as a sortable key ('' for a record of no calls). */
const latestCall = (run: Pick<StoredAgentRun, 'calls'>): string =>
  Object.values(run.calls ?? {}).reduce((latest, c) => (callOrder(c) > latest ? callOrder(c) : latest), '');

/** The same key in SQL, over a `calls` jsonb column (the upsert picks the run's facts by it). */
export const latestCallSql = (calls: SQL): SQL =>
  sql`(select coalesce(max(lpad(coalesce(c.value->>'seq', '0'), ${sql.raw(String(SEQ_WIDTH))}, '0') || ' ' ||
    (c.value->>'at')), '') from jsonb_each(${calls}) as c)`;

/**
 * Two records of one run: the facts of whichever holds the latest call, every call of both, and
 * totals that are the calls' sums (as the outbox recomputes them from the ledger in Postgres).
 */
export function mergeCalls<R extends StoredAgentRun>(a: R, b: R): R {
  const calls = { ...a.calls, ...b.calls };
  const list = Object.values(calls);
  if (!list.length) return b;
  const newer = latestCall(a) > latestCall(b) ? a : b;
  const sum = (pick: (c: RunCallRecord) => number) => list.reduce((n, c) => n + pick(c), 0);
  return {
    ...newer,
    calls,
    inputTokens: sum((c) => c.inputTokens),
    outputTokens: sum((c) => c.outputTokens),
    cachedInputTokens: sum((c) => c.cachedInputTokens),
    costMicros: sum((c) => c.costMicros),
    toolCalls: Math.max(a.toolCalls, b.toolCalls),
    durationMs: Math.max(a.durationMs, b.durationMs),
    createdAt: a.createdAt < b.createdAt ? a.createdAt : b.createdAt,
  };
}
