import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Cluster } from 'ioredis';
import {
  claimKey,
  MemoryBudgetStore,
  RedisBudgetStore,
  REPLAY_SECONDS,
  type BudgetStore,
} from '../../src/budgets/index.js';
import type { ClaimRecord, ClaimWrite, GateRequest, HoldRequest, WindowSpec } from '../../src/budgets/store.js';
import { MemoryKv, RedisKv, type CacheKv } from '../../src/cache/kv.js';
import { fillHit, responseCacheKey, storeCachedAnswer, type CachedAnswer } from '../../src/cache/response-cache.js';
import type { StoredAgentRun } from '../../src/db/schema/index.js';
import { decodeEntry, ledgerStreamKey, type LedgerEntry, type UsageEvent } from '../../src/ledger/index.js';
import { newId } from '../../src/lib/ids.js';
import { tenantKey } from '../../src/lib/keys.js';
import type { RedisClient } from '../../src/store/index.js';
import { emptyEntry, emptyEvent } from '../helpers/budgets.js';
import { deleteClusterKeys, deleteKeys, redisUrl, testCluster, testRedis } from '../helpers/redis.js';

type Made = {
  stores: BudgetStore[];
  events: UsageEvent[];
  cache: CacheKv;
  entries(tenantId: string): Promise<LedgerEntry[]>;
  /** Loses everything the store kept for the tenant (a Redis wipe, or a restart when embedded). */
  wipe(tenantId: string): Promise<BudgetStore[]>;
};
type Maker = { name: string; make(): Made };

const clients: RedisClient[] = [];
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
      const wipe = async () => [new MemoryBudgetStore(write, cache)];
      return { stores: [new MemoryBudgetStore(write, cache)], events, cache, entries, wipe };
    },
  },
];
/** Several clients, as several app processes would have; the cache lives with the counters. */
function redisMaker(
  name: string,
  connect: () => RedisClient,
  wipeTenant: (reader: RedisClient, tenantId: string) => Promise<number>,
): Maker {
  return {
    name,
    make() {
      const stores = Array.from({ length: 4 }, () => {
        const c = connect();
        clients.push(c);
        return new RedisBudgetStore(c, true);
      });
      const reader = connect();
      clients.push(reader);
      const entries = async (tenantId: string) =>
        (await reader.xrange(ledgerStreamKey(tenantId), '-', '+')).map(([, fields]) => decodeEntry(fields[1]!));
      const wipe = async (tenantId: string) => {
        expect(await wipeTenant(reader, tenantId)).toBeGreaterThan(0);
        return stores;
      };
      return { stores, events: [], cache: new RedisKv(reader), entries, wipe };
    },
  };
}
if (redisUrl()) {
  makers.push(
    redisMaker(
      'redis',
      () => testRedis('contract'),
      (_, tenantId) => deleteKeys(`${inject('redisPrefix')}contract:{${tenantId}}`),
    ),
  );
}
// The same contract on a three-master Redis Cluster: every script's keys share the tenant's slot.
if (inject('redisClusterNodes')) {
  makers.push(
    redisMaker(
      'redis cluster',
      () => testCluster('contract'),
      (reader, tenantId) => deleteClusterKeys(reader as Cluster, `{${tenantId}}*`),
    ),
  );
}

const NOW = Date.parse('2026-11-28T12:00:00Z');
const event = (tenantId: string, id: string) => emptyEvent(tenantId, id, new Date(NOW));
const entry = (tenantId: string, id: string) => emptyEntry(tenantId, id, new Date(NOW));

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

/** A run's claim of an idempotency key while it runs, for the request with this hash. */
const running = (key: string, runId: string, hash = 'hash-a'): ClaimWrite => ({
  key,
  record: { runId, hash, state: 'running' },
  ttlSeconds: 600,
});
const doneRecord = (runId: string, hash = 'hash-a'): ClaimRecord => ({
  runId,
  hash,
  state: 'done',
  result: { __typename: 'AgentRunCompleted', output: `answer of ${runId}` },
});

