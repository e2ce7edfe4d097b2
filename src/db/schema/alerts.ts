import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';

export const ALERT_KINDS = [
  'DAILY_SPEND_SPIKE',
  'USER_BUDGET_SHARE',
  'RUN_COST',
  'USER_BUDGET_80',
  'USER_BUDGET_100',
  'UPGRADE_SUGGESTED',
  'TEST',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED';
/** Its delivery to the tenant's webhook: NONE (no webhook, or no signing secret, when raised). */
export type AlertDeliveryStatus = 'NONE' | 'PENDING' | 'DELIVERED' | 'FAILED';

export const alerts = pgTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').$type<AlertKind>().notNull(),
    status: text('status').$type<AlertStatus>().notNull().default('OPEN'),
    subjectUserId: text('subject_user_id'),
    /** Raised once per period: e.g. "2026-11-28" or "2026-11", plus the subject. */
    periodKey: text('period_key').notNull(),
    value: doublePrecision('value').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** RUN_COST: the run that cost it. */
    runId: text('run_id'),
    deliveryStatus: text('delivery_status').$type<AlertDeliveryStatus>().notNull().default('NONE'),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    /** PENDING: when the next attempt is due (an attempt in flight holds it a minute ahead). */
    nextDeliveryAt: timestamp('next_delivery_at', { withTimezone: true }),
    /** FAILED or retrying: why, as the tenant may see it (never what the receiver's network said). */
    deliveryError: text('delivery_error'),
  },
  (t) => [
    unique('alerts_once_per_period_key').on(t.tenantId, t.kind, t.periodKey),
    index('alerts_tenant_idx').on(t.tenantId, t.id),
    index('alerts_delivery_due_idx')
      .on(t.nextDeliveryAt)
      .where(sql`delivery_status = 'PENDING'`),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;
