import { budgetStatusFor, getBudgetStatus, setUserBudget } from '../../budgets/index.js';
import { microsToUsd } from '../../pricing/index.js';
import { tenantContext } from '../context.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const budgetResolvers: Resolvers = {
  Query: {
    budgetStatus: (_, { userId }, ctx) => getBudgetStatus({ ctx: tenantContext(ctx), input: { userId } }),
  },
  Mutation: {
    setUserBudget: (_, { input }, ctx) => setUserBudget({ ctx: tenantContext(ctx), input }),
  },
  User: {
    budgetOverride: (u) =>
      u.dailyTokenLimit === null && u.monthlyTokenLimit === null
        ? null
        : { dailyTokenLimit: u.dailyTokenLimit, monthlyTokenLimit: u.monthlyTokenLimit },
    // The parent user was already readable by the caller.
    budgetStatus: (u, _, ctx) => budgetStatusFor(ctx.deps, u),
  },
  BudgetStatus: {
    daily: (s) => s.windows.USER_DAILY,
    monthly: (s) => s.windows.USER_MONTHLY,
    tenantMonthly: (s) => s.windows.TENANT_MONTHLY,
    tenantSpend: ({ windows: { TENANT_SPEND: w } }) => ({
      limitUsd: microsToUsd(w.limit),
      usedUsd: microsToUsd(w.used),
      reservedUsd: microsToUsd(w.reserved),
      remainingUsd: microsToUsd(w.remaining),
      resetsAt: w.resetsAt,
    }),
  },
};