describe.each(makers)('budget store contract: $name', ({ make }) => {
  function setup(limits: number[]) {
    const { stores, events, cache, entries, wipe } = make();
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
    return { stores, store, events, cache, entries, wipe, tenantId, windows, hold, gate, seedAll };
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

  it('drops the counters of several tenants at once, to be rebuilt (keys of several cluster slots)', async () => {
    const one = setup([100]);
    const two = setup([100]);
    await Promise.all([one.seedAll(), two.seedAll()]);
    await one.store.invalidate([one.windows[0]!.key, two.windows[0]!.key]);
    expect(await one.store.read(one.tenantId, one.windows, NOW)).toEqual({ kind: 'seed', indexes: [0] });
    expect(await one.store.read(two.tenantId, two.windows, NOW)).toEqual({ kind: 'seed', indexes: [0] });
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
  it('claims an idempotency key once: the holder while it runs, its answer once the charge marks it done', async () => {
    const { stores, store, hold, seedAll, tenantId, windows } = setup([1_000]);
    const key = claimKey(tenantId, 'user:usr_a:order-1');
    const other = stores.at(-1)!;
    // Claims the store never knew are rebuilt first: never answered as a fresh claim.
    expect(await store.claim(tenantId, running(key, 'run_a'))).toEqual({ kind: 'rebuild' });
    await store.restoreClaims(tenantId, [], REPLAY_SECONDS);
    expect(await store.claim(tenantId, running(key, 'run_a'))).toEqual({ kind: 'claimed' });
    const inFlight = { kind: 'taken', record: running(key, 'run_a').record };
    expect(await other.claim(tenantId, running(key, 'run_b'))).toEqual(inFlight);
    // Another request under the key gets the holder's hash (the caller refuses the mismatch), not the key.
    expect(await other.claim(tenantId, running(key, 'run_c', 'hash-b'))).toEqual(inFlight);

    // Real time: a claim's expiry is the store's clock, not the request's.
    await seedAll();
    const req = hold([100], { now: Date.now(), expiresAt: Date.now() + 60_000 });
    await store.reserve(req);
    const done = doneRecord('run_a');
    const settled = await store.settle({
      tenantId,
      reservationId: req.reservationId,
      windows,
      charges: [40],
      entry: entry(tenantId, req.reservationId),
      claim: { key, record: done, ttlSeconds: REPLAY_SECONDS },
      now: Date.now(),
    });
    expect(settled.kind).toBe('settled');
    expect(await other.claim(tenantId, running(key, 'run_b'))).toEqual({ kind: 'taken', record: done });
    expect(await store.claim(tenantId, running(key, 'run_c', 'hash-b'))).toEqual({ kind: 'taken', record: done });
  });

  it('gives a claim back only for the run that holds it', async () => {
    const { store, tenantId } = setup([]);
    const key = claimKey(tenantId, 'key:key_a:order-2');
    await store.restoreClaims(tenantId, [], REPLAY_SECONDS);
    expect(await store.claim(tenantId, running(key, 'run_a'))).toEqual({ kind: 'claimed' });
    await store.unclaim(tenantId, key, 'run_b');
    expect(await store.claim(tenantId, running(key, 'run_b'))).toMatchObject({ kind: 'taken' });
    await store.unclaim(tenantId, key, 'run_a');
    expect(await store.claim(tenantId, running(key, 'run_b'))).toEqual({ kind: 'claimed' });
  });

  it('lets exactly one of 100 concurrent claims of a key take it, across every client', async () => {
    const { stores, tenantId } = setup([]);
    const key = claimKey(tenantId, 'user:usr_a:order-3');
    await stores[0]!.restoreClaims(tenantId, [], REPLAY_SECONDS);
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stores[i % stores.length]!.claim(tenantId, running(key, `run_${i}`))),
    );
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    const winner = outcomes.findIndex((o) => o.kind === 'claimed');
    const taken = outcomes.filter((o) => o.kind === 'taken');
    expect(taken).toHaveLength(99);
    expect(new Set(taken.map((o) => o.record.runId))).toEqual(new Set([`run_${winner}`]));
  });

  it('after a wipe, asks for the claims to be rebuilt; a rebuild never overwrites a claim made since', async () => {
    const { store, wipe, tenantId } = setup([]);
    const charged = claimKey(tenantId, 'user:usr_a:order-4');
    const fresh = claimKey(tenantId, 'user:usr_a:order-5');
    const done = doneRecord('run_a');
    await store.restoreClaims(tenantId, [{ key: charged, record: done, ttlSeconds: REPLAY_SECONDS }], REPLAY_SECONDS);
    expect(await store.claim(tenantId, running(fresh, 'run_b'))).toEqual({ kind: 'claimed' });

    const [after] = await wipe(tenantId);
    // The wiped key must not run again as new: the caller restores the charged runs from the ledger.
    expect(await after!.claim(tenantId, running(charged, 'run_c'))).toEqual({ kind: 'rebuild' });
    const fromLedger: ClaimWrite[] = [{ key: charged, record: done, ttlSeconds: REPLAY_SECONDS }];
    await after!.restoreClaims(tenantId, fromLedger, REPLAY_SECONDS);
    expect(await after!.claim(tenantId, running(charged, 'run_c'))).toEqual({ kind: 'taken', record: done });
    // The run that held `fresh` had not charged: the ledger knows nothing of it, so a retry runs.
    expect(await after!.claim(tenantId, running(fresh, 'run_d'))).toEqual({ kind: 'claimed' });
    // A second, late rebuild (another process's) leaves the claim made since alone.
    const stale: ClaimWrite[] = [{ key: fresh, record: doneRecord('run_old'), ttlSeconds: REPLAY_SECONDS }];
    await after!.restoreClaims(tenantId, stale, REPLAY_SECONDS);
    expect(await after!.claim(tenantId, running(fresh, 'run_e'))).toEqual({
      kind: 'taken',
      record: running(fresh, 'run_d').record,
    });
  });
});
