import type { ModelTier } from '../db/schema/index.js';

const usd = (dollars: number) => Math.round(dollars * 1_000_000);

type SeedPlan = {
  key: string;
  name: string;
  rank: number;
  monthlyPriceMicros: number;
  userDailyTokenLimit: number;
  userMonthlyTokenLimit: number;
  tenantMonthlyTokenLimit: number;
  tenantMonthlySpendLimitMicros: number;
  allowedModelTiers: ModelTier[];
  maxCostPerRunMicros: number;
};

const CHEAP_ONLY: ModelTier[] = ['LOCAL', 'CHEAP'];
const ALL_TIERS: ModelTier[] = ['LOCAL', 'CHEAP', 'STRONG'];

/** The article's budget framework; operators edit the rows afterwards, seeding never overwrites. */
export const SEED_PLANS: SeedPlan[] = [
  {
    key: 'free',
    name: 'Free',
    rank: 0,
    monthlyPriceMicros: 0,
    userDailyTokenLimit: 10_000,
    userMonthlyTokenLimit: 100_000,
    tenantMonthlyTokenLimit: 300_000,
    tenantMonthlySpendLimitMicros: usd(1),
    allowedModelTiers: CHEAP_ONLY,
    maxCostPerRunMicros: usd(1),
  },
  {
    key: 'hobby',
    name: 'Hobby',
    rank: 1,
    monthlyPriceMicros: usd(10),
    userDailyTokenLimit: 50_000,
    userMonthlyTokenLimit: 1_000_000,
    tenantMonthlyTokenLimit: 3_000_000,
    tenantMonthlySpendLimitMicros: usd(10),
    allowedModelTiers: CHEAP_ONLY,
    maxCostPerRunMicros: usd(1),
  },
  {
    key: 'starter',
    name: 'Starter',
    rank: 2,
    monthlyPriceMicros: usd(50),
    userDailyTokenLimit: 50_000,
    userMonthlyTokenLimit: 1_000_000,
    tenantMonthlyTokenLimit: 15_000_000,
    tenantMonthlySpendLimitMicros: usd(50),
    allowedModelTiers: ALL_TIERS,
    maxCostPerRunMicros: usd(1),
  },
  {
    key: 'growth',
    name: 'Growth',
    rank: 3,
    monthlyPriceMicros: usd(200),
    userDailyTokenLimit: 200_000,
    userMonthlyTokenLimit: 4_000_000,
    tenantMonthlyTokenLimit: 60_000_000,
    tenantMonthlySpendLimitMicros: usd(200),
    allowedModelTiers: ALL_TIERS,
    maxCostPerRunMicros: usd(1),
  },
  {
    key: 'business',
    name: 'Business',
    rank: 4,
    monthlyPriceMicros: usd(1000),
    userDailyTokenLimit: 1_000_000,
    userMonthlyTokenLimit: 20_000_000,
    tenantMonthlyTokenLimit: 300_000_000,
    tenantMonthlySpendLimitMicros: usd(1000),
    allowedModelTiers: ALL_TIERS,
    maxCostPerRunMicros: usd(5),
  },
];

/** The article's circuit breakers, the same on every plan but for the cost cap. */
export const DEFAULT_RUN_LIMITS = { maxToolCalls: 10, maxTokensPerRun: 50_000, maxDurationSeconds: 120 };
export const DEFAULT_PLAN_KEY = 'free';
