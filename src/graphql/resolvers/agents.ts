import {
  agentThreshold,
  archiveAgent,
  createAgent,
  getAgent,
  listAgents,
  listRoutingAdjustments,
  updateAgent,
} from '../../agents/index.js';
import { tenantContext, type GraphQLContext } from '../context.js';
import { internalError } from './shared.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

const model = async (ctx: GraphQLContext, id: string) =>
  (await ctx.deps.models.byId(id)) ?? internalError(`model ${id} missing`);

export const agentResolvers: Resolvers = {
  Query: {
    agents: (_, { includeArchived }, ctx) => listAgents({ ctx: tenantContext(ctx), input: { includeArchived } }),
    agent: (_, { idOrSlug }, ctx) => getAgent({ ctx: tenantContext(ctx), input: { idOrSlug } }),
  },
  Mutation: {
    createAgent: (_, { input }, ctx) => createAgent({ ctx: tenantContext(ctx), input }),
    updateAgent: (_, { input }, ctx) => updateAgent({ ctx: tenantContext(ctx), input }),
    archiveAgent: (_, { id }, ctx) => archiveAgent({ ctx: tenantContext(ctx), input: { id } }),
  },
  Agent: {
    archived: (a) => a.archivedAt !== null,
    cheapModel: (a, _, ctx) => model(ctx, a.cheapModelId),
    strongModel: (a, _, ctx) => model(ctx, a.strongModelId),
    localModel: (a, _, ctx) => (a.localModelId ? model(ctx, a.localModelId) : null),
    routingCalibration: async (a, _, ctx) => {
      const [threshold, sketch] = await Promise.all([
        agentThreshold(tenantContext(ctx), a),
        ctx.deps.routing.sketch(a.tenantId, a.id),
      ]);
      return {
        threshold: threshold.threshold,
        source: threshold.source,
        targetShare: threshold.share ?? null,
        samples: sketch?.samples ?? 0,
      };
    },
    routingAdjustments: (a, { first }, ctx) => listRoutingAdjustments(tenantContext(ctx), a, first ?? 20),
  },
  RoutingAdjustment: {
    from: (r) => r.fromAdjustment,
    to: (r) => r.toAdjustment,
  },
};
