import { ledgerTotal } from '../../src/ledger/index.js';
import { line } from '../helpers/budgets.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  budgetWindows,
  MemoryBudgetStore,
  readWindows,
  releaseReservation,
  reserveBudget,
  settleReservation,
  type BudgetDeps,
  type BudgetWindow,
} from '../../src/budgets/index.js';
import type { PlanRow, UserRow } from '../../src/db/schema/index.js';
import { findUser } from '../../src/users/index.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { deleteKeys, redisUrl, seededRandom } from '../helpers/redis.js';
import { graphql } from '../__generated__/gql.js';

const SET = graphql(`
  mutation BudgetsSet($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);
const DAILY = graphql(`
  query BudgetsDaily {
    budgetStatus {
      daily {
        limit
        used
        reserved
        remaining
      }
    }
  }
`);

const HOUR = 3_600_000;

describe('budgets through the service', () => {
  let app: TestApp;
  let deps: BudgetDeps;
  let free: PlanRow;
  beforeAll(async () => {
    app = await sharedApp();
    deps = app.runtime.deps.budgets;
    free = (await app.runtime.deps.plans.byKey('free'))!;
  });

  async function owner(t: Tenant): Promise<UserRow> {
    return (await findUser(app.runtime.deps.db, t.tenantId, t.ownerId))!;
  }

  const big = () => ({
    ...free,
    userDailyTokenLimit: 1e9,
    userMonthlyTokenLimit: 1e9,
    tenantMonthlyTokenLimit: 1e9,
    tenantMonthlySpendLimitMicros: 1e12,
  });

  it('ends 200 concurrent reserve/settle pairs with counters equal to the ledger', async () => {
    const t = await signUp(app);
    const user = await owner(t);
    const now = new Date();
    const windows = budgetWindows(t.tenantId, big(), user, now);
    const random = seededRandom(42);
    const plans = Array.from({ length: 200 }, () => {
      const tokens = 200 + Math.floor(random() * 800);
      const cost = 50 + Math.floor(random() * 500);
      // Some runs report more than was held: the hold is trued up and the real use charged.
      const used = Math.floor(tokens * random() * 1.2);
      return { tokens, cost, used, usedCost: Math.floor(cost * random() * 1.2) };
    });
    await Promise.all(
      plans.map(async (p) => {
        const r = await reserveBudget(deps, {
          tenantId: t.tenantId,
          userId: user.id,
          windows,
          tokens: p.tokens,
          costMicros: p.cost,
          now,
          holdMs: HOUR,
        });
        if (r.kind !== 'held') throw new Error('unexpected denial');
        await settleReservation(deps, r.reservation, {}, [line(p.used, 0, p.usedCost)], now);
      }),
    );
    await deps.outbox.flush();
    const usage = await readWindows(deps, t.tenantId, windows, now);
    const expectTokens = plans.reduce((s, p) => s + p.used, 0);
    const expectCost = plans.reduce((s, p) => s + p.usedCost, 0);
    for (const [i, w] of windows.entries()) {
      expect(usage[i]).toEqual({ used: w.unit === 'USD' ? expectCost : expectTokens, reserved: 0 });
      expect(await ledgerTotal(app.runtime.deps.db, t.tenantId, w)).toBe(usage[i]!.used);
    }
  });

  it('rolls over at UTC midnight and at the start of the month', async () => {
    const t = await signUp(app);
    const user = await owner(t);
    const before = new Date('2026-11-30T23:59:59.000Z');
    const after = new Date('2026-12-01T00:00:00.000Z');
    const wBefore = budgetWindows(t.tenantId, free, user, before);
    const r = await reserveBudget(deps, {
      tenantId: t.tenantId,
      userId: user.id,
      windows: wBefore,
      tokens: 4_000,
      costMicros: 100,
      now: before,
      holdMs: HOUR,
    });
    expect(r.kind).toBe('held');
    if (r.kind !== 'held') return;
    await settleReservation(deps, r.reservation, {}, [line(3_000, 0, 80)], after);
    const wAfter = budgetWindows(t.tenantId, free, user, after);
    expect(wAfter.map((w) => w.key)).not.toEqual(wBefore.map((w) => w.key));
    expect(wAfter[0]!.resetsAt.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(wAfter[1]!.resetsAt.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect((await readWindows(deps, t.tenantId, wAfter, after)).map((u) => u.used)).toEqual([0, 0, 0, 0]);
    // The run counts in the periods its reservation was held in.
    expect((await readWindows(deps, t.tenantId, wBefore, after)).map((u) => u.used)).toEqual([3_000, 3_000, 3_000, 80]);
    await deps.outbox.flush();
    expect(await ledgerTotal(app.runtime.deps.db, t.tenantId, wBefore[0]!)).toBe(3_000);
    expect(await ledgerTotal(app.runtime.deps.db, t.tenantId, wAfter[0]!)).toBe(0);
  });

  it("holds a user to an override below the plan, and to the plan's limit once it is removed", async () => {
    const t = await signUp(app);
    await ok(app, SET, { input: { userId: t.ownerId, dailyTokenLimit: 1_000 } }, t.ownerKey);
    const now = new Date();
    const attempt = async () =>
      reserveBudget(deps, {
        tenantId: t.tenantId,
        userId: t.ownerId,
        windows: budgetWindows(t.tenantId, free, await owner(t), now),
        tokens: 1_500,
        costMicros: 10,
        now,
        holdMs: HOUR,
      });
    const denied = await attempt();
    expect(denied).toMatchObject({
      kind: 'denied',
      denial: { window: { kind: 'USER_DAILY', limit: 1_000 }, requested: 1_500 },
    });
    await ok(app, SET, { input: { userId: t.ownerId, dailyTokenLimit: null } }, t.ownerKey);
    expect((await attempt()).kind).toBe('held');
  });

  it('drains the ledger when the server shuts down', async () => {
    const { startApp } = await import('../helpers/app.js');
    const other = await startApp({ database: app.runtime.database });
    const t = await signUp(other);
    const user = await owner(t);
    const now = new Date();
    const windows = budgetWindows(t.tenantId, free, user, now);
    const r = await reserveBudget(other.runtime.deps.budgets, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 100,
      costMicros: 10,
      now,
      holdMs: HOUR,
    });
    if (r.kind !== 'held') throw new Error('denied');
    await settleReservation(other.runtime.deps.budgets, r.reservation, {}, [line(60, 20, 8)], now);
    await other.close(); // no explicit flush: closing must write what is pending
    expect(await ledgerTotal(app.runtime.deps.db, t.tenantId, windows[0]!)).toBe(80);
  });

  it('releases a failed call in full', async () => {
    const t = await signUp(app);
    const user = await owner(t);
    const now = new Date();
    const windows = budgetWindows(t.tenantId, free, user, now);
    const r = await reserveBudget(deps, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 9_000,
      costMicros: 100,
      now,
      holdMs: HOUR,
    });
    if (r.kind !== 'held') throw new Error('denied');
    await releaseReservation(deps, r.reservation, now);
    expect((await readWindows(deps, t.tenantId, windows, now)).map((u) => u.reserved)).toEqual([0, 0, 0, 0]);
  });

  it('does not forget 9,000 used tokens when the counters are lost', async () => {
    const t = await signUp(app);
    const user = await owner(t);
    const now = new Date();
    const windows: BudgetWindow[] = budgetWindows(t.tenantId, free, user, now);
    const r = await reserveBudget(deps, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 9_000,
      costMicros: 1_000,
      now,
      holdMs: HOUR,
    });
    if (r.kind !== 'held') throw new Error('denied');
    await settleReservation(deps, r.reservation, {}, [line(6_000, 3_000, 900)], now);

    // Redis: every key of this tenant goes (counters, holds and the unflushed ledger stream).
    // Embedded: the process restarts with an empty store.
    let after: BudgetDeps = deps;
    if (redisUrl()) expect(await deleteKeys(`${inject('redisPrefix')}{${t.tenantId}}`)).toBeGreaterThan(0);
    else after = { ...deps, store: new MemoryBudgetStore((entry) => deps.outbox.insertNow([entry])) };

    const next = await reserveBudget(after, {
      tenantId: t.tenantId,
      userId: user.id,
      windows,
      tokens: 2_000,
      costMicros: 100,
      now,
      holdMs: HOUR,
    });
    expect(next.kind).toBe('denied');
    if (next.kind === 'denied')
      expect(next.denial).toMatchObject({ window: { kind: 'USER_DAILY' }, usage: { used: 9_000, reserved: 0 } });
    expect((await readWindows(after, t.tenantId, windows, now))[0]).toEqual({ used: 9_000, reserved: 0 });
    const status = await ok(app, DAILY, {}, t.ownerKey);
    expect(status.budgetStatus.daily).toEqual({ limit: 10_000, used: 9_000, reserved: 0, remaining: 1_000 });
  });
});
