import type { UsageLine } from '../../src/budgets/index.js';
import type { LedgerEntry, UsageEvent } from '../../src/ledger/index.js';

/** One line of usage for a settlement, as a run on no particular model. */
export const line = (inputTokens: number, outputTokens: number, costMicros: number): UsageLine => ({
  kind: 'run',
  modelId: null,
  inputTokens,
  outputTokens,
  cachedInputTokens: 0,
  costMicros,
});

/** A usage event of nothing, at `at`: what a store keeps and the ledger writes, with no usage. */
export const emptyEvent = (tenantId: string, id: string, at: Date): UsageEvent => ({
  id,
  tenantId,
  userId: null,
  agentId: null,
  runId: null,
  modelId: null,
  kind: 'test',
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  totalTokens: 0,
  costMicros: 0,
  savedCostMicros: 0,
  occurredAt: at.toISOString(),
});

/** A ledger entry of one such event and no run. */
export const emptyEntry = (tenantId: string, id: string, at: Date): LedgerEntry => ({
  run: null,
  events: [emptyEvent(tenantId, id, at)],
});
