import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.js';
import { tenants } from './tenants.js';

/**
 * Short-lived bearer tokens for the dashboard, each started with an API key and carrying exactly
 * that key's rights: a revoked key, or a disabled user, ends its sessions too.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    /** SHA-256 of the token, hex. The token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_tenant_idx').on(t.tenantId, t.id)],
);
export type SessionRow = typeof sessions.$inferSelect;
