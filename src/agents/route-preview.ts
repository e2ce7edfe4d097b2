import type { TenantContext } from '../context.js';
import { planRoute, type RouteDecision } from '../routing/index.js';
import { prepareRun } from './run/prepare.js';
import { requestFromGraphQL } from './run/request.js';
import { agentThreshold, routeInputOf } from './run/routing.js';

export type RoutePreviewView = { decision: RouteDecision; wouldConsultClassifier: boolean };

/**
 * The route the agent would take for this request now, as runAgent would plan it (the same
 * validation, the same resolution of agent, plan and models, the same threshold), with no
 * provider call, hold, charge or run record. Budgets can still degrade a real run at admission; on
 * a calibrated agent the preview's score carries no jitter (a run's carries its own ±0.01).
 */
export async function routePreview({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<RoutePreviewView> {
  const run = await prepareRun(ctx, requestFromGraphQL(input));
  const planned = planRoute({ ...routeInputOf(run, await agentThreshold(ctx, run.agent)), jitter: 0 });
  return { decision: planned.decision, wouldConsultClassifier: planned.consultClassifier };
}
