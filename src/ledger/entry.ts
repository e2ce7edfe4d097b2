import type { AlertKind, StoredAgentRun } from '../db/schema/index.js';

/** One row of the append-only ledger (`usage_events`), as it travels before it reaches Postgres. */
export type UsageEvent = {
  id: string;
  tenantId: string;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  modelId: string | null;
  /** `run`, `classifier`, `summary` (a run's side calls), `cache_hit`. */
  kind: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Tokens charged to the budget windows (the provider's count). */
  totalTokens: number;
  /** Micro-dollars charged to the spend window. */
  costMicros: number;
  savedCostMicros: number;
  /**
   * The one event that counts its run in usage reports: a call's first line, for a run's first call
   * (a cache hit's event too). Absent (older entries, the admission script's hits): true.
   */
  opensRun?: boolean;
  /** The reservation's time: the event counts in the periods its reservation was held in. */
  occurredAt: string;
};

/** An alert raised on the request path (UPGRADE_SUGGESTED), stored once per period with the ledger. */
export type AlertDraft = {
  id: string;
  tenantId: string;
  kind: AlertKind;
  subjectUserId: string | null;
  /** With the kind, what makes it once per period: e.g. `USER_DAILY:2026-12-01:usr_…`. */
  periodKey: string;
  value: number;
  threshold: number;
  message: string;
  createdAt: string;
  /** RUN_COST: the run. */
  runId?: string | null;
  /** Not due for the delivery poller until this long from now: its caller attempts it first. */
  heldMs?: number;
};

/**
 * What one durable write carries: the usage events of one settlement (a run and its side calls,
 * one per model and kind) and/or the run record, and the alerts the run raised. Written to the
 * outbox in the same atomic step as the budget counters move.
 */
export type LedgerEntry = { events: UsageEvent[]; run: StoredAgentRun | null; alerts?: AlertDraft[] };

/** Whether an event counts its run (entries from before the field: a call's first line does). */
export const opensRun = (e: UsageEvent) => e.opensRun ?? !e.id.includes('.');

export const tenantOf = (e: LedgerEntry) => e.run?.tenantId ?? e.events[0]?.tenantId ?? e.alerts?.[0]?.tenantId;

export const encodeEntry = (entry: LedgerEntry) => JSON.stringify(entry);

/** Arrays a Lua script may have re-encoded: Redis 7.0's cjson writes an empty array as `{}`. */
const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The one reader of entries from a stream or the wire. */
export function decodeEntry(raw: string): LedgerEntry {
  const parsed = JSON.parse(raw) as Partial<LedgerEntry>;
  const run = parsed.run ?? null;
  return {
    events: asArray<UsageEvent>(parsed.events),
    run: run && { ...run, degradations: asArray(run.degradations), sideCalls: asArray(run.sideCalls) },
    ...(parsed.alerts ? { alerts: asArray<AlertDraft>(parsed.alerts) } : {}),
  };
}
