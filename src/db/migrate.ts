import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client.js';
import { queryRows } from './scoped.js';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
const MIGRATION_LOCK = 4_711_001;

/**
 * The role Governor connects as runs the ledger flusher and owns the authentication function: with
 * row-level security forced on every tenant table it must bypass it, or every key would be refused
 * and the ledger never written. Checked at boot, with a clear message.
 */
export async function assertSystemRole(handle: DatabaseHandle): Promise<void> {
  const [role] = await queryRows<{ rolname: string; bypasses: boolean }>(
    handle.db,
    sql`select rolname, (rolsuper or rolbypassrls) as bypasses from pg_roles where rolname = current_user`,
  );
  if (!role?.bypasses) {
    throw new Error(
      `The database role ${role?.rolname ?? '(unknown)'} must be a superuser or have BYPASSRLS (ALTER ROLE … BYPASSRLS): ` +
        'Governor connects as it for migrations, authentication and the ledger; requests run as governor_app under row-level security.',
    );
  }
}

/** Applies the committed migrations. On Postgres an advisory lock lets several processes start at once. */
export async function migrate(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
