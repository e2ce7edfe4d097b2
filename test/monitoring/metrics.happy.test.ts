import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts } from '../../src/db/schema/index.js';
import type { TestApp } from '../helpers/app.js';
import { testClock } from '../helpers/billing.js';
import { eventually } from '../helpers/eventually.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';
import { parseExposition, valueOf, type Exposition } from './exposition.js';

const SET_BUDGET = graphql(`
  mutation MetricsBudget($u: ID!, $l: Int) {
    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {
      id
    }
  }
`);
const SETTINGS = graphql(`
  mutation MetricsAlertSettings($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      alertWebhookUrl
    }
  }
`);
const ROTATE = graphql(`
  mutation MetricsRotate {
    rotateAlertSigningSecret {
      secret
    }
  }
`);

async function scrape(app: TestApp): Promise<Exposition> {
  const res = await fetch(`${app.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await res.text());
}

/** What `act` moved: read before and after, as a scraper's increase() would. */
async function moves(app: TestApp, act: () => Promise<unknown>) {
  const before = await scrape(app);
  await act();
  const after = await scrape(app);
  return (name: string, labels: Record<string, string> = {}) =>
    valueOf(after, name, labels) - valueOf(before, name, labels);
}

const FAMILIES = {
  governor_runs_total: 'counter',
  governor_tokens_total: 'counter',
  governor_cost_microdollars_total: 'counter',
  governor_saved_microdollars_total: 'counter',
  governor_cache_hits_total: 'counter',
  governor_budget_refusals_total: 'counter',
  governor_degradations_total: 'counter',
  governor_run_limit_trips_total: 'counter',
  governor_provider_errors_total: 'counter',
  governor_circuit_state: 'gauge',
  governor_alerts_raised_total: 'counter',
  governor_alert_deliveries_failed_total: 'counter',
  governor_ledger_lag_seconds: 'gauge',
  governor_runagent_duration_seconds: 'histogram',
  governor_runagent_overhead_seconds: 'histogram',
  governor_run_cost_usd: 'histogram',
  governor_streams_open: 'gauge',
} as const;

describe('the exposition reader', () => {
  it('refuses what a scraper would refuse', () => {
    const ok = '# HELP a_total An a.\n# TYPE a_total counter\na_total{x="1",y="q\\"uote"} 3\n\n# TYPE g gauge\ng Nan\n';
    expect(parseExposition(ok).samples).toEqual([
      { name: 'a_total', labels: { x: '1', y: 'q"uote' }, value: 3 },
      { name: 'g', labels: {}, value: NaN },
    ]);
    for (const bad of [
      '# TYPE a_total counter\na_total 3',
      '# TYPE a_total counter\na_total{x=1} 3\n',
      '# TYPE a_total counter\na_total{x="1"} three\n',
      '# TYPE a_total counter\nb_total 3\n',
      '# TYPE a_total counter\na_total 3\na_total 4\n',
      '# TYPE a_total counter\na_total -1\n',
      '# TYPE a_total widget\n',
      'a_total 3\n',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 1\n',
    ])
      expect(() => parseExposition(bad), bad).toThrow();
  });
});

/** /metrics as a scraper reads it, with the tenant label on: each counter moves with what happened. */
describe('/metrics counts what runs do', () => {
  const env = useUpstreamApp({ env: { METRICS_TENANT_LABEL: 'true' } });
  const text = (usage = { prompt: 300, completion: 50 }) =>
    env.upstream.handle((req) => reply.text(req, 'Fine.', usage));
  const cheapAgent = (t: Tenant, extra: Parameters<typeof openaiAgent>[2] = {}) =>
    openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0, ...extra });

  it('parses strictly and declares every family with its type', async () => {
    const { families } = await scrape(env.app);
    for (const [name, type] of Object.entries(FAMILIES)) {
      expect(families.get(name)?.type, name).toBe(type);
      expect(families.get(name)?.help, name).toBeTruthy();
    }
    expect(valueOf(await scrape(env.app), 'governor_ledger_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('a completed run: its status, tokens, cost, cost histogram and latency', async () => {
    const t = await signUp(env.app);
    const agent = await cheapAgent(t);
    text();
    let run: RunOf<'AgentRunCompleted'> | undefined;
    const moved = await moves(env.app, async () => {
      run = (await runAgent(env.app, t.ownerKey, { agent, message: 'Hello' })) as RunOf<'AgentRunCompleted'>;
    });
    expect(run!.__typename).toBe('AgentRunCompleted');
    const tenant = t.tenantId;
    const line = { call: 'run', model: 'openai/gpt-4o-mini', tenant };
    expect(moved('governor_runs_total', { status: 'COMPLETED', tenant })).toBe(1);
    expect(moved('governor_tokens_total', { ...line, kind: 'input' })).toBe(300);
    expect(moved('governor_tokens_total', { ...line, kind: 'output' })).toBe(50);
    expect(moved('governor_tokens_total', { ...line, kind: 'cached_input' })).toBe(0);
    expect(moved('governor_cost_microdollars_total', line)).toBe(Math.round(run!.run.costUsd * 1e6));
    expect(moved('governor_run_cost_usd_count', { tenant })).toBe(1);
    expect(moved('governor_run_cost_usd_sum', { tenant })).toBeCloseTo(run!.run.costUsd, 9);
    expect(moved('governor_runagent_duration_seconds_count', { outcome: 'completed' })).toBe(1);
    expect(moved('governor_runagent_overhead_seconds_count', { outcome: 'completed' })).toBe(1);
  });

  it('a routed-down run: cached input tokens, and what routing saved on the model it used', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    const agent = await openaiAgent(env.app, t, { routing: 'HEURISTIC', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Hello!', { prompt: 1000, completion: 200, cached: 400 }));
    let run: RunOf<'AgentRunCompleted'> | undefined;
    const moved = await moves(env.app, async () => {
      run = (await runAgent(env.app, t.ownerKey, { agent, message: 'Rewrite politely: thanks.' })) as typeof run;
    });
    expect(run!.run.model?.id).toBe('openai/gpt-4o-mini');
    expect(run!.run.savedCostUsd).toBeGreaterThan(0);
    const at = { model: 'openai/gpt-4o-mini', tenant: t.tenantId };
    expect(moved('governor_tokens_total', { ...at, kind: 'cached_input' })).toBe(400);
    expect(moved('governor_saved_microdollars_total', { ...at, source: 'routing' })).toBe(
      Math.round(run!.run.savedCostUsd * 1e6),
    );
    expect(moved('governor_saved_microdollars_total', { source: 'cache' })).toBe(0);
  });

  it('a cache hit: the hit, and what the cached answer cost as savings on its model', async () => {
    const t = await signUp(env.app);
    const agent = await cheapAgent(t, { cacheTtlSeconds: 600 });
    text();
    const first = await runAgent(env.app, t.ownerKey, { agent, message: 'Cache me' });
    const tenant = t.tenantId;
    const moved = await moves(env.app, async () => {
      const hit = await runAgent(env.app, t.ownerKey, { agent, message: 'Cache me' });
      expect(hit.run.cached).toBe(true);
    });
    expect(moved('governor_cache_hits_total', { cache: 'response', tenant })).toBe(1);
    expect(moved('governor_runs_total', { status: 'CACHED', tenant })).toBe(1);
    const saved = { source: 'cache', model: 'openai/gpt-4o-mini', tenant };
    expect(moved('governor_saved_microdollars_total', saved)).toBe(Math.round(first.run.costUsd * 1e6));
    expect(moved('governor_tokens_total', { tenant })).toBe(0);
  });

  it('a budget refusal counts its window; a degraded run its degradation', async () => {
    const t = await signUp(env.app);
    const agent = await cheapAgent(t);
    text();
    await ok(env.app, SET_BUDGET, { u: t.ownerId, l: 100 }, t.ownerKey);
    const tenant = t.tenantId;
    const refused = await moves(env.app, async () => {
      const res = await runAgent(env.app, t.ownerKey, { agent, message: 'Too much' });
      expect(res).toMatchObject({ __typename: 'BudgetExceeded', window: 'USER_DAILY' });
    });
    expect(refused('governor_budget_refusals_total', { window: 'USER_DAILY', tenant })).toBe(1);
    expect(refused('governor_budget_refusals_total', { tenant })).toBe(1);
    expect(refused('governor_runs_total', { status: 'BUDGET_EXCEEDED', tenant })).toBe(1);

    // $0.005 a month: a 1,000-token answer from gpt-4o no longer fits; gpt-4o-mini's does.
    const poor = await signUp(env.app);
    await usePlan(env.app, poor.tenantId, 'growth', { tenantMonthlySpendLimitMicros: 5_000 });
    const strong = await openaiAgent(env.app, poor, { routing: 'FIXED_STRONG', cacheTtlSeconds: 0 });
    const degraded = await moves(env.app, async () => {
      const res = await runAgent(env.app, poor.ownerKey, { agent: strong, message: 'Hi', maxOutputTokens: 1_000 });
      expect(res.run.degradations).toEqual(['CHEAPER_MODEL']);
    });
    expect(degraded('governor_degradations_total', { kind: 'CHEAPER_MODEL', tenant: poor.tenantId })).toBe(1);
    expect(degraded('governor_degradations_total', { kind: 'SHORTER_RESPONSE', tenant: poor.tenantId })).toBe(0);
  });

  it('a run stopped by a run limit counts the limit', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth', { maxToolCalls: 2 });
    const agent = await cheapAgent(t, { tools: ['calculator'] });
    env.upstream.handle((req) =>
      reply.toolCall(req, 'calculator', { expression: '1+1' }, { prompt: 100, completion: 20 }),
    );
    const tenant = t.tenantId;
    const moved = await moves(env.app, async () => {
      const res = await runAgent(env.app, t.ownerKey, { agent, message: 'loop' });
      expect(res).toMatchObject({ __typename: 'RunLimitExceeded', kind: 'TOOL_CALLS' });
    });
    expect(moved('governor_run_limit_trips_total', { kind: 'TOOL_CALLS', tenant })).toBe(1);
    expect(moved('governor_run_limit_trips_total', { tenant })).toBe(1);
    expect(moved('governor_runs_total', { status: 'RUN_LIMIT', tenant })).toBe(1);
    // Three steps were charged (the loop's spend is counted too).
    expect(moved('governor_tokens_total', { kind: 'input', tenant })).toBe(300);
  });

  it('an alert raised counts its kind; a delivery that fails counts as failed', async () => {
    const hook = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const t = await signUp(env.app);
      await ok(
        env.app,
        SETTINGS,
        { input: { alertWebhookUrl: url, alertThresholds: { runCostUsd: 0.00001 } } },
        t.ownerKey,
      );
      await ok(env.app, ROTATE, {}, t.ownerKey);
      const agent = await cheapAgent(t);
      text();
      const raised = await moves(env.app, async () => {
        await runAgent(env.app, t.ownerKey, { agent, message: 'Costly' });
        await env.app.runtime.deps.outbox.flush();
        await env.app.runtime.deps.outbox.watched();
      });
      expect(raised('governor_alerts_raised_total', { kind: 'RUN_COST' })).toBe(1);
      const db = env.app.runtime.database.db;
      const [alert] = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.tenantId, t.tenantId), eq(alerts.kind, 'RUN_COST')));
      // Only this alert: the test database is shared with other files' alerts.
      const failed = await moves(env.app, () => env.app.runtime.deps.alertDelivery.deliverDue(alert!.id));
      expect(failed('governor_alert_deliveries_failed_total', { outcome: 'retrying' })).toBe(1);
      expect(failed('governor_alert_deliveries_failed_total', { outcome: 'given_up' })).toBe(0);
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });
});

/** Provider faults as a scraper sees them; and, by default, no tenant label anywhere. */
describe('/metrics follows a model whose circuit opens', () => {
  const clock = testClock();
  const env = useUpstreamApp({
    env: { PROVIDER_RETRIES: '1', BREAKER_FAILURES: '2', BREAKER_OPEN_SECONDS: '30' },
    clock,
  });
  const circuit = async (model: string) =>
    valueOf(await scrape(env.app), 'governor_circuit_state', { model: `openai/${model}` });

  it('counts the failed calls per model, and shows the circuit open, half-open, closed', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_STRONG', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => (req.model === 'gpt-4o' ? reply.error(503) : reply.text(req, 'from the cheap one')));
    const moved = await moves(env.app, async () => {
      const res = await runAgent(env.app, t.ownerKey, { agent, message: 'Hello' });
      expect(res.run.model?.id).toBe('openai/gpt-4o-mini');
    });
    // One try and one retry, both failed: two failures open the circuit.
    expect(moved('governor_provider_errors_total', { model: 'openai/gpt-4o' })).toBe(2);
    expect(moved('governor_provider_errors_total', { model: 'openai/gpt-4o-mini' })).toBe(0);
    expect(await circuit('gpt-4o')).toBe(2);
    expect(await circuit('gpt-4o-mini')).toBe(0);
    clock.advance(30_000);
    expect(await circuit('gpt-4o')).toBe(1);
    env.upstream.handle((req) => reply.text(req, 'back'));
    await runAgent(env.app, t.ownerKey, { agent, message: 'Hello again' });
    expect(await circuit('gpt-4o')).toBe(0);
  });

  it('carries no tenant label unless METRICS_TENANT_LABEL is on', async () => {
    const { samples } = await scrape(env.app);
    expect(samples.some((s) => s.name === 'governor_runs_total')).toBe(true);
    expect(samples.filter((s) => 'tenant' in s.labels)).toEqual([]);
  });
});

describe('the ledger lag', () => {
  const env = useUpstreamApp({ env: { LEDGER_FLUSH_INTERVAL_MS: '3600000' } });
  const lag = async () => valueOf(await scrape(env.app), 'governor_ledger_lag_seconds');

  it('is the age of the oldest entry this process has not written to Postgres yet', async () => {
    const t = await signUp(env.app);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.'));
    await env.app.runtime.deps.outbox.flush();
    expect(await lag()).toBe(0);
    await runAgent(env.app, t.ownerKey, { agent, message: 'Hello' });
    // Embedded, the ledger is written as the run settles: nothing ever waits.
    if (env.app.config.embedded) expect(await lag()).toBe(0);
    else await eventually(async () => (await lag()) >= 0.05, 'the entry to wait 50 ms');
    await env.app.runtime.deps.outbox.flush();
    expect(await lag()).toBe(0);
  });
});
