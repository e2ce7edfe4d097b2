import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { plans } from './plans.js';

/**
 * FREE: never subscribed. ACTIVE: paid. PAST_DUE: a payment failed; the paid limits hold until
 * graceEndsAt, the free plan's after. SUSPENDED: Stripe gave up collecting; runs answer
 * PAYMENT_REQUIRED. CANCELED: the subscription ended; the free plan.
 */
export const BILLING_STATUSES = ['ACTIVE', 'PAST_DUE', 'SUSPENDED', 'CANCELED', 'FREE'] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export type AlertThresholds = { dailySpendMultiplier?: number; userBudgetSharePercent?: number; runCostUsd?: number };

export const tenants = pgTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    billingStatus: text('billing_status').$type<BillingStatus>().notNull().default('FREE'),
    /** Set once, by startUpgrade; the only way a Stripe event finds its tenant. */
    stripeCustomerId: text('stripe_customer_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    /** PAST_DUE: until when the paid limits hold. */
    graceEndsAt: timestamp('grace_ends_at', { withTimezone: true }),
    /** A downgrade waiting for the end of the period (the subscription's schedule). */
    pendingPlanId: text('pending_plan_id').references(() => plans.id),
    alertWebhookUrl: text('alert_webhook_url'),
    alertThresholds: jsonb('alert_thresholds').$type<AlertThresholds>().notNull().default({}),
    /** The webhook's HMAC key, encrypted with SECRETS_KEY (AES-256-GCM): shown once, when made. */
    alertSigningSecret: text('alert_signing_secret'),
    alertSigningSecretCreatedAt: timestamp('alert_signing_secret_created_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenants_stripe_customer_idx').on(t.stripeCustomerId)],
);
export type TenantRow = typeof tenants.$inferSelect;
