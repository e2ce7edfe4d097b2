import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { difficulty } from '../../src/routing/index.js';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { rowCounts } from '../helpers/row-counts.js';
import { runAgent, usePlan } from '../helpers/runs.js';
import { testClock } from '../helpers/billing.js';

const PREVIEW = graphql(`
  query RoutingPreview($agent: String!, $message: String!, $history: [ChatMessageInput!]) {
    routePreview(agent: $agent, message: $message, history: $history) {
      decision {
        strategy
        complexity
        confidence
        reason
        tier
        score
        threshold
      }
      model {
        id
      }
      wouldConsultClassifier
    }
  }
`);
const BUDGET = graphql(`
  query RoutingBudget {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);
// What an agent shows of its routing: spread by name, codegen adds its definition.
graphql(`
  fragment RoutingFields on Agent {
    routingAdjustment
    routingCalibration {
      threshold
      source
      targetShare
      samples
    }
    routingAdjustments {
      from
      to
      reason
    }
  }
`);
const SET_ROUTING = graphql(`
  mutation RoutingSetAgent($input: UpdateAgentInput!) {
    updateAgent(input: $input) {
      routing
      routingThreshold
      strongShareTarget
      adaptiveRouting
      ...RoutingFields
    }
  }
`);
const CREATE = graphql(`
  mutation RoutingCreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      id
      slug
      routingThreshold
      strongShareTarget
      adaptiveRouting
    }
  }
`);
const AGENT = graphql(`
  query RoutingAgent($id: String!) {
    agent(idOrSlug: $id) {
      ...RoutingFields
    }
  }
`);
const RATE = graphql(`
  mutation RoutingRate($input: RateRunInput!) {
    rateRun(input: $input) {
      id
      rating
      ratingComment
    }
  }
`);
const RUNS = graphql(`
  query RoutingRuns($agent: ID) {
    agentRuns(first: 5, filter: { agentId: $agent }) {
      edges {
        node {
          id
          rating
          ratingComment
        }
      }
    }
  }
`);
const RATINGS = graphql(`
  query RoutingRatings($from: DateTime!, $to: DateTime!) {
    usage(from: $from, to: $to, groupBy: [TIER]) {
      tier
      runs
      strongShare
      goodRatings
      badRatings
    }
  }
`);

const TOTALS = graphql(`
  query RoutingTotals($from: DateTime!, $to: DateTime!) {
    usage(from: $from, to: $to, groupBy: []) {
      runs
      goodRatings
    }
  }
