import { createApiKey, endSession, listApiKeys, revokeApiKey, startSession } from '../../auth/index.js';
import { tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const authResolvers: Resolvers = {
  Query: {
    apiKeys: (_, args, ctx) => listApiKeys({ ctx: tenantContext(ctx), input: args }),
  },
  Mutation: {
    createApiKey: (_, { input }, ctx) => createApiKey({ ctx: tenantContext(ctx), input }),
    revokeApiKey: (_, { id }, ctx) => revokeApiKey({ ctx: tenantContext(ctx), input: { id } }),
    startSession: (_, __, ctx) => startSession(tenantContext(ctx)),
    endSession: (_, __, ctx) => endSession(tenantContext(ctx)),
  },
  ApiKey: {
    user: async (key, _, ctx) =>
      key.userId ? ctx.loaders.user.load({ tenantId: key.tenantId, id: key.userId }) : null,
  },
};
