import { openBillingPortal, setPlanStripePrice, startUpgrade } from '../../billing/index.js';
import { operatorContext, tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const billingResolvers: Resolvers = {
  Mutation: {
    startUpgrade: (_, args, ctx) => startUpgrade({ ctx: tenantContext(ctx), input: args }),
    openBillingPortal: (_, __, ctx) => openBillingPortal({ ctx: tenantContext(ctx) }),
    setPlanStripePrice: (_, args, ctx) => setPlanStripePrice({ ctx: operatorContext(ctx), input: args }),
  },
};
