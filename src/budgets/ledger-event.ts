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
