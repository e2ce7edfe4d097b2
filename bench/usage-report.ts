/**
 * How long a month's usage report takes for a tenant with a million runs, on Postgres
 * (DATABASE_URL): seeds a scratch database with BENCH_RUNS runs (default 1,000,000) spread over a
 * UTC month (20 users, 5 agents, 3 models; a fifth are cache hits, a tenth ask the classifier too),
 * then times `usage()` for several groupings (median of 3). Prints a table and writes
 * bench/results/usage-report.json.
 *   DATABASE_URL=postgres://… npm run bench:usage
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { TenantContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/lib/logger.js';
import { usageReport, type UsageDimension } from '../src/monitoring/usage.js';
import { seedPlans } from '../src/plans/index.js';
import { createModelCatalog, seedModels } from '../src/pricing/index.js';
import { createScratchDatabase, dropScratchDatabase, runId } from '../test/helpers/scratch.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('bench:usage needs DATABASE_URL (a Postgres it may create a scratch database on)');
const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const dbName = `governor_bench_usage_${runId()}`;
const url = await createScratchDatabase(base, dbName);
const database = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
try {
  await migrate(database, url);
  await seedPlans(database.db);
  await seedModels(database.db);
  const db = database.db;
  const tenantId = 'ten_bench_usage';
  await db.execute(sql`insert into tenants (id, name, slug, plan_id)
    select ${tenantId}, 'Bench', 'bench-usage', id from plans where key = 'business'`);
  const started = performance.now();
  // One statement per 100,000 runs: a run event each, a classifier event for a tenth, a cache hit for a fifth.
  for (let from = 0; from < RUNS; from += 100_000) {
    const to = Math.min(RUNS, from + 100_000);
    await db.execute(sql`
      insert into usage_events (id, tenant_id, user_id, agent_id, run_id, model_id, kind, input_tokens, output_tokens,
        cached_input_tokens, total_tokens, cost_micros, saved_cost_micros, day, occurred_at, opens_run)
      select e.id, ${tenantId}, 'usr_' || (g % 20), 'agt_' || (g % 5), 'run_' || g, e.model, e.kind, e.input, e.output,
        0, e.input + e.output, e.cost, e.saved, (timestamp '2026-11-01' + (g % 30) * interval '1 day')::date,
        timestamptz '2026-11-01T00:00:00Z' + (g % 30) * interval '1 day' + (g % 86400) * interval '1 second',
        e.kind <> 'classifier'
      from generate_series(${from}::int, ${to - 1}::int) g
      cross join lateral (values
        ('use_' || g, case when g % 3 = 0 then 'openai/gpt-4o' else 'openai/gpt-4o-mini' end,
          case when g % 5 = 0 then 'cache_hit' else 'run' end, 300 + g % 700, 50 + g % 300, 120 + g % 90,
          case when g % 3 = 1 then 900 else 0 end),
        ('use_' || g || '.1', 'openai/gpt-4o-mini', 'classifier', 80, 1, 12, 0)
      ) as e(id, model, kind, input, output, cost, saved)
      where e.kind <> 'classifier' or g % 10 = 0`);
  }
  // As autovacuum leaves a month of rows: visible to all, hint bits set, statistics fresh.
  await db.execute(sql`vacuum analyze usage_events`);
  const seedSeconds = (performance.now() - started) / 1000;
  const rowCount = Number(
    ((await db.execute(sql`select count(*)::int as n from usage_events`)) as unknown as { rows: { n: number }[] })
      .rows[0]!.n,
  );

  const ctx = {
    deps: {
      db,
      models: createModelCatalog(db),
      outbox: { events: async () => [] },
      log: createLogger('silent'),
    },
    requestId: 'bench',
    log: createLogger('silent'),
    actor: { kind: 'USER', tenantId, keyId: 'key_bench', userId: 'usr_0', role: 'OWNER' },
  } as unknown as TenantContext;
  const groupings: UsageDimension[][] = [[], ['DAY'], ['USER'], ['MODEL', 'AGENT'], ['DAY', 'USER', 'MODEL']];
  const results: { groupBy: string; rows: number; medianMs: number }[] = [];
  for (const groupBy of groupings) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      rows = (
        await usageReport({
          ctx,
          input: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), groupBy },
        })
      ).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.push({ groupBy: groupBy.join(', ') || '(totals)', rows, medianMs: Math.round(times[1]!) });
  }
  console.log(
    `\n${RUNS.toLocaleString('en')} runs, ${rowCount.toLocaleString('en')} ledger rows (seeded in ${seedSeconds.toFixed(0)} s)\n`,
  );
  console.log('| groupBy | rows | median of 3 |\n|---|---|---|');
  for (const r of results) console.log(`| ${r.groupBy} | ${r.rows} | ${r.medianMs} ms |`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/usage-report.json',
    JSON.stringify({ at: new Date().toISOString(), runs: RUNS, rows: rowCount, results }, null, 2),
  );
} finally {
  await database.close();
  await dropScratchDatabase(base, dbName);
}
