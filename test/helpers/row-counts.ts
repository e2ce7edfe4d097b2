import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/scoped.js';
import type { TestApp } from './app.js';

const TABLES = [
  'tenants',
  'users',
  'api_keys',
  'agents',
  'agent_runs',
  'usage_events',
  'alerts',
  'plans',
  'models',
  'stripe_events',
  'checkout_sessions',
  'run_ratings',
  'routing_adjustments',
];

/** Rows in every table (after the outbox is flushed): what "nothing was written" is checked against. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  await app.runtime.deps.outbox.flush();
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql.raw(`select count(*)::int as n from ${table}`),
    );
    out[table] = row!.n;
  }
  return out;
}
