import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { plans } from './plans.js';
import { tenants } from './tenants.js';

/**
 * The Checkout sessions Governor created: a `checkout.session.completed` event counts only for one
 * of these (a Payment Link on the same Stripe account makes sessions too, with any reference id).
 */
export const checkoutSessions = pgTable(
  'checkout_sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    customerId: text('customer_id').notNull(),
    url: text('url').notNull(),
    /** The idempotency key it was made with: a double click gets this session again. */
    idempotencyKey: text('idempotency_key').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('checkout_sessions_tenant_idx').on(t.tenantId, t.createdAt)],
);
export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;
