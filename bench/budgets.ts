/**
 * Reserve + settle throughput and latency against the real Redis (REDIS_URL) and, for the ledger,
 * Postgres (DATABASE_URL) or an in-memory PGlite. Prints a table and writes bench/results/budgets.json.
 *   npm run bench:budgets
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import {
  budgetWindows,
  MemoryBudgetStore,
  RedisBudgetStore,
  reserveBudget,
  settleReservation,
  type BudgetDeps,
} from '../src/budgets/index.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { PlanRow } from '../src/db/schema/index.js';
import { createLogger } from '../src/lib/logger.js';
import { newId } from '../src/lib/ids.js';
import { Outbox } from '../src/ledger/index.js';
import { seedPlans } from '../src/plans/index.js';
import { openStore } from '../src/store/index.js';
import { line } from '../test/helpers/budgets.js';
import { createScratchDatabase, dropScratchDatabase, runId, unlinkByPrefix } from '../test/helpers/scratch.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 20_000);
const log = createLogger('silent');
// A database and a key prefix of its own: the servers are shared with other programs.
const id = runId();
const dbName = `governor_bench_${id}`;
const benchDbUrl = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, dbName) : undefined;
const database = benchDbUrl
  ? await openDatabase({ kind: 'postgres', url: benchDbUrl, poolMax: 8 })
  : await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
await migrate(database, benchDbUrl);
await seedPlans(database.db);

const prefix = `governor-bench:${id}:`;
const store = await openStore({ redisUrl: process.env.REDIS_URL, prefix });
const redis = store.kind === 'redis' ? store.redis : undefined;
const outbox = new Outbox(database.db, redis, log);
const deps: BudgetDeps = {
  store: redis ? new RedisBudgetStore(redis) : new MemoryBudgetStore((entry) => outbox.insertNow([entry])),
  outbox,
  db: database.db,
  failMode: 'closed',
  log,
  stale: new Set(),
};

const bigPlan = {
  userDailyTokenLimit: 1e12,
  userMonthlyTokenLimit: 1e12,
  tenantMonthlyTokenLimit: 1e12,
  tenantMonthlySpendLimitMicros: 1e15,
} as PlanRow;
const tenantId = newId('tenant');
await database.db.execute(
  sql`insert into tenants (id, name, slug, plan_id) select ${tenantId}, 'Bench', ${tenantId}, id from plans where key = 'business'`,
);

async function pair(userId: string): Promise<number> {
  const now = new Date();
  const windows = budgetWindows(tenantId, bigPlan, { id: userId, dailyTokenLimit: null, monthlyTokenLimit: null }, now);
  const t0 = performance.now();
  const r = await reserveBudget(deps, {
    tenantId,
    userId,
    windows,
    tokens: 1_500,
    costMicros: 900,
    now,
    holdMs: 150_000,
  });
  if (r.kind !== 'held') throw new Error('denied');
  await settleReservation(deps, r.reservation, {}, [line(700, 300, 600)], now);
  return performance.now() - t0;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const results: Record<string, unknown>[] = [];
for (const concurrency of [1, 50]) {
  const users = Array.from({ length: 100 }, () => newId('user'));
  for (let i = 0; i < 500; i++) await pair(users[i % users.length]!); // warm up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < PAIRS) {
        next++;
        latencies.push(await pair(users[next % users.length]!));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await outbox.flush();
  latencies.sort((a, b) => a - b);
  results.push({
    store: deps.store.kind,
    concurrency,
    pairs: latencies.length,
    pairsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: +pct(latencies, 50).toFixed(3),
    p99Ms: +pct(latencies, 99).toFixed(3),
  });
}
console.table(results);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/budgets.json', `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);

await outbox.close();
await store.close();
await database.close();
if (process.env.REDIS_URL) await unlinkByPrefix(process.env.REDIS_URL, prefix);
if (process.env.DATABASE_URL) await dropScratchDatabase(process.env.DATABASE_URL, dbName);
