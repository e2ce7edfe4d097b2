import { usersClosestToLimit } from '../../budgets/index.js';
import { createUser, getUser, listUsers, updateUser } from '../../users/index.js';
import { tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const userResolvers: Resolvers = {
  Query: {
    users: (_, { orderBy, ...args }, ctx) =>
      orderBy === 'CLOSEST_TO_LIMIT'
        ? usersClosestToLimit({ ctx: tenantContext(ctx), input: args })
        : listUsers({ ctx: tenantContext(ctx), input: args }),
    user: (_, { id }, ctx) => getUser({ ctx: tenantContext(ctx), input: { id } }),
  },
  Mutation: {
    createUser: (_, { input }, ctx) => createUser({ ctx: tenantContext(ctx), input }),
    updateUser: (_, { input }, ctx) => updateUser({ ctx: tenantContext(ctx), input }),
  },
};
