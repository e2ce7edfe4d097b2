import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  kind: 'postgres' | 'pglite';
  /** Connected as the configured (migration) role: system paths only. Requests go through `scoped`. */
  db: Db;
  /** Statements sent so far (a counter, for tests that prove batching and for the curious operator). */
  statements(): number;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** Counts statements through drizzle's logger hook: one increment, no logging. */
function statementCounter() {
  let n = 0;
  return { logger: { logQuery: () => void n++ }, count: () => n };
}

export type DatabaseOptions = { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax });
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => undefined);
    const counter = statementCounter();
    const db = drizzlePg({ client: pool, schema, logger: counter.logger }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      statements: counter.count,
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  const memory = options.dataDir === 'memory://';
  if (!memory) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(memory ? 'memory://' : join(options.dataDir, 'pgdata'));
  await client.waitReady;
  const counter = statementCounter();
  const db = drizzlePglite({ client, schema, logger: counter.logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    statements: counter.count,
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}
