import type { RouteRecord, RunStatus } from '../db/schema/index.js';

/** One row of the append-only ledger, as it travels before it reaches Postgres. */
export type LedgerEvent = {
  id: string;
  tenantId: string;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  modelId: string | null;
  kind: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Tokens charged to the budget windows (the provider's count, never more than was reserved). */
  totalTokens: number;
  /** Micro-dollars charged to the spend window. */
  costMicros: number;
  savedCostMicros: number;
  /** The reservation's time: the event counts in the periods its reservation was held in. */
  occurredAt: string;
};

/** One `agent_runs` row, refusals and failures included. */
export type RunRecord = {
  id: string;
  tenantId: string;
  agentId: string;
  userId: string | null;
  apiKeyId: string | null;
  status: RunStatus;
  route: RouteRecord;
  modelId: string | null;
  cached: boolean;
  degradations: string[];
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  toolCalls: number;
  costMicros: number;
  savedCostMicros: number;
  durationMs: number;
  reason: string | null;
  transcript: unknown;
  createdAt: string;
};

/** What one durable write carries: a ledger event, a run record, or both (settled together). */
export type LedgerEntry = { event: LedgerEvent | null; run: RunRecord | null };
