import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, scoped } from '../../src/db/scoped.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { TENANT_TABLES } from '../helpers/row-counts.js';

/** Drizzle wraps the driver's error: the database's own words are in `cause`. */
async function databaseRefusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e as { cause?: { message?: string } },
  );
  expect(err, 'the database accepted it').toBeDefined();
  return err?.cause?.message ?? '';
}

/** Row-level security on its own, under the request role, with no application filter at all. */
describe('row-level security', () => {
  let app: TestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    [a, b] = await Promise.all([signUp(app), signUp(app)]);
  });
  const db = () => app.runtime.database.db;

  it('runs request transactions as a role without SUPERUSER or BYPASSRLS', async () => {
    const [role] = await scoped(db(), a.tenantId, (tx) =>
      queryRows<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
        tx,
        sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect(role).toEqual({ rolname: 'governor_app', rolsuper: false, rolbypassrls: false });
  });

  it('covers every table that holds a tenant_id (forced, so the owner is held to it too)', async () => {
    const tables = await queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      db(),
      sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind = 'r' order by c.relname`,
    );
    // stripe_events is written only by the webhook (a system path) and never granted to the request role.
    const tenantTables = tables.filter((t) => t.relname !== 'stripe_events');
    expect(tenantTables.map((t) => t.relname).sort()).toEqual([...TENANT_TABLES].sort());
    expect(tenantTables.filter((t) => !t.relrowsecurity || !t.relforcerowsecurity)).toEqual([]);
  });

  it("shows tenant A its own rows and none of B's, table by table", async () => {
    await scoped(db(), a.tenantId, async (tx) => {
      const tenants = await queryRows<{ id: string }>(tx, sql`select id from tenants`);
      expect(tenants).toEqual([{ id: a.tenantId }]);
      for (const table of ['users', 'api_keys', 'agents']) {
        const rows = await queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from ${sql.identifier(table)}`);
        expect(rows.length, table).toBeGreaterThan(0);
        expect(
          rows.every((r) => r.tenant_id === a.tenantId),
          table,
        ).toBe(true);
      }
    });
  });

  it("refuses to write a row for tenant B while A is set, and cannot touch B's rows", async () => {
    const refusal = await databaseRefusal(
      scoped(db(), a.tenantId, (tx) =>
        tx.execute(
          sql`insert into users (id, tenant_id, email, role) values ('usr_rlsprobe', ${b.tenantId}, 'x@example.com', 'OWNER')`,
        ),
      ),
    );
    expect(refusal).toMatch(/row-level security/);
    const updated = await scoped(db(), a.tenantId, (tx) =>
      queryRows<{ id: string }>(tx, sql`update users set name = 'pwned' where tenant_id = ${b.tenantId} returning id`),
    );
    expect(updated).toEqual([]);
  });

  it('shows nothing at all when no tenant is set', async () => {
    await scoped(db(), null, async (tx) => {
      for (const table of ['tenants', ...TENANT_TABLES]) {
        const [row] = await queryRows<{ n: number | string }>(
          tx,
          sql`select count(*) as n from ${sql.identifier(table)}`,
        );
        expect(Number(row!.n), table).toBe(0);
      }
    });
  });

  it('keeps the ledger append-only for request paths', async () => {
    expect(
      await databaseRefusal(scoped(db(), a.tenantId, (tx) => tx.execute(sql`update usage_events set cost_micros = 0`))),
    ).toMatch(/permission denied/);
    expect(await databaseRefusal(scoped(db(), a.tenantId, (tx) => tx.execute(sql`delete from users`)))).toMatch(
      /permission denied/,
    );
  });
});
