import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/scoped.js';
import type { TestApp } from './app.js';

/**
 * The tables whose rows belong to one tenant (a tenant_id column, under row-level security): the
 * RLS test checks that exactly these have it.
 */
export const TENANT_TABLES = [
  'users',
  'api_keys',
  'agents',
  'agent_runs',
  'usage_events',
  'alerts',
  'checkout_sessions',
  'run_ratings',
  'routing_adjustments',
  'sessions',
];

/** Every table: the tenants, theirs, and the shared catalogs and Stripe events. */
const TABLES = ['tenants', ...TENANT_TABLES, 'plans', 'models', 'stripe_events'];

/**
 * Rows in every table (after the outbox is flushed): what "nothing was written" is checked against.
 * With `tenantId`, a tenant's tables count only its rows, so that another test's late write (a run
 * settling in the background, a recovered process's entries) cannot blur the check; the others
 * (tenants, plans, models, Stripe events) count every row.
 */
export async function rowCounts(app: TestApp, tenantId?: string): Promise<Record<string, number>> {
  await app.runtime.deps.outbox.flush();
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const own = tenantId && TENANT_TABLES.includes(table) ? sql` where tenant_id = ${tenantId}` : sql``;
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)}${own}`,
    );
    out[table] = row!.n;
  }
  return out;
}
