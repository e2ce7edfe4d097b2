import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { models, usageEvents, type UsageEventRow } from '../../src/db/schema/index.js';
import { newId } from '../../src/lib/ids.js';
import { ADMIN_TOKEN, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, unique, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, usePlan, useUpstreamApp, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';
import type { UsageDimension } from '../__generated__/graphql.js';

const USAGE = graphql(`
  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageDimension!]!) {
    usage(from: $from, to: $to, groupBy: $groupBy) {
      day
      user {
        id
      }
      model {
        id
      }
      agent {
        id
      }
      tier
      runs
      cacheHits
      inputTokens
      outputTokens
      cachedInputTokens
      sideCallTokens
      costUsd
      savedCostUsd
      cacheSavedCostUsd
      routingSavedCostUsd
      strongShare
    }
  }
`);

const SUMMARY = graphql(`
  query UsageSummary {
    viewer {
      tenant {
        usageSummary {
          periodStart
          spendUsd
          spendLimitUsd
          tokens
          tokenLimit
          cacheSavedCostUsd
          routingSavedCostUsd
          forecastSpendUsd
        }
      }
    }
  }
`);

const SET_PRICE = graphql(`
  mutation UsageSetPrice($input: SetModelPriceInput!) {
    setModelPrice(input: $input) {
      id
    }
  }
`);

type Row = {
  day: string | null;
  user: string | null;
  model: string | null;
  agent: string | null;
  tier: string | null;
  runs: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  sideCallTokens: number;
  costMicros: number;
  cacheSavedMicros: number;
  routingSavedMicros: number;
};

const micros = (usd: number) => Math.round(usd * 1_000_000);
const DAY_MS = 86_400_000;
const range = () => ({
  from: new Date(Date.now() - DAY_MS).toISOString(),
  to: new Date(Date.now() + DAY_MS).toISOString(),
});

/** The report as the API gives it, in the shape the test computes from the ledger's rows. */
async function report(app: TestApp, key: string, groupBy: UsageDimension[]): Promise<Row[]> {
  const rows = (await ok(app, USAGE, { ...range(), groupBy }, key)).usage;
  return sortRows(
    rows.map((r) => ({
      day: r.day ? r.day.slice(0, 10) : null,
      user: r.user?.id ?? null,
      model: r.model?.id ?? null,
      agent: r.agent?.id ?? null,
      tier: r.tier ?? null,
      runs: r.runs,
      cacheHits: r.cacheHits,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      cachedInputTokens: r.cachedInputTokens,
      sideCallTokens: r.sideCallTokens,
      costMicros: micros(r.costUsd),
      cacheSavedMicros: micros(r.cacheSavedCostUsd),
      routingSavedMicros: micros(r.routingSavedCostUsd),
    })),
  );
}

const sortRows = (rows: Row[]) =>
  rows.sort((a, b) =>
    JSON.stringify([a.day, a.user, a.model, a.agent, a.tier]).localeCompare(
      JSON.stringify([b.day, b.user, b.model, b.agent, b.tier]),
    ),
  );

/** The same report computed here from the ledger's rows in Postgres. */
async function fromLedger(app: TestApp, tenantId: string, groupBy: UsageDimension[], userId?: string): Promise<Row[]> {
  const db = app.runtime.database.db;
  const tiers = new Map((await db.select().from(models)).map((m) => [m.id, m.tier]));
  const events = (await db.select().from(usageEvents).where(eq(usageEvents.tenantId, tenantId))).filter(
    (e) => !userId || e.userId === userId,
  );
  const groups = new Map<string, { row: Row; runs: Set<string> }>();
  for (const e of events) {
    const keys = {
      day: groupBy.includes('DAY') ? e.day : null,
      user: groupBy.includes('USER') ? e.userId : null,
      model: groupBy.includes('MODEL') ? e.modelId : null,
      agent: groupBy.includes('AGENT') ? e.agentId : null,
      tier: groupBy.includes('TIER') ? ((e.modelId && tiers.get(e.modelId)) ?? null) : null,
    };
    const id = JSON.stringify(keys);
    const g =
      groups.get(id) ??
      groups
        .set(id, {
          row: { ...keys, ...zero() },
          runs: new Set(),
        })
        .get(id)!;
    add(g.row, g.runs, e);
  }
  return sortRows([...groups.values()].map((g) => g.row));
}

const zero = () => ({
  runs: 0,
  cacheHits: 0,
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  sideCallTokens: 0,
  costMicros: 0,
  cacheSavedMicros: 0,
  routingSavedMicros: 0,
});

function add(row: Row, runs: Set<string>, e: UsageEventRow) {
  // A run counts once, in the group of the event that opens it.
  if (e.opensRun && e.runId && !runs.has(e.runId)) {
    runs.add(e.runId);
    row.runs += 1;
  }
  if (e.kind === 'cache_hit') row.cacheHits += 1;
  row.inputTokens += e.inputTokens;
  row.outputTokens += e.outputTokens;
  row.cachedInputTokens += e.cachedInputTokens;
  if (e.kind === 'classifier' || e.kind === 'summary') row.sideCallTokens += e.totalTokens;
  row.costMicros += e.costMicros;
  if (e.kind === 'cache_hit') row.cacheSavedMicros += e.savedCostMicros;
  else row.routingSavedMicros += e.savedCostMicros;
}

/** A model of the test's own (the catalog is shared), at prices the test sets. */
async function testModel(app: TestApp, tier: 'CHEAP' | 'STRONG', prices: [number, number, number | null]) {
  const name = unique(`usage-${tier.toLowerCase()}-`);
  const id = `openai/${name}`;
  await app.runtime.database.db.insert(models).values({
    id,
    provider: 'openai',
    providerModel: name,
    tier,
    inputMicrosPerMTok: 1,
    outputMicrosPerMTok: 1,
    cachedInputMicrosPerMTok: null,
  });
  // The operator's override sets the prices the test computes with.
  const [input, output, cached] = prices;
  await ok(
    app,
    SET_PRICE,
    {
      input: {
        modelId: id,
        inputPricePerMTokUsd: input,
        outputPricePerMTokUsd: output,
        cachedInputPricePerMTokUsd: cached,
      },
    },
    ADMIN_TOKEN,
  );
  return id;
}

describe('usage reports', () => {
  const env = useUpstreamApp();
  void newId;

  async function workload(): Promise<{ t: Tenant; member: { id: string; key: string } }> {
    const t = await signUp(env.app);
    // A plan with the strong tier: routing can only save against a model the plan allows.
    await usePlan(env.app, t.tenantId, 'growth');
    const [m1, m2] = [await addUser(env.app, t, 'MEMBER'), await addUser(env.app, t, 'MEMBER')];
    const routed = await openaiAgent(env.app, t, { routing: 'HEURISTIC', cacheTtlSeconds: 300 });
    const strong = await openaiAgent(env.app, t, { routing: 'FIXED_STRONG', cacheTtlSeconds: 300 });
    const classified = await openaiAgent(env.app, t, { routing: 'CLASSIFIER', cacheTtlSeconds: 0 });
    env.upstream.handle((req) =>
      String(req.messages[0]?.content).startsWith("Rate the user's request")
        ? reply.text(req, 'simple', { prompt: 60, completion: 1 })
        : reply.text(req, 'Done.', { prompt: 120, completion: 30, cached: 40 }),
    );
    for (const [key, i] of [
      [t.ownerKey, 0],
      [m1.key, 1],
      [m2.key, 2],
    ] as const) {
      await runAgent(env.app, key, { agent: routed, message: `Say hello to user ${i}.` });
      await runAgent(env.app, key, { agent: routed, message: `Say hello to user ${i}.` }); // a cache hit
      await runAgent(env.app, key, { agent: routed, message: `Say goodbye ${i}.`, routing: 'CHEAP' });
      await runAgent(env.app, key, { agent: strong, message: `Prove that ${i} + 1 > ${i}.` });
      await runAgent(env.app, key, {
        agent: classified,
        message: `Our Redis cluster ${i} hits 100% CPU every day at noon and requests time out.`,
      });
    }
    await env.app.runtime.deps.outbox.flush();
    return { t, member: m1 };
  }

  it('each grouping, and a combination, equals the ledger; a MEMBER gets its own; another tenant never shows', async () => {
    const { t, member } = await workload();
    const other = await workload();
    const groupings: UsageDimension[][] = [
      [],
      ['DAY'],
      ['USER'],
      ['MODEL'],
      ['AGENT'],
      ['TIER'],
      ['USER', 'MODEL', 'DAY'],
    ];
    for (const groupBy of groupings) {
      const expected = await fromLedger(env.app, t.tenantId, groupBy);
      expect(await report(env.app, t.ownerKey, groupBy), groupBy.join('+')).toEqual(expected);
    }
    const [total] = await report(env.app, t.ownerKey, []);
    expect(total).toMatchObject({ runs: 15, cacheHits: 3 });
    expect(total!.sideCallTokens).toBeGreaterThan(0);
    expect(total!.routingSavedMicros).toBeGreaterThan(0);
    expect(total!.cacheSavedMicros).toBeGreaterThan(0);
    // A MEMBER: its own usage only, whatever it groups by.
    expect(await report(env.app, member.key, ['USER'])).toEqual(
      await fromLedger(env.app, t.tenantId, ['USER'], member.id),
    );
    // Another tenant's users and spend never appear.
    const users = (await report(env.app, t.ownerKey, ['USER'])).map((r) => r.user);
    for (const r of await report(env.app, other.t.ownerKey, ['USER'])) expect(users).not.toContain(r.user);
    // The tier dimension and the strong share.
    const byTier = await ok(env.app, USAGE, { ...range(), groupBy: ['AGENT'] }, t.ownerKey);
    const shares = byTier.usage.map((r) => r.strongShare).sort();
    expect(shares).toEqual([0, 0, 1]);
  });

  it('a run that spans calls (a client-side tool loop) counts once, with the tokens of every call and a cache hit among them', async () => {
    const t = await signUp(env.app);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 300 });
    env.upstream.handle((req) => reply.text(req, 'Step.', { prompt: 100, completion: 10 }));
    const runId = unique('span-loop-');
    // The last call asks what the first did: answered from the cache, still the same run.
    for (const content of ['First step', 'Second step', 'Third step', 'First step']) {
      const res = await fetch(`${env.app.url}/v1/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${t.ownerKey}`,
          'x-governor-run-id': runId,
        },
        body: JSON.stringify({ model: agent, messages: [{ role: 'user', content }] }),
      });
      expect(res.status).toBe(200);
    }
    await env.app.runtime.deps.outbox.flush();
    const [total] = await report(env.app, t.ownerKey, []);
    expect(total).toMatchObject({ runs: 1, cacheHits: 1, inputTokens: 300, outputTokens: 30 });
    expect(await report(env.app, t.ownerKey, ['MODEL'])).toEqual(await fromLedger(env.app, t.tenantId, ['MODEL']));
  });

  it('refuses a range over 366 days, or one that ends before it starts', async () => {
    const t = await signUp(env.app);
    const from = new Date('2026-01-01T00:00:00Z');
    const long = await gql(
      env.app,
      USAGE,
      { from: from.toISOString(), to: '2027-01-03T00:00:00Z', groupBy: [] },
      t.ownerKey,
    );
    expectCode(long, 'BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/366 days/);
    const backwards = await gql(
      env.app,
      USAGE,
      { from: '2026-02-01T00:00:00Z', to: from.toISOString(), groupBy: [] },
      t.ownerKey,
    );
    expectCode(backwards, 'BAD_USER_INPUT');
    const member = await addUser(env.app, t, 'MEMBER');
    expectCode(await gql(env.app, SUMMARY, {}, member.key), 'FORBIDDEN');
  });

  it('cost and savings, against hand-computed values: cached tokens, an operator price, a routed-down run, a pin, a cache hit', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    // $/MTok: cheap 0.15 in, 0.60 out, 0.075 cached; strong 2.50 in, 10 out, 1.25 cached.
    const cheap = await testModel(env.app, 'CHEAP', [0.15, 0.6, 0.075]);
    const strong = await testModel(env.app, 'STRONG', [2.5, 10, 1.25]);
    const agent = await openaiAgent(env.app, t, {
      routing: 'HEURISTIC',
      cheapModel: cheap,
      strongModel: strong,
      cacheTtlSeconds: 300,
    });
    env.upstream.handle((req) => reply.text(req, 'Hello!', { prompt: 1000, completion: 200, cached: 400 }));
    const routed = (await runAgent(env.app, t.ownerKey, {
      agent,
      message: 'Rewrite politely: thanks.',
    })) as RunOf<'AgentRunCompleted'>;
    expect(routed.run.model?.id).toBe(cheap);
    // cheap: 600 × 0.15 + 400 × 0.075 + 200 × 0.60 = 240 µ$; on strong: 600 × 2.5 + 400 × 1.25 + 200 × 10 = 4,000 µ$.
    expect(micros(routed.run.costUsd)).toBe(240);
    expect(micros(routed.run.savedCostUsd)).toBe(3_760);
    const hit = (await runAgent(env.app, t.ownerKey, {
      agent,
      message: 'Rewrite politely: thanks.',
    })) as RunOf<'AgentRunCompleted'>;
    expect(hit.run.cached).toBe(true);
    const pinned = (await runAgent(env.app, t.ownerKey, {
      agent,
      message: 'Rewrite politely: cheers.',
      routing: 'CHEAP',
    })) as RunOf<'AgentRunCompleted'>;
    expect(micros(pinned.run.savedCostUsd)).toBe(0);
    await env.app.runtime.deps.outbox.flush();

    const [total] = await report(env.app, t.ownerKey, []);
    expect(total).toMatchObject({
      runs: 3,
      cacheHits: 1,
      inputTokens: 2_000,
      outputTokens: 400,
      cachedInputTokens: 800,
      costMicros: 480,
      cacheSavedMicros: 240,
      routingSavedMicros: 3_760,
    });
    const summary = (await ok(env.app, SUMMARY, {}, t.ownerKey)).viewer.tenant!.usageSummary;
    expect(summary).toMatchObject({
      spendUsd: 0.00048,
      tokens: 2_400,
      cacheSavedCostUsd: 0.00024,
      routingSavedCostUsd: 0.00376,
    });
    expect(summary.forecastSpendUsd).toBeGreaterThanOrEqual(summary.spendUsd);
    expect(summary.spendLimitUsd).toBeGreaterThan(0);
  });
});

/** Services mode: entries that Postgres does not have yet are in the report, each once. */
describe('a report with the ledger still on its way', () => {
  const env = useUpstreamApp({ env: { LEDGER_FLUSH_INTERVAL_MS: '3600000' } });

  it('counts runs not yet flushed, and the same once they are', async () => {
    const t = await signUp(env.app);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 50, completion: 10 }));
    for (let i = 0; i < 4; i++) await runAgent(env.app, t.ownerKey, { agent, message: `Number ${i}` });
    const stored = () =>
      env.app.runtime.database.db.select().from(usageEvents).where(eq(usageEvents.tenantId, t.tenantId));
    if (env.app.runtime.store.kind === 'redis') expect(await stored()).toHaveLength(0);
    const before = await report(env.app, t.ownerKey, ['AGENT']);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ runs: 4, inputTokens: 200, outputTokens: 40 });
    await env.app.runtime.deps.outbox.flush();
    expect(await stored()).toHaveLength(4);
    expect(await report(env.app, t.ownerKey, ['AGENT'])).toEqual(before);
  });
});
