import { graphql } from '../__generated__/gql.js';
import { ledgerTotal } from '../../src/ledger/index.js';
import { line } from '../helpers/budgets.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { budgetWindows, readWindows, reserveBudget, settleReservation } from '../../src/budgets/index.js';
import { findUser } from '../../src/users/index.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { expectCode, gql, signUp } from '../helpers/graphql.js';
import { startProxy } from '../helpers/tcp-proxy.js';

const redisUrl = inject('redisUrl');
const STATUS = graphql(`
  query RedisDownStatus {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);

/** Polls until `check` passes: the client reconnects on its own schedule, so no fixed sleep. */
async function eventually(check: () => Promise<boolean>, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition never held');
}

describe.skipIf(!redisUrl)('when Redis goes away', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let closedApp: TestApp;
  let openApp: TestApp;
  beforeAll(async () => {
    const shared = await sharedApp();
    const target = new URL(redisUrl!);
    proxy = await startProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const env = { REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
    closedApp = await startApp({ env, database: shared.runtime.database });
    openApp = await startApp({ env: { ...env, BUDGET_FAIL_MODE: 'open' }, database: shared.runtime.database });
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await Promise.all([closedApp?.close(), openApp?.close()]);
  });

  it('fails closed with SERVICE_UNAVAILABLE, then resumes without a restart', async () => {
    const t = await signUp(closedApp);
    expect((await gql(closedApp, STATUS, {}, t.ownerKey)).errors).toBeUndefined();
    await proxy.down();
    const res = await gql(closedApp, STATUS, {}, t.ownerKey);
    expectCode(res, 'SERVICE_UNAVAILABLE');
    const ready = await fetch(`${closedApp.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).checks).toEqual({ database: 'ok', store: 'unavailable' });
    expect(res.errors?.[0]?.extensions?.reason).toBe('BUDGET_STORE_UNAVAILABLE');
    const deps = closedApp.runtime.deps;
    const user = (await findUser(deps.db, t.tenantId, t.ownerId))!;
    const windows = budgetWindows(t.tenantId, (await deps.plans.byKey('free'))!, user, new Date());
    await expect(
      reserveBudget(deps.budgets, {
        tenantId: t.tenantId,
        userId: user.id,
        windows,
        tokens: 10,
        costMicros: 1,
        now: new Date(),
        holdMs: 60_000,
      }),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await proxy.up();
    await eventually(async () => !(await gql(closedApp, STATUS, {}, t.ownerKey)).errors);
  });

  it('never loses usage that was spent while the store went away', async () => {
    const t = await signUp(closedApp);
    const deps = closedApp.runtime.deps;
    const user = (await findUser(deps.db, t.tenantId, t.ownerId))!;
    const now = new Date();
    const windows = budgetWindows(t.tenantId, (await deps.plans.byKey('free'))!, user, now);
    await eventually(async () =>
      readWindows(deps.budgets, t.tenantId, windows, now).then(
        () => true,
        () => false,
      ),
    );
    const r = await reserveBudget(deps.budgets, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 800,
      costMicros: 50,
      now,
      holdMs: 60_000,
    });
    if (r.kind !== 'held') throw new Error('denied');
    await proxy.down(); // the model answered; now the settlement cannot reach Redis
    const [event] = await settleReservation(deps.budgets, r.reservation, {}, [line(500, 200, 40)], now);
    expect(await ledgerTotal(deps.db, t.tenantId, windows[0]!)).toBe(700);
    expect(event!.totalTokens).toBe(700);
    await proxy.up();
    // The counters it missed are rebuilt from the ledger; the dead hold expires with its time.
    await eventually(async () => {
      try {
        return (
          (await readWindows(deps.budgets, t.tenantId, windows, new Date(now.getTime() + 120_000)))[0]!.used === 700
        );
      } catch {
        return false;
      }
    });
  });

  it('in open mode admits unguarded, and counts that use once Redis is back', async () => {
    const t = await signUp(openApp);
    const deps = openApp.runtime.deps;
    const user = (await findUser(deps.db, t.tenantId, t.ownerId))!;
    const now = new Date();
    const windows = budgetWindows(t.tenantId, (await deps.plans.byKey('free'))!, user, now);
    // This app's connection was cut by the previous test too: wait until it is back.
    await eventually(async () =>
      readWindows(deps.budgets, t.tenantId, windows, now).then(
        () => true,
        () => false,
      ),
    );
    expect((await readWindows(deps.budgets, t.tenantId, windows, now))[0]).toEqual({ used: 0, reserved: 0 });
    await proxy.down();
    const r = await reserveBudget(deps.budgets, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 500,
      costMicros: 10,
      now,
      holdMs: 60_000,
    });
    expect(r).toMatchObject({ kind: 'held', reservation: { guarded: false } });
    if (r.kind !== 'held') return;
    await settleReservation(deps.budgets, r.reservation, {}, [line(300, 100, 8)], now);
    await proxy.up();
    await eventually(async () => {
      try {
        return (await readWindows(deps.budgets, t.tenantId, windows, now))[0]!.used === 400;
      } catch {
        return false;
      }
    });
  });
});
