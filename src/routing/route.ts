import type { AgentRow, ModelRow, ModelTier, PlanRow, RouteRecord } from '../db/schema/index.js';
import { MIN_SAMPLES, thresholdForShare, type Sketch } from './calibration.js';
import { difficulty, type ScoredTurn } from './score.js';

export type Complexity = 'SIMPLE' | 'COMPLEX';
export type RoutingOverride = 'AUTO' | 'CHEAP' | 'STRONG';
export type AgentModels = { cheap: ModelRow; strong: ModelRow; local: ModelRow | undefined };
export type RouteDecision = RouteRecord & { score: number; threshold: number; model: ModelRow };

/**
 * A request's jitter for a calibrated threshold, from its id: uniform in ±TIE_JITTER, several
 * sketch bins wide, so that a crowd of equal scores fills whole bins evenly and the threshold
 * interpolated inside one splits it at the target.
 */
export const TIE_JITTER = 0.01;
export function tieBreak(id: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16_777_619);
  return ((h >>> 0) / 2 ** 32 - 0.5) * 2 * TIE_JITTER;
}

/** The threshold of an agent with neither its own nor a target (and below MIN_SAMPLES samples). */
export const DEFAULT_THRESHOLD = 0.5;
/**
 * The classifier's unsure band: a score closer than this to the threshold asks the cheap model
 * (the CLASSIFIER strategy). It moves with the threshold.
 */
export const UNSURE_MARGIN = 0.12;
/** Adaptive routing moves an agent by this much at a time, and at most this far in all. */
export const ADAPT_STEP = 0.02;
export const ADAPT_MAX = 0.2;

export type RoutingSettings = Pick<
  AgentRow,
  'routingThreshold' | 'strongShareTarget' | 'routingAdjustment' | 'adaptiveRouting'
