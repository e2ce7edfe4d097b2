import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  budgetWindows,
  readWindows,
  recoverLapsed,
  RedisBudgetStore,
  reserveBudget,
  settleReservation,
  type BudgetDeps,
  type RecoveryDeps,
  type Reservation,
} from '../../src/budgets/index.js';
import { usageEvents, type PlanRow } from '../../src/db/schema/index.js';
import { ledgerStreamKey, ledgerTotal, Outbox } from '../../src/ledger/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { openStore, scanKeys, type RedisClient, type StoreHandle } from '../../src/store/index.js';
import { newId } from '../../src/lib/ids.js';
import { Lease, LEASES_KEY, leaseKey, ownerTenantsKey, tenantsOf } from '../../src/store/lease.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { emptyEntry, line } from '../helpers/budgets.js';
import { signUp, type Tenant } from '../helpers/graphql.js';

const services = Boolean(inject('databaseUrl') && inject('redisUrl'));
const log = createLogger('silent');
const NOW = new Date('2026-11-28T12:00:00Z');

/** A stand-in app process: its own connection, lease, budget store and outbox (which never flushes by itself). */
type Proc = {
  redis: RedisClient;
  lease: Lease;
  /** Times the lease was found gone and registered again. */
  lost: { count: number };
  store: RedisBudgetStore;
  outbox: Outbox;
  deps: BudgetDeps;
};

