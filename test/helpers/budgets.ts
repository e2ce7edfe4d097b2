import type { UsageLine } from '../../src/budgets/index.js';

/** One line of usage for a settlement, as a run on no particular model. */
export const line = (inputTokens: number, outputTokens: number, costMicros: number): UsageLine => ({
  kind: 'run',
  modelId: null,
  inputTokens,
  outputTokens,
  cachedInputTokens: 0,
  costMicros,
});
