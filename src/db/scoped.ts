import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

export const REQUEST_ROLE = 'governor_app';

/**
 * Runs `fn` in a transaction under the request role (no BYPASSRLS) with the tenant set for this
 * transaction only, so row-level security backs up every query's own tenant filter.
 * `tenantId` null: no tenant is visible (pre-authentication paths).
 */
export async function scoped<T>(db: Db, tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('governor.tenant_id', ${tenantId ?? ''}, true), set_config('role', ${REQUEST_ROLE}, true)`,
    );
    return fn(tx as Tx);
  });
}

/** Raw SQL for the few queries drizzle's builder can't say; both drivers answer `{ rows }`. */
export async function queryRows<T>(tx: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