>;
export type Threshold = {
  threshold: number;
  /** FIXED: the agent's own; CALIBRATED: from its traffic and target; DEFAULT otherwise. */
  source: 'DEFAULT' | 'FIXED' | 'CALIBRATED';
  /** The strong share aimed at (a target plus what adaptive routing added). */
  share?: number;
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The agent's threshold now: its own (less what adaptive routing took off), or the score above
 * which its target share of recent traffic falls (the target raised by adaptive routing), or the
 * default. An agent with a target and too few samples uses the default.
 */
export function thresholdOf(agent: RoutingSettings, sketch: Sketch | undefined): Threshold {
  // What adaptive routing moved counts only while it is on.
  const moved = agent.adaptiveRouting ? agent.routingAdjustment : 0;
  if (agent.strongShareTarget !== null) {
    const share = round(clamp(agent.strongShareTarget + moved, 0.01, 0.99));
    if (!sketch || sketch.samples < MIN_SAMPLES) {
      return { threshold: round(clamp(DEFAULT_THRESHOLD - moved, 0, 1)), source: 'DEFAULT', share };
    }
    return { threshold: thresholdForShare(sketch, share), source: 'CALIBRATED', share };
  }
  if (agent.routingThreshold !== null) {
    return { threshold: round(clamp(agent.routingThreshold - moved, 0, 1)), source: 'FIXED' };
  }
  return { threshold: round(clamp(DEFAULT_THRESHOLD - moved, 0, 1)), source: 'DEFAULT' };
}

export type RouteInput = {
  agent: Pick<AgentRow, 'routing'>;
  plan: Pick<PlanRow, 'allowedModelTiers'>;
  models: AgentModels;
  override: RoutingOverride;
  message: string;
  history: readonly ScoredTurn[];
  threshold: number;
  /**
   * Added to the score before it meets a calibrated threshold (see tieBreak): requests with the
   * same score then split at the target share instead of all landing on one side.
   */
  jitter?: number;
};

/**
 * The route before any model is asked, and whether the classifier should be: only for the
 * CLASSIFIER strategy, on AUTO, in the unsure band. Pure: previews and the pipeline share it.
 * `signals`: the score's reasons, for the classifier's decision to quote.
 */
export type RoutePlan = { decision: RouteDecision; consultClassifier: boolean; signals: string };

/** The agent's models within the plan, strongest first: the order fallbacks and the ladder use. */
export function modelLadder(models: AgentModels, plan: Pick<PlanRow, 'allowedModelTiers'>): ModelRow[] {
  const ladder = [models.strong, models.cheap, models.local].filter(
    (m): m is ModelRow => !!m && plan.allowedModelTiers.includes(m.tier),
  );
  return ladder.filter((m, i) => ladder.findIndex((x) => x.id === m.id) === i);
}

/** Cheaper models for the degradation ladder, in the order to try, within the plan. */
export function cheaperThan(
  chosen: ModelRow,
  models: AgentModels,
  plan: Pick<PlanRow, 'allowedModelTiers'>,
): ModelRow[] {
  const ladder = modelLadder(models, plan);
  return ladder.slice(ladder.findIndex((m) => m.id === chosen.id) + 1).filter((m) => m.id !== chosen.id);
}

/** The models a failing one gives way to: every other model of the agent the plan allows. */
export const fallbacksFor = (chosen: ModelRow, models: AgentModels, plan: Pick<PlanRow, 'allowedModelTiers'>) =>
  modelLadder(models, plan).filter((m) => m.id !== chosen.id);

function pickModel(input: RouteInput, want: 'CHEAP' | 'STRONG' | 'SIMPLE', why: string) {
  const { plan, models } = input;
  const allowed = (tier: ModelTier) => plan.allowedModelTiers.includes(tier);
  // The tier reported is the chosen model's own, and it must be one the plan allows.
  if (want === 'STRONG' && allowed('STRONG') && allowed(models.strong.tier)) {
    return { model: models.strong, tier: models.strong.tier, reason: why };
  }
  if (want === 'SIMPLE' && models.local && allowed('LOCAL')) {
    return { model: models.local, tier: models.local.tier, reason: `${why}; local model` };
  }
  const capped = want === 'STRONG' ? `${why}; STRONG is not in the plan` : why;
  if (!allowed(models.cheap.tier) && models.local && allowed('LOCAL')) {
    return { model: models.local, tier: models.local.tier, reason: `${capped}; local model` };
  }
  return { model: models.cheap, tier: models.cheap.tier, reason: capped };
}

/** What a score says against a threshold: the recorded complexity and confidence follow from it. */
export function verdictOf(score: number, threshold: number): Pick<RouteRecord, 'complexity' | 'confidence'> {
  return {
    complexity: score >= threshold ? 'COMPLEX' : 'SIMPLE',
    confidence: round(Math.min(1, 0.5 + Math.abs(score - threshold))),
  };
}

const inUnsureBand = (score: number, threshold: number) => Math.abs(score - threshold) < UNSURE_MARGIN;

const fmt = (x: number) => x.toFixed(2);

/**
 * Chooses the model: the caller's override, a fixed strategy, or the request's difficulty score
 * against the agent's threshold. Every decision records the score and the threshold. Simple work
 * goes to the agent's local model when it has one; everything stays within the plan's tiers.
 */
export function planRoute(input: RouteInput): RoutePlan {
  const strategy = input.agent.routing;
  const { threshold } = input;
  const scoredRequest = difficulty(input.message, input.history);
  // Not rounded: the calibrated threshold splits a crowd of equal scores only if their jitter stays whole.
  const score = clamp(scoredRequest.score + (input.jitter ?? 0), 0, 1);
  const { reasons } = scoredRequest;
  const signals = reasons.join(', ');
  const scored = { strategy, score, threshold, auto: input.override === 'AUTO', ...verdictOf(score, threshold) };
  const against = `score ${fmt(score)} vs ${fmt(threshold)}`;
  if (input.override !== 'AUTO') {
    const p = pickModel(input, input.override, `caller asked for ${input.override}; ${against}`);
    return { decision: { ...scored, ...p }, consultClassifier: false, signals };
  }
  if (strategy === 'FIXED_CHEAP' || strategy === 'FIXED_STRONG') {
    const want = strategy === 'FIXED_CHEAP' ? 'CHEAP' : 'STRONG';
    const p = pickModel(input, want, `fixed ${want.toLowerCase()}; ${against}`);
    return { decision: { ...scored, ...p }, consultClassifier: false, signals };
  }
  const reason = `${against} (${signals})`;
  const p = pickModel(input, scored.complexity === 'COMPLEX' ? 'STRONG' : 'SIMPLE', reason);
  return {
    decision: { ...scored, ...p },
    consultClassifier: strategy === 'CLASSIFIER' && inUnsureBand(score, threshold),
    signals,
  };
}

/**
 * The route once the classifier has rated the request (or could not: the score then stands). Its
 * rating and the score count equally.
 */
export function withClassifier(input: RouteInput, planned: RoutePlan, rating: number | undefined): RouteDecision {
  const { decision } = planned;
  if (rating === undefined) return { ...decision, reason: `${decision.reason}; classifier unavailable` };
  const score = round((decision.score + rating) / 2);
  const verdict = verdictOf(score, decision.threshold);
  const reason = `classifier rated ${fmt(rating)}, score ${fmt(decision.score)} → ${fmt(score)} vs ${fmt(decision.threshold)} (${planned.signals})`;
  const p = pickModel(input, verdict.complexity === 'COMPLEX' ? 'STRONG' : 'SIMPLE', reason);
  return { ...decision, score, ...verdict, ...p };
}

/**
 * The router itself sent the run below the strong tier: routing AUTO, an agent routed by the score,
 * the request judged simple, no budget downgrade. Routing savings and adaptive routing count only these.
 */
export const routerChoseCheap = (
  route: Pick<RouteRecord, 'auto' | 'strategy' | 'complexity' | 'tier'>,
  degradations: readonly string[],
) =>
  route.auto === true &&
  (route.strategy === 'HEURISTIC' || route.strategy === 'CLASSIFIER') &&
  route.complexity === 'SIMPLE' &&
  route.tier !== 'STRONG' &&
  !degradations.includes('CHEAPER_MODEL');
