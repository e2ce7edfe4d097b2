import type { AgentRow, ModelRow, ModelTier, PlanRow, RouteRecord } from '../db/schema/index.js';
import { classifyHeuristic, UNSURE_BELOW, type Complexity } from './heuristic.js';

export type RoutingOverride = 'AUTO' | 'CHEAP' | 'STRONG';
export type AgentModels = { cheap: ModelRow; strong: ModelRow; local: ModelRow | undefined };
export type RouteDecision = RouteRecord & { model: ModelRow };

/** Asks a cheap model; undefined when it could not (budget, outage): the heuristic then stands. */
export type Classify = (message: string) => Promise<Complexity | undefined>;

/**
 * Chooses the model: the caller's override, a fixed strategy, or the complexity of the request
 * (the heuristic, and for CLASSIFIER a cheap model when the heuristic is unsure). Simple work goes
 * to the agent's local model when it has one; everything stays within the plan's model tiers.
 */
export async function decideRoute(input: {
  agent: Pick<AgentRow, 'routing'>;
  plan: Pick<PlanRow, 'allowedModelTiers'>;
  models: AgentModels;
  override: RoutingOverride;
  message: string;
  historyTurns: number;
  classify: Classify;
}): Promise<RouteDecision> {
  const { agent, plan, models } = input;
  const allowed = (tier: ModelTier) => plan.allowedModelTiers.includes(tier);
  const strategy = agent.routing;
  // The tier reported is the chosen model's own, and it must be one the plan allows.
  const pick = (want: 'CHEAP' | 'STRONG' | 'SIMPLE', why: string) => {
    if (want === 'STRONG' && allowed('STRONG') && allowed(models.strong.tier)) return { model: models.strong, tier: models.strong.tier, reason: why };
    if (want === 'SIMPLE' && models.local && allowed('LOCAL')) return { model: models.local, tier: models.local.tier, reason: `${why}; local model` };
    const capped = want === 'STRONG' ? `${why}; STRONG is not in the plan` : why;
    if (!allowed(models.cheap.tier) && models.local && allowed('LOCAL')) return { model: models.local, tier: models.local.tier, reason: `${capped}; local model` };
    return { model: models.cheap, tier: models.cheap.tier, reason: capped };
  };

  if (input.override !== 'AUTO') {
    const p = pick(input.override, `caller asked for ${input.override}`);
    return { strategy, complexity: input.override === 'STRONG' ? 'COMPLEX' : 'SIMPLE', confidence: 1, ...p };
  }
  if (strategy === 'FIXED_CHEAP' || strategy === 'FIXED_STRONG') {
    const want = strategy === 'FIXED_CHEAP' ? 'CHEAP' : 'STRONG';
    return { strategy, complexity: want === 'STRONG' ? 'COMPLEX' : 'SIMPLE', confidence: 1, ...pick(want, `fixed ${want.toLowerCase()}`) };
  }
  const verdict = classifyHeuristic(input.message, input.historyTurns);
  let complexity = verdict.complexity;
  let confidence = verdict.confidence;
  let reason = `heuristic ${complexity.toLowerCase()} (${verdict.reason})`;
  if (strategy === 'CLASSIFIER' && verdict.confidence < UNSURE_BELOW) {
    const answer = await input.classify(input.message);
    if (answer) {
      complexity = answer;
      confidence = 0.9;
      reason = `classifier ${answer.toLowerCase()}; heuristic unsure (${verdict.reason})`;
    } else reason += '; classifier unavailable';
  }
  return { strategy, complexity, confidence, ...pick(complexity === 'COMPLEX' ? 'STRONG' : 'SIMPLE', reason) };
}

/** Cheaper models for the degradation ladder, in the order to try, within the plan. */
export function cheaperThan(chosen: ModelRow, models: AgentModels, plan: Pick<PlanRow, 'allowedModelTiers'>): ModelRow[] {
  const ladder = [models.strong, models.cheap, models.local].filter((m): m is ModelRow => !!m && plan.allowedModelTiers.includes(m.tier));
  const below = ladder.slice(ladder.findIndex((m) => m.id === chosen.id) + 1);
  return below.filter((m, i) => m.id !== chosen.id && below.findIndex((x) => x.id === m.id) === i);
}
