import { estimateCostMicros as costMicros, type Prices } from '../pricing/cost.js';
import type { WindowKind } from './windows.js';

/** What an admission may give up to fit a budget; the run record lists the ones it took. */
export const DEGRADATIONS = ['CHEAPER_MODEL', 'SHORTER_RESPONSE'] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/** A model as the ladder sees it: prices in micro-dollars per million tokens. */
export type LadderModel = Prices & { id: string };
export type Remaining = { kind: WindowKind; unit: 'TOKENS' | 'USD'; remaining: number };

export type LadderInput = {
  routed: LadderModel;
  /** Cheaper models the plan allows, in the order to try them. */
  cheaper: LadderModel[];
  inputTokens: number;
  outputCap: number;
  /** What is left in every window. */
  remaining: Remaining[];
  /** A shorter answer is never capped below this. */
  floor?: number;
};

export type LadderDecision =
  | { kind: 'RUN'; model: LadderModel; outputCap: number }
  | { kind: 'CHEAPER_MODEL'; model: LadderModel; outputCap: number }
  | { kind: 'SHORTER_RESPONSE'; model: LadderModel; outputCap: number }
  | { kind: 'REFUSE'; window: WindowKind };

export const DEFAULT_OUTPUT_FLOOR = 256;

function blockingWindow(model: LadderModel, input: number, cap: number, remaining: Remaining[]): Remaining | undefined {
  return remaining.find((w) => (w.unit === 'TOKENS' ? input + cap : costMicros(model, input, cap)) > w.remaining);
}

/** The largest output cap (up to `cap`) that fits every window on this model. */
function largestCap(model: LadderModel, input: number, cap: number, remaining: Remaining[]): number {
  let best = cap;
  for (const w of remaining) {
    if (w.unit === 'TOKENS') best = Math.min(best, w.remaining - input);
    else if (model.outputMicrosPerMTok > 0) {
      const left = w.remaining - costMicros(model, input, 0);
      best = Math.min(best, Math.floor((left * 1_000_000) / model.outputMicrosPerMTok));
    } else if (costMicros(model, input, 0) > w.remaining) best = -1;
  }
  // Rounding up the cost may still tip it over by a micro-dollar: step down until it fits.
  while (best > 0 && blockingWindow(model, input, best, remaining)) best--;
  return best;
}

/**
 * The degradation ladder: run as routed; else a cheaper model at the full output cap; else a
 * shorter answer (never below the floor); else refuse, naming the window that blocked.
 */
export function decideLadder(input: LadderInput): LadderDecision {
  const { routed, cheaper, inputTokens, outputCap, remaining } = input;
  const floor = Math.min(input.floor ?? DEFAULT_OUTPUT_FLOOR, outputCap);
  if (!blockingWindow(routed, inputTokens, outputCap, remaining)) return { kind: 'RUN', model: routed, outputCap };
  for (const model of cheaper) {
    if (!blockingWindow(model, inputTokens, outputCap, remaining)) return { kind: 'CHEAPER_MODEL', model, outputCap };
  }
  let best: { model: LadderModel; cap: number } | undefined;
  for (const model of [routed, ...cheaper]) {
    const cap = largestCap(model, inputTokens, outputCap, remaining);
    if (cap >= floor && (!best || cap > best.cap)) best = { model, cap };
  }
  if (best) return { kind: 'SHORTER_RESPONSE', model: best.model, outputCap: best.cap };
  const cheapest = [routed, ...cheaper].reduce((a, b) =>
    costMicros(b, inputTokens, floor) < costMicros(a, inputTokens, floor) ? b : a,
  );
  const window =
    blockingWindow(cheapest, inputTokens, floor, remaining) ??
    blockingWindow(routed, inputTokens, outputCap, remaining)!;
  return { kind: 'REFUSE', window: window.kind };
}

/** The degradations a decision took against the routed model and the full output cap. */
export function degradationsOf(
  decision: Exclude<LadderDecision, { kind: 'REFUSE' }>,
  routed: LadderModel,
  outputCap: number,
): Degradation[] {
  const taken: Degradation[] = [];
  if (decision.model.id !== routed.id) taken.push('CHEAPER_MODEL');
  if (decision.outputCap < outputCap) taken.push('SHORTER_RESPONSE');
  return taken;
}
