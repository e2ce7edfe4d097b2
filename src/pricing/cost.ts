import type { ModelRow } from '../db/schema/index.js';

export type TokenCounts = { inputTokens: number; outputTokens: number; cachedInputTokens: number };
/** A model's prices in micro-dollars per million tokens (the catalog's, or an operator's). */
export type Prices = Pick<ModelRow, 'inputMicrosPerMTok' | 'outputMicrosPerMTok'> & {
  cachedInputMicrosPerMTok?: number | null;
};

/**
 * Exact cost in millionths of a micro-dollar (tokens × micro-dollars per million tokens), so that
 * several steps can be added up before one rounding. Cached input tokens are priced at the cached
 * rate where the model has one.
 */
export function costNumerator(model: Prices, usage: TokenCounts): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const cachedRate = model.cachedInputMicrosPerMTok ?? model.inputMicrosPerMTok;
  return (
    (usage.inputTokens - cached) * model.inputMicrosPerMTok +
    cached * cachedRate +
    usage.outputTokens * model.outputMicrosPerMTok
  );
}

/** Micro-dollars, rounded up: a charge is never below what it costs. */
export const toMicros = (numerator: number) => Math.ceil(numerator / 1_000_000);

/** The one cost function: what this usage costs on this model, in micro-dollars. */
export const costMicros = (model: Prices, usage: TokenCounts) => toMicros(costNumerator(model, usage));

/** What a call may cost before it is made: the estimate, no cached tokens assumed. */
export const estimateCostMicros = (model: Prices, inputTokens: number, outputTokens: number) =>
  costMicros(model, { inputTokens, outputTokens, cachedInputTokens: 0 });
