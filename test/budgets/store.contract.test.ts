import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { MemoryBudgetStore, RedisBudgetStore, type BudgetStore, type LedgerEntry, type LedgerEvent } from '../../src/budgets/index.js';
import type { HoldRequest, WindowSpec } from '../../src/budgets/store.js';
import { newId } from '../../src/lib/ids.js';
import { tenantKey } from '../../src/lib/keys.js';
import { redisUrl, testRedis } from '../helpers/redis.js';

type Maker = { name: string; make(): { stores: BudgetStore[]; events: LedgerEvent[] } };

const clients: Redis[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

const makers: Maker[] = [
  {
    name: 'memory',
    make() {
      const events: LedgerEvent[] = [];
      return { stores: [new MemoryBudgetStore(async (e: LedgerEntry) => void events.push(e.event!))], events };
    },
  },
];
if (redisUrl()) {
  makers.push({
    name: 'redis',
    make() {
      // Several clients, as several app processes would have.
      const stores = Array.from({ length: 4 }, () => {
        const c = testRedis('contract');
        clients.push(c);
        return new RedisBudgetStore(c);
      });
      return { stores, events: [] };
    },
  });
}

const NOW = Date.parse('2026-11-28T12:00:00Z');
const entry = (tenantId: string, id: string): LedgerEntry => ({ run: null, event: {
  id, tenantId, userId: null, agentId: null, runId: null, modelId: null, kind: 'test', inputTokens: 0, outputTokens: 0,
  cachedInputTokens: 0, totalTokens: 0, costMicros: 0, savedCostMicros: 0, occurredAt: new Date(NOW).toISOString(),
} });

describe.each(makers)('budget store contract: $name', ({ make }) => {
  function setup(limits: number[]) {
    const { stores, events } = make();
    const tenantId = newId('tenant');
    const windows: WindowSpec[] = limits.map((limit, i) => ({ key: tenantKey(tenantId, 'w', i), limit, ttlSeconds: 3600 }));
    const store = stores[0]!;
    const hold = (amounts: number[], extra: Partial<HoldRequest> = {}): HoldRequest => ({
      tenantId, reservationId: newId('usage'), windows, amounts, now: NOW, expiresAt: NOW + 60_000, ...extra,
    });
    const seedAll = () => Promise.all(windows.map((w) => store.seed(w, 0)));
    return { stores, store, events, tenantId, windows, hold, seedAll };
  }

  it('asks for missing counters to be rebuilt instead of reading them as zero', async () => {
    const { store, hold, windows, tenantId } = setup([100, 100]);
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'seed', indexes: [0, 1] });
    await store.seed(windows[0]!, 95);
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'seed', indexes: [1] });
    await store.seed(windows[1]!, 0);
    await store.seed(windows[0]!, 0); // an existing counter is left alone
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'denied', index: 0, usage: { used: 95, reserved: 0 } });
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 95, reserved: 0 }, { used: 0, reserved: 0 }] });
  });

  it('holds all windows or none', async () => {
    const { store, hold, seedAll, tenantId, windows } = setup([100, 50]);
    await seedAll();
    expect(await store.reserve(hold([40, 40]))).toMatchObject({ kind: 'held', usage: [{ used: 0, reserved: 40 }, { used: 0, reserved: 40 }] });
    expect(await store.reserve(hold([40, 40]))).toEqual({ kind: 'denied', index: 1, usage: { used: 0, reserved: 40 } });
    expect((await store.read(tenantId, windows, NOW)) as any).toMatchObject({ usage: [{ reserved: 40 }, { reserved: 40 }] });
  });

  it('settles actual use, refunds the rest, and charges once', async () => {
    const { store, hold, seedAll, tenantId, windows, events } = setup([1000]);
    await seedAll();
    const req = hold([300]);
    await store.reserve(req);
    const settle = { tenantId, reservationId: req.reservationId, windows, charges: [120], entry: entry(tenantId, req.reservationId), now: NOW };
    expect((await store.settle(settle)).kind).toBe('settled');
    expect(await store.settle(settle)).toEqual({ kind: 'duplicate' });
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 120, reserved: 0 }] });
    if (store.kind === 'memory') expect(events.map((e) => e.id)).toEqual([req.reservationId]);
  });

  it('extends a live hold all-or-nothing, and not a dead one', async () => {
    const { store, hold, seedAll, tenantId, windows } = setup([100]);
    await seedAll();
    const req = hold([50]);
    await store.reserve(req);
    expect(await store.extend({ ...req, amounts: [30] })).toMatchObject({ kind: 'held', usage: [{ reserved: 80 }] });
    expect(await store.extend({ ...req, amounts: [30] })).toEqual({ kind: 'denied', index: 0, usage: { used: 0, reserved: 80 } });
    await store.release(tenantId, req.reservationId, NOW);
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 0 }] });
    expect(await store.extend({ ...req, amounts: [1] })).toEqual({ kind: 'gone' });
  });

  it('gives an expired hold back, and still charges a run that settles late', async () => {
    const { store, hold, seedAll, tenantId, windows } = setup([100]);
    await seedAll();
    const req = hold([60], { expiresAt: NOW + 1_000 });
    await store.reserve(req);
    expect(await store.reserve(hold([60]))).toMatchObject({ kind: 'denied' });
    expect(await store.read(tenantId, windows, NOW + 1_000)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 0 }] });
    const late = { tenantId, reservationId: req.reservationId, windows, charges: [25], entry: entry(tenantId, req.reservationId), now: NOW + 2_000 };
    expect((await store.settle(late)).kind).toBe('settled');
    expect(await store.read(tenantId, windows, NOW + 2_000)).toEqual({ kind: 'ok', usage: [{ used: 25, reserved: 0 }] });
  });

  it("counts a caller's rate before anything else, and refuses past it without holding", async () => {
    const { store, hold, seedAll, tenantId, windows } = setup([1_000]);
    await seedAll();
    const rateLimit = { key: tenantKey(tenantId, 'rl', 'key_a', 1), limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) expect((await store.reserve(hold([10], { rateLimit }))).kind).toBe('held');
    expect(await store.reserve(hold([10], { rateLimit }))).toEqual({ kind: 'rate_limited' });
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 30 }] });
    const other = { ...rateLimit, key: tenantKey(tenantId, 'rl', 'key_b', 1) };
    expect((await store.reserve(hold([10], { rateLimit: other }))).kind).toBe('held');
    // Counted on its own (a run answered from the cache before its admission), same window.
    expect(await store.countRate(other)).toBe(false);
    expect(await store.countRate(other)).toBe(false);
    expect(await store.countRate(other)).toBe(true);
  });

  it('admits exactly 500 of 1,000 concurrent 10-token reservations against 5,000, across every client', async () => {
    const { stores, hold, seedAll, tenantId, windows } = setup([5_000]);
    await seedAll();
    const outcomes = await Promise.all(Array.from({ length: 1_000 }, (_, i) => stores[i % stores.length]!.reserve(hold([10]))));
    expect(outcomes.filter((o) => o.kind === 'held')).toHaveLength(500);
    expect(outcomes.filter((o) => o.kind === 'denied')).toHaveLength(500);
    expect(await stores[0]!.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 5_000 }] });
  });
});
