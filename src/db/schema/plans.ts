import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const MODEL_TIERS = ['LOCAL', 'CHEAP', 'STRONG'] as const;
export type ModelTier = (typeof MODEL_TIERS)[number];

/** Global catalog, not tenant-owned. Money in integer micro-dollars. */
export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  rank: integer('rank').notNull(),
  monthlyPriceMicros: bigint('monthly_price_micros', { mode: 'number' }).notNull(),
  /** The Stripe price a subscription to this plan is billed at (set by the operator); one plan per price. */
  stripePriceId: text('stripe_price_id').unique(),
  userDailyTokenLimit: bigint('user_daily_token_limit', { mode: 'number' }).notNull(),
  userMonthlyTokenLimit: bigint('user_monthly_token_limit', { mode: 'number' }).notNull(),
  tenantMonthlyTokenLimit: bigint('tenant_monthly_token_limit', { mode: 'number' }).notNull(),
  tenantMonthlySpendLimitMicros: bigint('tenant_monthly_spend_limit_micros', { mode: 'number' }).notNull(),
  allowedModelTiers: text('allowed_model_tiers').array().$type<ModelTier[]>().notNull(),
  maxToolCalls: integer('max_tool_calls').notNull(),
  maxTokensPerRun: integer('max_tokens_per_run').notNull(),
  maxDurationSeconds: integer('max_duration_seconds').notNull(),
  maxCostPerRunMicros: bigint('max_cost_per_run_micros', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type PlanRow = typeof plans.$inferSelect;
