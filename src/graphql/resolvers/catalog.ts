import { microsToUsd, setModelPrice } from '../../pricing/index.js';
import { operatorContext, tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

/** Plans and models: global catalogs, readable by any authenticated caller. */
export const catalogResolvers: Resolvers = {
  Query: {
    plans: (_, __, ctx) => {
      tenantContext(ctx);
      return ctx.deps.plans.list();
    },
    models: (_, __, ctx) => {
      tenantContext(ctx);
      return ctx.deps.models.list();
    },
  },
  Mutation: {
    setModelPrice: (_, { input }, ctx) => setModelPrice({ ctx: operatorContext(ctx), input }),
  },
  Plan: {
    monthlyPriceUsd: (p) => microsToUsd(p.monthlyPriceMicros),
    tenantMonthlySpendLimitUsd: (p) => microsToUsd(p.tenantMonthlySpendLimitMicros),
    runLimits: (p) => ({
      maxToolCalls: p.maxToolCalls,
      maxTokensPerRun: p.maxTokensPerRun,
      maxDurationSeconds: p.maxDurationSeconds,
      maxCostPerRunUsd: microsToUsd(p.maxCostPerRunMicros),
    }),
  },
  Model: {
    inputPricePerMTokUsd: (m) => microsToUsd(m.inputMicrosPerMTok),
    outputPricePerMTokUsd: (m) => microsToUsd(m.outputMicrosPerMTok),
    cachedInputPricePerMTokUsd: (m) =>
      m.cachedInputMicrosPerMTok === null ? null : microsToUsd(m.cachedInputMicrosPerMTok),
  },
};
