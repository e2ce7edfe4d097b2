import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { plans } from './plans.js';

export const BILLING_STATUSES = ['ACTIVE', 'PAST_DUE', 'CANCELED', 'FREE'] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export type AlertThresholds = { dailySpendMultiplier?: number; userBudgetSharePercent?: number; runCostUsd?: number };

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  planId: text('plan_id')
    .notNull()
    .references(() => plans.id),
  billingStatus: text('billing_status').$type<BillingStatus>().notNull().default('FREE'),
  stripeCustomerId: text('stripe_customer_id'),
  stripeSubscriptionId: text('stripe_subscription_id'),
  currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
  alertWebhookUrl: text('alert_webhook_url'),
  alertThresholds: jsonb('alert_thresholds').$type<AlertThresholds>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type TenantRow = typeof tenants.$inferSelect;
