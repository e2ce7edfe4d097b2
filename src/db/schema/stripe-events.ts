import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Processed Stripe webhook ids: each event is applied once. Not tenant-scoped (the webhook has no tenant context). */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  tenantId: text('tenant_id'),
  stripeCreatedAt: timestamp('stripe_created_at', { withTimezone: true }).notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});