`);

const HARD = 'Implement a function that merges overlapping intervals in O(n log n) and prove it correct.';
const EASY = 'What is the capital of Peru?';

/** Scores from a fixed seed, spread as traffic spreads them (more easy requests than hard). */
function scoreStream(seed: number): () => number {
  let x = seed;
  const uniform = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31), x / 2 ** 31);
  return () => Math.min(1, ((uniform() + uniform() + uniform()) / 3) ** 1.5);
}

describe('routing by a difficulty score', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
    await usePlan(app, t.tenantId, 'growth');
  });

  it('records the score and threshold on every run, pinned and cached ones too', async () => {
    const routed = await runAgent(app, t.ownerKey, { agent: 'assistant', message: HARD, cache: 'BYPASS' });
    const expected = difficulty(HARD).score;
    expect(routed.run.route).toMatchObject({ score: expected, threshold: 0.5, complexity: 'COMPLEX', tier: 'STRONG' });
    expect(routed.run.route.confidence).toBeCloseTo(Math.min(1, 0.5 + Math.abs(expected - 0.5)), 2);
    const pinned = await runAgent(app, t.ownerKey, { agent: 'assistant', message: EASY, routing: 'STRONG' });
    expect(pinned.run.route).toMatchObject({ tier: 'STRONG', complexity: 'SIMPLE', threshold: 0.5 });
    expect(pinned.run.route.score).toBe(difficulty(EASY).score);
    const hit = await runAgent(app, t.ownerKey, { agent: 'assistant', message: EASY, routing: 'STRONG' });
    expect(hit.run.cached).toBe(true);
    expect(hit.run.route).toMatchObject({ score: difficulty(EASY).score, threshold: 0.5 });
  });

  it('previews a route without a provider call, a charge, a hold or a record', async () => {
    const classified = await ok(
      app,
      CREATE,
      { input: { name: 'Classified', instructions: 'Be brief.', routing: 'CLASSIFIER' } },
      t.ownerKey,
    );
    const before = { rows: await rowCounts(app), budget: await ok(app, BUDGET, {}, t.ownerKey) };
    const hard = await ok(app, PREVIEW, { agent: 'assistant', message: HARD }, t.ownerKey);
    expect(hard.routePreview).toMatchObject({
      decision: { tier: 'STRONG', complexity: 'COMPLEX', score: difficulty(HARD).score, threshold: 0.5 },
      model: { id: 'sim/sim-large' },
      wouldConsultClassifier: false,
    });
    expect(hard.routePreview.decision.reason).toMatch(/\+code to write/);
    // A follow-up on a hard thread: the history counts.
    const followUp = await ok(
      app,
      PREVIEW,
      { agent: 'assistant', message: 'and for n = 5?', history: [{ role: 'USER', content: HARD }] },
      t.ownerKey,
    );
    expect(followUp.routePreview.decision.tier).toBe('STRONG');
    // The classifier strategy, on a score in its unsure band: it would ask (and does not).
    const unsure = 'Our Redis cluster hits 100% CPU every day at noon and requests time out.';
    const asked = await ok(app, PREVIEW, { agent: classified.createAgent.slug, message: unsure }, t.ownerKey);
    expect(asked.routePreview.wouldConsultClassifier).toBe(true);
    expect(await rowCounts(app)).toEqual(before.rows);
    expect(await ok(app, BUDGET, {}, t.ownerKey)).toEqual(before.budget);
    // A MEMBER may preview too (any key of the tenant); bad input is refused by the shared validator.
    const member = await addUser(app, t, 'MEMBER');
    expect((await ok(app, PREVIEW, { agent: 'assistant', message: EASY }, member.key)).routePreview.decision.tier).toBe(
      'CHEAP',
    );
    expectCode(await gql(app, PREVIEW, { agent: 'assistant', message: '   ' }, t.ownerKey), 'BAD_USER_INPUT');
  });

  it('takes a threshold or a strong-share target, not both, and a threshold moves the route', async () => {
    expectCode(
      await gql(
        app,
        CREATE,
        { input: { name: 'Both', instructions: 'x', routingThreshold: 0.4, strongShareTarget: 0.3 } },
        t.ownerKey,
      ),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, CREATE, { input: { name: 'Over', instructions: 'x', strongShareTarget: 1.5 } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    const agent = await ok(
      app,
      CREATE,
      { input: { name: 'Picky', instructions: 'x', routingThreshold: 0.95 } },
      t.ownerKey,
    );
    const preview = await ok(app, PREVIEW, { agent: agent.createAgent.slug, message: HARD }, t.ownerKey);
    expect(preview.routePreview.decision).toMatchObject({ threshold: 0.95 });
    expect(preview.routePreview.decision.tier).toBe(difficulty(HARD).score >= 0.95 ? 'STRONG' : 'CHEAP');
    // Setting a target clears the threshold.
    const changed = await ok(
      app,
      SET_ROUTING,
      { input: { id: agent.createAgent.id, strongShareTarget: 0.3 } },
      t.ownerKey,
    );
    expect(changed.updateAgent).toMatchObject({
      routingThreshold: null,
      strongShareTarget: 0.3,
      routingCalibration: { source: 'DEFAULT', threshold: 0.5, targetShare: 0.3, samples: 0 },
    });
  });
});

describe('calibration to a strong-share target, shared by two processes', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let t: Tenant;
  const env = { ROUTING_CALIBRATION_MS: '0' };
  beforeAll(async () => {
    const database = (await sharedApp()).runtime.database;
    first = await startApp({ env, database });
    // Two processes share a sketch only through a shared store (Redis): embedded, there is one.
    if (first.runtime.store.kind === 'redis') second = await startApp({ env, database });
    t = await signUp(first);
    await usePlan(first, t.tenantId, 'growth');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('converges to the target share on a generated stream, follows a shift, and routes runs by it', async () => {
    const agent = await ok(
      first,
      CREATE,
      { input: { name: 'Calibrated', instructions: 'Be brief.', strongShareTarget: 0.3, cacheTtlSeconds: 0 } },
      t.ownerKey,
    );
    const { id, slug } = agent.createAgent;
    const calibration = async (app: TestApp) =>
      (await ok(app, AGENT, { id: slug }, t.ownerKey)).agent!.routingCalibration;
    // Scores as traffic makes them (a fixed seed), fed by both processes in turn.
    const scores = scoreStream(7);
    const feed = async (n: number, shift: number) => {
      for (let i = 0; i < n; i++) {
        const app = second && i % 2 ? second : first;
        await app.runtime.deps.routing.observe(t.tenantId, id, Math.min(1, scores() + shift));
      }
    };
    const shareAbove = (threshold: number, shift: number) => {
      const fresh = scoreStream(99);
      let strong = 0;
      for (let i = 0; i < 4000; i++) if (Math.min(1, fresh() + shift) >= threshold) strong++;
      return strong / 4000;
    };
    await feed(199, 0);
    expect(await calibration(first)).toMatchObject({ source: 'DEFAULT', threshold: 0.5, samples: 199 });
    await feed(2801, 0);
    const a = await calibration(first);
    // Both processes read one sketch: every sample, one threshold (embedded, there is one process).
    if (second) expect(await calibration(second)).toEqual(a);
    expect(a).toMatchObject({ source: 'CALIBRATED', samples: 3000, targetShare: 0.3 });
    expect(Math.abs(shareAbove(a.threshold, 0) - 0.3)).toBeLessThan(0.03);
    // Harder traffic: the decaying sketch follows it, and the share stays at the target.
    await feed(8000, 0.2);
    const shifted = await calibration(first);
    expect(shifted.threshold).toBeGreaterThan(a.threshold + 0.1);
    expect(Math.abs(shareAbove(shifted.threshold, 0.2) - 0.3)).toBeLessThan(0.04);
    // Runs are routed by it and feed it (the process's own samples included).
    for (const message of [HARD, EASY, HARD]) {
      const result = await runAgent(second ?? first, t.ownerKey, { agent: slug, message });
      expect(result.run.route.threshold).toBeCloseTo(shifted.threshold, 2);
      expect(result.run.route.tier).toBe(difficulty(message).score >= result.run.route.threshold ? 'STRONG' : 'CHEAP');
    }
    expect((await calibration(first)).samples).toBe(11_003);
    // Pinned runs, cache hits and fixed agents feed no samples.
    await runAgent(first, t.ownerKey, { agent: slug, message: HARD, routing: 'CHEAP' });
    expect((await calibration(first)).samples).toBe(11_003);
    const cached = await ok(
      first,
      CREATE,
      { input: { name: 'Cached', instructions: 'x', strongShareTarget: 0.3, cacheTtlSeconds: 300 } },
      t.ownerKey,
    );
    const fixed = await ok(
      first,
      CREATE,
      { input: { name: 'Fixed', instructions: 'x', strongShareTarget: 0.3, routing: 'FIXED_CHEAP' } },
      t.ownerKey,
    );
    for (let i = 0; i < 2; i++) {
      await runAgent(first, t.ownerKey, { agent: cached.createAgent.slug, message: EASY });
      await runAgent(first, t.ownerKey, { agent: fixed.createAgent.slug, message: `${EASY} ${i}` });
    }
    const samples = async (agent: string) =>
      (await ok(first, AGENT, { id: agent }, t.ownerKey)).agent!.routingCalibration.samples;
    expect(await samples(cached.createAgent.slug)).toBe(1);
    expect(await samples(fixed.createAgent.slug)).toBe(0);
  });
});

describe('feedback on runs', () => {
  const clock = testClock(Date.now());
  let app: TestApp;
  let t: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    app = await startApp({ clock, database: (await sharedApp()).runtime.database });
    [t, other] = await Promise.all([signUp(app), signUp(app)]);
    await usePlan(app, t.tenantId, 'growth');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is one rating per run, by its user or an admin, within the tenant, and counted in usage by tier', async () => {
    const member = await addUser(app, t, 'MEMBER');
    const cheap = await runAgent(app, member.key, { agent: 'assistant', message: EASY, cache: 'BYPASS' });
    const strong = await runAgent(app, member.key, { agent: 'assistant', message: HARD, cache: 'BYPASS' });
    expect([cheap.run.route.tier, strong.run.route.tier]).toEqual(['CHEAP', 'STRONG']);
    const rated = await ok(
      app,
      RATE,
      { input: { runId: cheap.run.id, rating: 'BAD', comment: 'Wrong city.' } },
      member.key,
    );
    expect(rated.rateRun).toEqual({ id: cheap.run.id, rating: 'BAD', ratingComment: 'Wrong city.' });
    // A new rating replaces the last; an admin may rate it too.
    await ok(app, RATE, { input: { runId: cheap.run.id, rating: 'GOOD' } }, t.ownerKey);
    await ok(app, RATE, { input: { runId: strong.run.id, rating: 'GOOD' } }, member.key);
    const runs = await ok(app, RUNS, { agent: 'assistant' }, t.ownerKey);
    expect(runs.agentRuns.edges.find((e) => e.node.id === cheap.run.id)!.node).toMatchObject({
      rating: 'GOOD',
      ratingComment: null,
    });
    // Another tenant's run is not found; another user's run is not a MEMBER's to rate.
    expectCode(await gql(app, RATE, { input: { runId: cheap.run.id, rating: 'BAD' } }, other.ownerKey), 'NOT_FOUND');
    const owners = await runAgent(app, t.ownerKey, { agent: 'assistant', message: EASY, cache: 'BYPASS' });
    expectCode(await gql(app, RATE, { input: { runId: owners.run.id, rating: 'BAD' } }, member.key), 'FORBIDDEN');
    expectCode(
      await gql(app, RATE, { input: { runId: cheap.run.id, rating: 'MEH' as never } }, member.key),
      'BAD_USER_INPUT',
    );
    const range = {
      from: new Date(clock.ms() - 3_600_000).toISOString(),
      to: new Date(clock.ms() + 60_000).toISOString(),
    };
    const byTier = (await ok(app, RATINGS, range, t.ownerKey)).usage;
    expect(byTier.find((r) => r.tier === 'CHEAP')).toMatchObject({ goodRatings: 1, badRatings: 0 });
    expect(byTier.find((r) => r.tier === 'STRONG')).toMatchObject({ goodRatings: 1, badRatings: 0, strongShare: 1 });
  });

  it('adaptive routing: BAD ratings of cheap answers raise the target, at a bounded rate and within bounds', async () => {
    const created = await ok(
      app,
      CREATE,
      {
        input: {
          name: 'Adaptive',
          instructions: 'x',
          strongShareTarget: 0.3,
          adaptiveRouting: true,
          cacheTtlSeconds: 0,
        },
      },
      t.ownerKey,
    );
    const slug = created.createAgent.slug;
    const cheapRun = async () => (await runAgent(app, t.ownerKey, { agent: slug, message: EASY })).run.id;
    const rateBad = async () => ok(app, RATE, { input: { runId: await cheapRun(), rating: 'BAD' } }, t.ownerKey);
    const state = async () => (await ok(app, AGENT, { id: slug }, t.ownerKey)).agent!;
    // A burst: one change, however many ratings.
    for (let i = 0; i < 5; i++) await rateBad();
    expect(await state()).toMatchObject({
      routingAdjustment: 0.02,
      routingCalibration: { targetShare: 0.32 },
      routingAdjustments: [{ from: 0, to: 0.02, reason: 'a BAD rating of a cheap answer' }],
    });
    // One step per interval, and never past the bound.
    for (let i = 0; i < 15; i++) {
      clock.advance(3_600_000);
      await rateBad();
    }
    const bounded = await state();
    expect(bounded.routingAdjustment).toBe(0.2);
    expect(bounded.routingCalibration.targetShare).toBe(0.5);
    expect(bounded.routingAdjustments.length).toBe(10);
    // A run of GOOD ratings lowers it back one step.
    clock.advance(3_600_000);
    for (let i = 0; i < 10; i++) {
      await ok(app, RATE, { input: { runId: await cheapRun(), rating: 'GOOD' } }, t.ownerKey);
    }
    expect((await state()).routingAdjustment).toBe(0.18);
    // An agent without adaptiveRouting never moves.
    await ok(
      app,
      RATE,
      {
        input: {
          runId: (await runAgent(app, t.ownerKey, { agent: 'assistant', message: EASY, cache: 'BYPASS' })).run.id,
          rating: 'BAD',
        },
      },
      t.ownerKey,
    );
    expect((await ok(app, AGENT, { id: 'assistant' }, t.ownerKey)).agent!.routingAdjustment).toBe(0);
  });

  it('a run teaches adaptive routing once, however it is re-rated', async () => {
    const created = await ok(
      app,
      CREATE,
      { input: { name: 'Flip', instructions: 'x', strongShareTarget: 0.3, adaptiveRouting: true, cacheTtlSeconds: 0 } },
      t.ownerKey,
    );
    const slug = created.createAgent.slug;
    const adjustment = async () => (await ok(app, AGENT, { id: slug }, t.ownerKey)).agent!.routingAdjustment;
    const runId = (await runAgent(app, t.ownerKey, { agent: slug, message: EASY })).run.id;
    clock.advance(3_600_000);
    await ok(app, RATE, { input: { runId, rating: 'BAD' } }, t.ownerKey);
    expect(await adjustment()).toBe(0.02);
    for (const rating of ['GOOD', 'BAD', 'BAD'] as const) {
      clock.advance(3_600_000);
      await ok(app, RATE, { input: { runId, rating } }, t.ownerKey);
    }
    expect(await adjustment()).toBe(0.02);
    // The rating itself is the latest one.
    expect((await ok(app, RATE, { input: { runId, rating: 'GOOD' } }, t.ownerKey)).rateRun.rating).toBe('GOOD');
  });

  it('adaptive routing lowers an explicit threshold, and learns nothing from a pinned cheap answer', async () => {
    const created = await ok(
      app,
      CREATE,
      {
        input: { name: 'Strict', instructions: 'x', routingThreshold: 0.6, adaptiveRouting: true, cacheTtlSeconds: 0 },
      },
      t.ownerKey,
    );
    const slug = created.createAgent.slug;
    const threshold = async () =>
      (await ok(app, PREVIEW, { agent: slug, message: EASY }, t.ownerKey)).routePreview.decision.threshold;
    clock.advance(3_600_000);
    const pinned = await runAgent(app, t.ownerKey, { agent: slug, message: HARD, routing: 'CHEAP' });
    await ok(app, RATE, { input: { runId: pinned.run.id, rating: 'BAD' } }, t.ownerKey);
    expect(await threshold()).toBe(0.6);
    const routed = await runAgent(app, t.ownerKey, { agent: slug, message: EASY });
    await ok(app, RATE, { input: { runId: routed.run.id, rating: 'BAD' } }, t.ownerKey);
    expect(await threshold()).toBe(0.58);
    // A new threshold starts afresh, and says so in the agent's history.
    const reset = await ok(
      app,
      SET_ROUTING,
      { input: { id: created.createAgent.id, routingThreshold: 0.7 } },
      t.ownerKey,
    );
    expect(reset.updateAgent).toMatchObject({
      routingAdjustment: 0,
      routingCalibration: { threshold: 0.7, source: 'FIXED' },
    });
    expect(reset.updateAgent.routingAdjustments[0]).toMatchObject({
      from: 0.02,
      to: 0,
      reason: 'the routing threshold or target was set',
    });
  });

  it('reports no rows for a range with neither usage nor ratings', async () => {
    const empty = { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' };
    expect((await ok(app, TOTALS, empty, t.ownerKey)).usage).toEqual([]);
  });
});
