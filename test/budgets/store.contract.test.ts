import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { MemoryBudgetStore, RedisBudgetStore, type BudgetStore } from '../../src/budgets/index.js';
import type { GateRequest, HoldRequest, WindowSpec } from '../../src/budgets/store.js';
import { MemoryKv, RedisKv, type CacheKv } from '../../src/cache/kv.js';
import { fillHit, responseCacheKey, storeCachedAnswer, type CachedAnswer } from '../../src/cache/response-cache.js';
import type { StoredAgentRun } from '../../src/db/schema/index.js';
import { decodeEntry, ledgerStreamKey, type LedgerEntry, type UsageEvent } from '../../src/ledger/index.js';
import { newId } from '../../src/lib/ids.js';
import { tenantKey } from '../../src/lib/keys.js';
import { redisUrl, testRedis } from '../helpers/redis.js';

type Made = {
  stores: BudgetStore[];
  events: UsageEvent[];
  cache: CacheKv;
  entries(tenantId: string): Promise<LedgerEntry[]>;
};
type Maker = { name: string; make(): Made };

const clients: Redis[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

const makers: Maker[] = [
  {
    name: 'memory',
    make() {
      const events: UsageEvent[] = [];
      const written: LedgerEntry[] = [];
      const cache = new MemoryKv();
      const write = async (e: LedgerEntry) => void (written.push(e), events.push(...e.events));
      const entries = async (tenantId: string) =>
        written.filter((e) => (e.run?.tenantId ?? e.events[0]?.tenantId) === tenantId);
      return { stores: [new MemoryBudgetStore(write, cache)], events, cache, entries };
    },
  },
];
if (redisUrl()) {
  makers.push({
    name: 'redis',
    make() {
      // Several clients, as several app processes would have; the cache lives with the counters.
      const stores = Array.from({ length: 4 }, () => {
        const c = testRedis('contract');
        clients.push(c);
        return new RedisBudgetStore(c, true);
      });
      const reader = testRedis('contract');
      clients.push(reader);
      const entries = async (tenantId: string) =>
        (await reader.xrange(ledgerStreamKey(tenantId), '-', '+')).map(([, fields]) => decodeEntry(fields[1]!));
      return { stores, events: [], cache: new RedisKv(reader), entries };
    },
  });
}

const NOW = Date.parse('2026-11-28T12:00:00Z');
const event = (tenantId: string, id: string): UsageEvent => ({
  id,
  tenantId,
  userId: null,
  agentId: null,
  runId: null,
  modelId: null,
  kind: 'test',
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  totalTokens: 0,
  costMicros: 0,
  savedCostMicros: 0,
  occurredAt: new Date(NOW).toISOString(),
});
const entry = (tenantId: string, id: string): LedgerEntry => ({ run: null, events: [event(tenantId, id)] });

/** A cache hit's entry as the pipeline hands it to the gate: a run at no cost, facts to fill in. */
function hitEntry(tenantId: string): LedgerEntry {
  const run: StoredAgentRun = {
    id: newId('run'),
    tenantId,
    agentId: 'agt_x',
    userId: null,
    apiKeyId: 'key_x',
    status: 'CACHED',
    route: { strategy: 'HEURISTIC', complexity: 'SIMPLE', confidence: 1, reason: 'response cache hit', tier: 'CHEAP' },
    modelId: null,
    cached: true,
    degradations: [],
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    toolCalls: 0,
    costMicros: 0,
    savedCostMicros: 0,
    durationMs: 1,
    reason: null,
    sideCalls: [],
    idempotencyKey: null,
    requestHash: null,
    replay: null,
    calls: {},
    endUser: null,
    transcript: null,
    createdAt: new Date(NOW).toISOString(),
  };
  return { run, events: [{ ...event(tenantId, newId('usage')), kind: 'cache_hit', runId: run.id }] };
}

describe.each(makers)('budget store contract: $name', ({ make }) => {
  function setup(limits: number[]) {
    const { stores, events, cache, entries } = make();
    const tenantId = newId('tenant');
    const windows: WindowSpec[] = limits.map((limit, i) => ({
      key: tenantKey(tenantId, 'w', i),
      limit,
      ttlSeconds: 3600,
    }));
    const store = stores[0]!;
    const hold = (amounts: number[], extra: Partial<HoldRequest> = {}): HoldRequest => ({
      tenantId,
      reservationId: newId('usage'),
      windows,
      amounts,
      now: NOW,
      expiresAt: NOW + 60_000,
      ...extra,
    });
    const gate = (amounts: number[], extra: Partial<GateRequest> = {}): GateRequest => ({ ...hold(amounts), ...extra });
    const seedAll = () => Promise.all(windows.map((w) => store.seed(w, 0)));
    return { stores, store, events, cache, entries, tenantId, windows, hold, gate, seedAll };
  }

  it('asks for missing counters to be rebuilt instead of reading them as zero', async () => {
    const { store, hold, windows, tenantId } = setup([100, 100]);
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'seed', indexes: [0, 1] });
    await store.seed(windows[0]!, 95);
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'seed', indexes: [1] });
    await store.seed(windows[1]!, 0);
    await store.seed(windows[0]!, 0); // an existing counter is left alone
    expect(await store.reserve(hold([10, 10]))).toEqual({ kind: 'denied', index: 0, usage: { used: 95, reserved: 0 } });
    expect(await store.read(tenantId, windows, NOW)).toEqual({
      kind: 'ok',
      usage: [
        { used: 95, reserved: 0 },
        { used: 0, reserved: 0 },
      ],
    });
  });

  it('holds all windows or none', async () => {
    const { store, hold, seedAll, tenantId, windows } = setup([100, 50]);
    await seedAll();
    expect(await store.reserve(hold([40, 40]))).toMatchObject({
      kind: 'held',
      usage: [
        { used: 0, reserved: 40 },
        { used: 0, reserved: 40 },
      ],
    });
    expect(await store.reserve(hold([40, 40]))).toEqual({ kind: 'denied', index: 1, usage: { used: 0, reserved: 40 } });
    expect((await store.read(tenantId, windows, NOW)) as any).toMatchObject({
      usage: [{ reserved: 40 }, { reserved: 40 }],
    });
  });

  it('settles actual use, refunds the rest, and charges once', async () => {
    const { store, hold, seedAll, tenantId, windows, events } = setup([1000]);
    await seedAll();
    const req = hold([300]);
    await store.reserve(req);
    const settle = {
      tenantId,
      reservationId: req.reservationId,
      windows,
      charges: [120],
      entry: entry(tenantId, req.reservationId),
      now: NOW,
    };
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
    expect(await store.extend({ ...req, amounts: [30] })).toEqual({
      kind: 'denied',
      index: 0,
      usage: { used: 0, reserved: 80 },
    });
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
    const late = {
      tenantId,
      reservationId: req.reservationId,
      windows,
      charges: [25],
      entry: entry(tenantId, req.reservationId),
      now: NOW + 2_000,
    };
    expect((await store.settle(late)).kind).toBe('settled');
    expect(await store.read(tenantId, windows, NOW + 2_000)).toEqual({
      kind: 'ok',
      usage: [{ used: 25, reserved: 0 }],
    });
  });

  it("the gate counts a caller's rate first, and refuses past it without holding", async () => {
    const { store, gate, seedAll, tenantId, windows } = setup([1_000]);
    await seedAll();
    const rateLimit = { key: tenantKey(tenantId, 'rl', 'key_a', 1), limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) expect((await store.gate(gate([10], { rateLimit }))).kind).toBe('held');
    expect(await store.gate(gate([10], { rateLimit }))).toEqual({ kind: 'rate_limited' });
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 30 }] });
    const other = { ...rateLimit, key: tenantKey(tenantId, 'rl', 'key_b', 1) };
    expect((await store.gate(gate([10], { rateLimit: other }))).kind).toBe('held');
    // Counted on its own (a hit found in a separate cache), same window.
    expect(await store.countRate(other)).toBe(false);
    expect(await store.countRate(other)).toBe(false);
    expect(await store.countRate(other)).toBe(true);
  });

  it('the gate answers each of its outcomes: held, denied, and a rebuild before anything is counted', async () => {
    const { store, gate, seedAll, tenantId, windows } = setup([100]);
    const rateLimit = { key: tenantKey(tenantId, 'rl', 'key_s', 1), limit: 1, windowSeconds: 60 };
    // Missing counters come first: the retry after the rebuild is the same request, its rate not yet counted.
    expect(await store.gate(gate([10], { rateLimit }))).toEqual({ kind: 'seed', indexes: [0] });
    await seedAll();
    expect(await store.gate(gate([60], { rateLimit }))).toEqual({ kind: 'held', usage: [{ used: 0, reserved: 60 }] });
    expect(await store.gate(gate([60]))).toEqual({ kind: 'denied', index: 0, usage: { used: 0, reserved: 60 } });
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 60 }] });
  });

  it('the gate answers a fresh cached answer, records the hit filled in as fillHit does, and holds nothing', async () => {
    const { store, gate, seedAll, tenantId, windows, cache, entries } = setup([100]);
    await seedAll();
    const key = responseCacheKey({
      tenantId,
      agentId: 'agt_x',
      agentVersion: 1,
      routing: 'AUTO',
      maxOutputTokens: 64,
      userId: null,
      tools: undefined,
      messages: [{ role: 'user', content: 'hello' }],
    });
    const answer: CachedAnswer = {
      output: 'hi there',
      modelId: 'sim/sim-small',
      inputTokens: 20,
      outputTokens: 5,
      cachedInputTokens: 0,
      costMicros: 7,
      runId: 'run_original',
      expiresAt: NOW + 60_000,
    };
    if (!store.probesCache) return;
    const base = hitEntry(tenantId);
    // Not cached yet: held as usual.
    expect((await store.gate(gate([10], { cacheProbe: { key, hit: base } }))).kind).toBe('held');
    await storeCachedAnswer(cache, key, answer, 60);
    const hit = await store.gate(gate([10], { cacheProbe: { key, hit: base } }));
    expect(hit.kind).toBe('hit');
    if (hit.kind !== 'hit') return;
    expect(hit.answer).toEqual(answer);
    expect(hit.entry).toEqual(fillHit(base, answer));
    expect(hit.entry.run).toMatchObject({
      savedCostMicros: 7,
      degradations: [],
      sideCalls: [],
      idempotencyKey: null,
      requestHash: null,
      replay: null,
      route: { reason: 'response cache hit (run run_original)' },
    });
    expect(hit.entry.events).toMatchObject([{ kind: 'cache_hit', modelId: 'sim/sim-small', savedCostMicros: 7 }]);
    // What the store made durable reads back the same.
    expect((await entries(tenantId)).at(-1)).toEqual(hit.entry);
    expect(await store.read(tenantId, windows, NOW)).toEqual({ kind: 'ok', usage: [{ used: 0, reserved: 10 }] });
    // An expired answer is a miss.
    expect((await store.gate(gate([10], { now: NOW + 60_000, cacheProbe: { key, hit: base } }))).kind).toBe('held');
  });

  it('admits exactly 500 of 1,000 concurrent 10-token reservations against 5,000, across every client', async () => {
    const { stores, hold, seedAll, tenantId, windows } = setup([5_000]);
    await seedAll();
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => stores[i % stores.length]!.reserve(hold([10]))),
    );
    expect(outcomes.filter((o) => o.kind === 'held')).toHaveLength(500);
    expect(outcomes.filter((o) => o.kind === 'denied')).toHaveLength(500);
    expect(await stores[0]!.read(tenantId, windows, NOW)).toEqual({
      kind: 'ok',
      usage: [{ used: 0, reserved: 5_000 }],
    });
  });
});
