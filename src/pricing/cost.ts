import type { ModelRow } from '../db/schema/index.js';

export type TokenCounts = { inputTokens: number; outputTokens: number; cachedInputTokens: number };

/**
 * Exact cost in millionths of a micro-dollar (tokens × micro-dollars per million tokens), so that
 * several steps can be added up before one rounding. Cached input tokens are priced at the cached
 * rate where the model has one.
 */
export function costNumerator(model: Pick<ModelRow, 'inputMicrosPerMTok' | 'outputMicrosPerMTok' | 'cachedInputMicrosPerMTok'>, usage: TokenCounts): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const cachedRate = model.cachedInputMicrosPerMTok ?? model.inputMicrosPerMTok;
  return (usage.inputTokens - cached) * model.inputMicrosPerMTok + cached * cachedRate + usage.outputTokens * model.outputMicrosPerMTok;
}

/** A run's cost in micro-dollars, rounded up once. */
export const toMicros = (numerator: number) => Math.ceil(numerator / 1_000_000);

export const runCostMicros = (model: Parameters<typeof costNumerator>[0], usage: TokenCounts) => toMicros(costNumerator(model, usage));
