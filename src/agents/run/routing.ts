import type { TenantContext } from '../../context.js';
import type { AgentRow } from '../../db/schema/index.js';
import { thresholdOf, type RouteInput, type Threshold } from '../../routing/index.js';
import type { PreparedRun } from './prepare.js';

/** The agent's routing threshold now: its sketch is read only for an agent with a strong-share target. */
export async function agentThreshold(ctx: TenantContext, agent: AgentRow): Promise<Threshold> {
  const sketch = agent.strongShareTarget === null ? undefined : await ctx.deps.routing.sketch(agent.tenantId, agent.id);
  return thresholdOf(agent, sketch);
}

/** Runs whose scores calibrate their agent's threshold: routed by the score, and not a cache hit. */
export const calibrates = (agent: Pick<AgentRow, 'routing'>, override: string) =>
  override === 'AUTO' && (agent.routing === 'HEURISTIC' || agent.routing === 'CLASSIFIER');

/** What the router reads of a run: the pipeline and the preview route the same request alike. */
export const routeInputOf = (run: PreparedRun, threshold: number): RouteInput => ({
  agent: run.agent,
  plan: run.plan,
  models: run.models,
  override: run.request.routing,
  message: run.message,
  history: run.history,
  threshold,
});
