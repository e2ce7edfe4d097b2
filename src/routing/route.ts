import type { AgentRow, ModelRow, ModelTier, PlanRow, RouteRecord } from '../db/schema/index.js';
import { classifyHeuristic, UNSURE_BELOW, type Complexity } from './heuristic.js';

export type RoutingOverride = 'AUTO' | 'CHEAP' | 'STRONG';
export type AgentModels = { cheap: ModelRow; strong: ModelRow; local: ModelRow | undefined };
export type RouteDecision = RouteRecord & { model: ModelRow };

/** Asks a cheap model; undefined when it could not (budget, outage): the heuristic then stands. */
export type Classify = (message: string) => Promise<Complexity | undefined>;

export type RouteInput = {
  agent: Pick<AgentRow, 'routing'>;
  plan: Pick<PlanRow, 'allowedModelTiers'>;
  models: AgentModels;
  override: RoutingOverride;
  message: string;
  historyTurns: number;
};

/**
 * The route before any model is asked, and whether the classifier should be: only for the
 * CLASSIFIER strategy, on AUTO, when the heuristic is unsure. Pure: previews and the pipeline
 * share it.
 */
export type RoutePlan = { decision: RouteDecision; consultClassifier: boolean; signals?: string };

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

/**
 * Chooses the model: the caller's override, a fixed strategy, or the complexity of the request.
 * Simple work goes to the agent's local model when it has one; everything stays within the
 * plan's model tiers.
 */
export function planRoute(input: RouteInput): RoutePlan {
  const strategy = input.agent.routing;
  if (input.override !== 'AUTO') {
    const p = pickModel(input, input.override, `caller asked for ${input.override}`);
    const complexity = input.override === 'STRONG' ? 'COMPLEX' : 'SIMPLE';
    return { decision: { strategy, complexity, confidence: 1, ...p }, consultClassifier: false };
  }
  if (strategy === 'FIXED_CHEAP' || strategy === 'FIXED_STRONG') {
    const want = strategy === 'FIXED_CHEAP' ? 'CHEAP' : 'STRONG';
    const complexity = want === 'STRONG' ? 'COMPLEX' : 'SIMPLE';
    return {
      decision: { strategy, complexity, confidence: 1, ...pickModel(input, want, `fixed ${want.toLowerCase()}`) },
      consultClassifier: false,
    };
  }
  const verdict = classifyHeuristic(input.message, input.historyTurns);
  const reason = `heuristic ${verdict.complexity.toLowerCase()} (${verdict.reason})`;
  const p = pickModel(input, verdict.complexity === 'COMPLEX' ? 'STRONG' : 'SIMPLE', reason);
  const decision = { strategy, complexity: verdict.complexity, confidence: verdict.confidence, ...p };
  return {
    decision,
    consultClassifier: strategy === 'CLASSIFIER' && verdict.confidence < UNSURE_BELOW,
    signals: verdict.reason,
  };
}

/** The route once the classifier has answered (or could not: the heuristic then stands). */
export function withClassifier(input: RouteInput, planned: RoutePlan, answer: Complexity | undefined): RouteDecision {
  const { decision } = planned;
  if (!answer) return { ...decision, reason: `${decision.reason}; classifier unavailable` };
  const reason = `classifier ${answer.toLowerCase()}; heuristic unsure (${planned.signals ?? 'no signal'})`;
  const p = pickModel(input, answer === 'COMPLEX' ? 'STRONG' : 'SIMPLE', reason);
  return { ...decision, complexity: answer, confidence: 0.9, ...p };
}

/** planRoute, asking the classifier when it should. */
export async function decideRoute(input: RouteInput & { classify: Classify }): Promise<RouteDecision> {
  const planned = planRoute(input);
  if (!planned.consultClassifier) return planned.decision;
  return withClassifier(input, planned, await input.classify(input.message));
}
