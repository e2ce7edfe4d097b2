import {
  acknowledgeAlert,
  alertRun,
  listAlerts,
  rotateAlertSigningSecret,
  testAlertWebhook,
} from '../../monitoring/alerts.js';
import { usageReport, usageSummary } from '../../monitoring/usage.js';
import { microsToUsd } from '../../pricing/index.js';
import { tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const monitoringResolvers: Resolvers = {
  Query: {
    usage: (_, args, ctx) => usageReport({ ctx: tenantContext(ctx), input: args }),
    alerts: (_, args, ctx) => listAlerts({ ctx: tenantContext(ctx), input: args }),
  },
  Mutation: {
    acknowledgeAlert: (_, args, ctx) => acknowledgeAlert({ ctx: tenantContext(ctx), input: args }),
    testAlertWebhook: (_, __, ctx) => testAlertWebhook({ ctx: tenantContext(ctx) }),
    rotateAlertSigningSecret: (_, __, ctx) => rotateAlertSigningSecret({ ctx: tenantContext(ctx) }),
  },
  Alert: {
    subjectUser: (a, _, ctx) =>
      a.subjectUserId ? ctx.loaders.user.load({ tenantId: a.tenantId, id: a.subjectUserId }) : null,
    run: (a, _, ctx) => alertRun(tenantContext(ctx), a),
  },
  Tenant: {
    usageSummary: (tenant, _, ctx) => usageSummary(tenantContext(ctx), tenant.id),
  },
  UsageRow: {
    user: (r, _, ctx) => (r.userId ? ctx.loaders.user.load({ tenantId: r.tenantId, id: r.userId }) : null),
    agent: (r, _, ctx) => (r.agentId ? ctx.loaders.agent.load({ tenantId: r.tenantId, id: r.agentId }) : null),
    model: async (r, _, ctx) => (r.modelId ? ((await ctx.deps.models.byId(r.modelId)) ?? null) : null),
    costUsd: (r) => microsToUsd(r.costMicros),
    savedCostUsd: (r) => microsToUsd(r.cacheSavedMicros + r.routingSavedMicros),
    cacheSavedCostUsd: (r) => microsToUsd(r.cacheSavedMicros),
    routingSavedCostUsd: (r) => microsToUsd(r.routingSavedMicros),
    strongShare: (r) => (r.modelRuns ? r.strongRuns / r.modelRuns : null),
  },
  UsageSummary: {
    spendUsd: (s) => microsToUsd(s.spendMicros),
    spendLimitUsd: (s) => microsToUsd(s.spendLimitMicros),
    cacheSavedCostUsd: (s) => microsToUsd(s.cacheSavedMicros),
    routingSavedCostUsd: (s) => microsToUsd(s.routingSavedMicros),
    forecastSpendUsd: (s) => microsToUsd(s.forecastMicros),
  },
};
