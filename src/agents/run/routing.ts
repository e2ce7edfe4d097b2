import type { TenantContext } from '../../context.js';
import type { AgentRow } from '../../db/schema/index.js';
import { thresholdOf, tieBreak, type RouteInput, type RoutingOverride, type Threshold } from '../../routing/index.js';
import type { PreparedRun } from './prepare.js';

/** The agent's routing threshold now: its sketch is read only for an agent with a strong-share target. */
export async function agentThreshold(ctx: TenantContext, agent: AgentRow): Promise<Threshold> {
  const sketch = agent.strongShareTarget === null ? undefined : await ctx.deps.routing.sketch(agent.tenantId, agent.id);
  return thresholdOf(agent, sketch);
}

/**
 * Runs whose scores may calibrate their agent's threshold: routed by the score (the caller's
 * call, after admission, keeps cache hits out).
 */
export const calibrates = (agent: Pick<AgentRow, 'routing'>, override: RoutingOverride) =>
  override === 'AUTO' && (agent.routing === 'HEURISTIC' || agent.routing === 'CLASSIFIER');

/** What the router reads of a run: the pipeline and the preview route the same request alike. */
export const routeInputOf = (run: PreparedRun, threshold: Threshold): RouteInput => ({
  agent: run.agent,
  plan: run.plan,
  models: run.models,
  override: run.request.routing,
  message: run.message,
  history: run.history,
  threshold: threshold.threshold,
  jitter: threshold.source === 'CALIBRATED' ? tieBreak(run.runId) : 0,
});

/** Agent.routingCalibration: the threshold in use, where it comes from, and the samples behind it. */
export async function routingCalibration(ctx: TenantContext, agent: AgentRow) {
  const sketch = await ctx.deps.routing.sketch(agent.tenantId, agent.id);
  const threshold = thresholdOf(agent, sketch);
  return {
    threshold: threshold.threshold,
    source: threshold.source,
    targetShare: threshold.share ?? null,
    samples: sketch?.samples ?? 0,
  };
}
