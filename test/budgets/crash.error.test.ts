import { ledgerTotal } from '../../src/ledger/index.js';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { budgetWindows, readWindows } from '../../src/budgets/index.js';
import { queryRows } from '../../src/db/scoped.js';
import { usageEvents } from '../../src/db/schema/index.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/graphql.js';

const services = Boolean(inject('databaseUrl') && inject('redisUrl'));

/** A process that dies by SIGKILL mid-loop loses no acknowledged settlement. Needs Postgres and Redis. */
describe.skipIf(!services)('a process killed while settling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('loses no acknowledged settlement, and its dead reservations expire', async () => {
    const t = await signUp(app);
    const free = (await app.runtime.deps.plans.byKey('free'))!;
    const plan = {
      ...free,
      userDailyTokenLimit: 1e9,
      userMonthlyTokenLimit: 1e9,
      tenantMonthlyTokenLimit: 1e9,
      tenantMonthlySpendLimitMicros: 1e12,
    };
    const NOW = Date.parse('2026-11-28T12:00:00Z');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/settle-loop.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: inject('redisPrefix'),
        TENANT_ID: t.tenantId,
        USER_ID: t.ownerId,
        NOW: String(NOW),
        PLAN: JSON.stringify(plan),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (acked.length === 400) child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(400);

    // The flusher's recovery round: whatever the dead process had not written yet.
    const { outbox: ledger } = app.runtime.deps;
    await ledger.recoverOrphans({ olderThanMs: 0, tenantId: t.tenantId });
    const found = await app.runtime.deps.db
      .select({ id: usageEvents.id })
      .from(usageEvents)
      .where(inArray(usageEvents.id, acked));
    expect(found.length).toBe(acked.length);
    const [row] = await queryRows<{ n: number }>(
      app.runtime.deps.db,
      sql`select count(*)::int as n from usage_events where tenant_id = ${t.tenantId}`,
    );
    expect(row!.n).toBeGreaterThanOrEqual(acked.length);

    // Holds of runs that never settled expire; settled use equals the ledger.
    const windows = budgetWindows(
      t.tenantId,
      plan,
      { id: t.ownerId, dailyTokenLimit: null, monthlyTokenLimit: null },
      new Date(NOW),
    );
    const later = new Date(NOW + 10_000);
    const usage = await readWindows(app.runtime.deps.budgets, t.tenantId, windows, later);
    expect(usage.map((u) => u.reserved)).toEqual([0, 0, 0, 0]);
    for (const [i, w] of windows.entries())
      expect(usage[i]!.used).toBe(await ledgerTotal(app.runtime.deps.db, t.tenantId, w));
  });
});
