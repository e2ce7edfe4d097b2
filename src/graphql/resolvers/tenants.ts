import { findApiKey } from '../../auth/index.js';
import { effectivePlan } from '../../billing/index.js';
import { internalError } from './shared.js';
import { createTenant, getTenant, updateTenant } from '../../tenants/index.js';
import { tenantContext, type GraphQLContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

const ALERT_DEFAULTS = { dailySpendMultiplier: 2, userBudgetSharePercent: 10, runCostUsd: 1 };

export const tenantResolvers: Resolvers = {
  Query: {
    viewer: (_, __, ctx) => ({ actor: tenantContext(ctx).actor }),
  },
  Mutation: {
    createTenant: (_, { input }, ctx: GraphQLContext) => {
      if (ctx.authError) throw ctx.authError;
      return createTenant({
        ctx: { deps: ctx.deps, requestId: ctx.requestId, log: ctx.log, operator: ctx.operator, clientIp: ctx.clientIp },
        input,
      });
    },
    updateTenant: (_, { input }, ctx) => updateTenant({ ctx: tenantContext(ctx), input }),
  },
  Viewer: {
    tenant: (_, __, ctx) => getTenant({ ctx: tenantContext(ctx) }),
    user: async ({ actor }, _, ctx) =>
      actor.userId ? ctx.loaders.user.load({ tenantId: actor.tenantId, id: actor.userId }) : null,
    apiKey: async ({ actor }, _, ctx) =>
      (await findApiKey(tenantContext(ctx), actor.keyId)) ?? internalError('viewer key vanished'),
  },
  Tenant: {
    plan: (t, _, ctx) => effectivePlan(ctx.deps.plans, t, ctx.deps.clock.now()),
    pendingPlan: (t, _, ctx) => (t.pendingPlanId ? ctx.deps.plans.byId(t.pendingPlanId) : null),
    alertThresholds: (t) => ({ ...ALERT_DEFAULTS, ...t.alertThresholds }),
  },
  CreateTenantPayload: {
    apiKey: (p) => p.apiKey,
  },
};
