import { doublePrecision, index, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';

export const ALERT_KINDS = [
  'DAILY_SPEND_SPIKE',
  'USER_BUDGET_SHARE',
  'RUN_COST',
  'USER_BUDGET_80',
  'USER_BUDGET_100',
  'UPGRADE_SUGGESTED',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED';

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
  },
  (t) => [
    unique('alerts_once_per_period_key').on(t.tenantId, t.kind, t.periodKey),
    index('alerts_tenant_idx').on(t.tenantId, t.id),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;
