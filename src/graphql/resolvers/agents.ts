import {
  archiveAgent,
  createAgent,
  getAgent,
  listAgents,
  listRoutingAdjustments,
  routingCalibration,
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
    routingCalibration: (a, _, ctx) => routingCalibration(tenantContext(ctx), a),
    routingAdjustments: (a, { first }, ctx) => listRoutingAdjustments(tenantContext(ctx), a, first ?? 20),
  },
  RoutingAdjustment: {
    from: (r) => r.fromAdjustment,
    to: (r) => r.toAdjustment,
  },
};