describe.skipIf(!services)('process leases', () => {
  let app: TestApp;
  const handles: StoreHandle[] = [];
  const procs: Proc[] = [];
  beforeAll(async () => {
    app = await sharedApp();
  });
  afterAll(async () => {
    for (const p of procs) await p.lease.close(true);
    await Promise.all(handles.map((h) => h.close()));
  });

  async function proc(): Promise<Proc> {
    const handle = await openStore({ redisUrl: inject('redisUrl'), prefix: inject('redisPrefix') });
    if (handle.kind !== 'redis') throw new Error('needs Redis');
    handles.push(handle);
    // A long lease: it lapses only when a test deletes it behind the process's back (a pause).
    const lost = { count: 0 };
    const lease = new Lease(handle.redis, log, { ttlMs: 600_000, renewMs: 200_000 }, () => lost.count++);
    await lease.start();
    const store = new RedisBudgetStore(handle.redis, false, lease);
    const outbox = new Outbox(app.runtime.deps.db, handle.redis, log, { intervalMs: 3_600_000, maxBatch: 100_000 });
    const deps: BudgetDeps = { store, outbox, db: app.runtime.deps.db, failMode: 'closed', log, stale: new Set() };
    const p = { redis: handle.redis, lease, lost, store, outbox, deps };
    procs.push(p);
    return p;
  }
  const recoverer = (p: Proc): RecoveryDeps => ({ ...p, log });

  async function setup() {
    const t = await signUp(app);
    const free = (await app.runtime.deps.plans.byKey('free'))!;
    const plan: PlanRow = {
      ...free,
      userDailyTokenLimit: 1e9,
      userMonthlyTokenLimit: 1e9,
      tenantMonthlyTokenLimit: 1e9,
    };
    const windows = budgetWindows(
      t.tenantId,
      { ...plan, tenantMonthlySpendLimitMicros: 1e12 },
      { id: t.ownerId, dailyTokenLimit: null, monthlyTokenLimit: null },
      NOW,
    );
    return { t, windows };
  }
  const hold = async (p: Proc, t: Tenant, windows: ReturnType<typeof budgetWindows>, tokens: number) => {
    const r = await reserveBudget(p.deps, {
      tenantId: t.tenantId,
      userId: t.ownerId,
      windows,
      tokens,
      costMicros: 10,
      now: NOW,
      holdMs: 600_000,
    });
    if (r.kind !== 'held') throw new Error('denied');
    return r.reservation;
  };
  /** The three token windows (the fourth counts spend). */
  const tokenWindows = async (t: Tenant, windows: ReturnType<typeof budgetWindows>) =>
    (await readWindows(app.runtime.deps.budgets, t.tenantId, windows, NOW)).filter(
      (_, i) => windows[i]!.unit === 'TOKENS',
    );
  const settle = (p: Proc, r: Reservation, input: number) =>
    settleReservation(p.deps, r, {}, [line(input, 10, 5)], NOW);

  it("releases a lapsed process's holds and writes its unflushed entries, once, and fences its id", async () => {
    const { t, windows } = await setup();
    const a = await proc();
    const b = await proc();
    const c = await proc();
    const stranded = await hold(a, t, windows, 100);
    const [settledByA] = await settle(a, await hold(a, t, windows, 100), 30);
    const bs = await hold(b, t, windows, 50);
    const read = () => tokenWindows(t, windows);
    // A's settled call (40 tokens) is only in Redis: A's outbox has not flushed.
    expect((await read()).map((u) => [u.used, u.reserved])).toEqual([
      [40, 150],
      [40, 150],
      [40, 150],
    ]);
    const inPostgres = async (ids: string[]) =>
      (await app.runtime.deps.db.select().from(usageEvents).where(inArray(usageEvents.id, ids))).length;
    expect(await inPostgres([settledByA!.id])).toBe(0);

    // A stops renewing (paused, or gone) without knowing; two live processes recover it at once.
    const oldId = a.lease.owner;
    // Where recovery will look: the tenants A worked in.
    expect(await tenantsOf(a.redis, oldId)).toEqual([t.tenantId]);
    await a.redis.del(leaseKey(oldId));
    await Promise.all([recoverLapsed(recoverer(b)), recoverLapsed(recoverer(c))]);

    // A's 100 are given back once, whichever recoverer ran (each hold is deleted as it is given
    // back, and a lock keeps the second out meanwhile); B's hold is untouched.
    expect((await read()).map((u) => [u.used, u.reserved])).toEqual([
      [40, 50],
      [40, 50],
      [40, 50],
    ]);
    expect(await inPostgres([settledByA!.id])).toBe(1);
    const stream = await a.redis.xrange(ledgerStreamKey(t.tenantId), '-', '+');
    expect(stream.filter(([, f]) => f.includes(oldId))).toEqual([]);
    expect(await a.redis.sismember(LEASES_KEY, oldId)).toBe(0);
    expect(await a.redis.exists(ownerTenantsKey(oldId))).toBe(0);

    // A resumes, still sure of its lease, and settles the call it had in flight: the store refuses
    // the fenced id, A registers anew and settles under its new id. The usage was real: it is
    // charged; the hold, already given back, is not given back again.
    const [late] = await settle(a, stranded, 60);
    expect(a.lease.owner).not.toBe(oldId);
    expect(a.lost.count).toBe(1);
    expect(await a.redis.exists(leaseKey(a.lease.owner))).toBe(1);
    expect((await read()).map((u) => [u.used, u.reserved])).toEqual([
      [110, 50],
      [110, 50],
      [110, 50],
    ]);
    await settle(b, bs, 20);
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    expect(await inPostgres([late!.id])).toBe(1);
    const usage = await readWindows(app.runtime.deps.budgets, t.tenantId, windows, NOW);
    for (const [i, w] of windows.entries()) {
      expect(usage[i]!.reserved).toBe(0);
      expect(usage[i]!.used).toBe(await ledgerTotal(app.runtime.deps.db, t.tenantId, w));
    }
  });

  it('leaves a live process alone, and a clean shutdown leaves nothing to recover', async () => {
    const { t, windows } = await setup();
    const a = await proc();
    const b = await proc();
    await hold(a, t, windows, 70);
    await recoverLapsed(recoverer(b));
    expect((await tokenWindows(t, windows)).map((u) => u.reserved)).toEqual([70, 70, 70]);
    const id = a.lease.owner;
    await a.lease.close(true);
    expect(await a.redis.exists(leaseKey(id))).toBe(0);
    expect(await a.redis.sismember(LEASES_KEY, id)).toBe(0);
    expect(await a.redis.exists(ownerTenantsKey(id))).toBe(0);
  });

  it('appends an entry that moves no counter to the ledger stream under the owner, fenced like the rest', async () => {
    const { t } = await setup();
    const a = await proc();
    const b = await proc();
    const entry = (id: string) => emptyEntry(t.tenantId, id, NOW);
    const stream = ledgerStreamKey(t.tenantId);
    const ownerOfEntry = async (id: string) => {
      const found = (await a.redis.xrange(stream, '-', '+')).find(([, f]) => f[1]!.includes(id));
      return found?.[1][3];
    };
    const first = newId('usage');
    await a.store.append(t.tenantId, entry(first));
    const oldId = a.lease.owner;
    expect(await ownerOfEntry(first)).toBe(oldId);
    expect(await scanKeys(a.redis, `{${t.tenantId}}:b:fence:*`)).toEqual([]);
    // Recovered while it believed itself alive: its next append goes under a new id.
    await a.redis.del(leaseKey(oldId));
    await recoverLapsed(recoverer(b));
    expect(await scanKeys(a.redis, `{${t.tenantId}}:b:fence:*`)).toEqual([`{${t.tenantId}}:b:fence:${oldId}`]);
    const second = newId('usage');
    await a.store.append(t.tenantId, entry(second));
    expect(a.lease.owner).not.toBe(oldId);
    expect(await ownerOfEntry(second)).toBe(a.lease.owner);
  });

  it("finds a lapsed process's tenants by scanning every tenant when its index is gone", async () => {
    const { t, windows } = await setup();
    const a = await proc();
    const b = await proc();
    await hold(a, t, windows, 80);
    // The index lived on a node that failed over without it, say.
    await a.redis.del(leaseKey(a.lease.owner));
    await a.redis.del(ownerTenantsKey(a.lease.owner));
    await recoverLapsed(recoverer(b));
    expect((await tokenWindows(t, windows)).map((u) => u.reserved)).toEqual([0, 0, 0]);
  });
});
