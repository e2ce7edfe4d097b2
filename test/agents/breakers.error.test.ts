import { beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan, type RunResult } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const STATUS = graphql(`
  query BreakersStatus {
    budgetStatus {
      daily {
        used
        reserved
      }
      tenantSpend {
        usedUsd
        reservedUsd
      }
    }
    agentRuns(first: 1) {
      edges {
        node {
          id
          status
          costUsd
          usage {
            totalTokens
          }
        }
      }
    }
  }
`);
const SET_BUDGET = graphql(`
  mutation BreakersBudget($u: ID!) {
    setUserBudget(input: { userId: $u, dailyTokenLimit: 1600 }) {
      id
    }
  }
`);

/** Each per-run breaker ends a runaway loop, and what the loop spent is still charged. */
describe('per-run breakers', () => {
  const env = useUpstreamApp();
  beforeAll(async () => {});

  /** An env.upstream that always asks for another tool call: a runaway agent. */
  const runaway = (usage = { prompt: 100, completion: 20 }) =>
    env.upstream.handle((req) => reply.toolCall(req, 'calculator', { expression: '1+1' }, usage));

  async function setup(plan: Record<string, number>) {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth', plan);
    const slug = await openaiAgent(env.app, t, { tools: ['calculator'], routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    return { t, slug };
  }

  async function expectCharged(key: string, res: RunResult) {
    const s = await ok(env.app, STATUS, {}, key);
    expect(res.run.usage.totalTokens).toBeGreaterThan(0);
    expect(s.budgetStatus.daily).toEqual({ used: res.run.usage.totalTokens, reserved: 0 });
    expect(s.budgetStatus.tenantSpend.usedUsd).toBeCloseTo(res.run.costUsd, 9);
    expect(s.agentRuns.edges[0]!.node).toMatchObject({ id: res.run.id, status: 'RUN_LIMIT' });
  }

  it('stops at the tool-call limit', async () => {
    const { t, slug } = await setup({ maxToolCalls: 3 });
    runaway();
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'loop' });
    expect(res).toMatchObject({
      __typename: 'RunLimitExceeded',
      kind: 'TOOL_CALLS',
      run: { status: 'RUN_LIMIT', toolCalls: 4 },
    });
    expect(res.run.usage).toMatchObject({ inputTokens: 400, outputTokens: 80 });
    await expectCharged(t.ownerKey, res);
  });

  it('stops at the token limit', async () => {
    const { t, slug } = await setup({ maxTokensPerRun: 2_000 });
    runaway({ prompt: 600, completion: 50 });
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'loop', maxOutputTokens: 100 });
    expect(res).toMatchObject({ __typename: 'RunLimitExceeded', kind: 'TOKENS' });
    expect(res.run.usage.totalTokens).toBeLessThanOrEqual(2_000 + 650);
    await expectCharged(t.ownerKey, res);
  });

  it('stops at the cost limit', async () => {
    // gpt-4o-mini: 10,000 prompt tokens cost $0.0015 a step; the run may spend $0.004.
    const { t, slug } = await setup({ maxCostPerRunMicros: 4_000, maxTokensPerRun: 1_000_000 });
    runaway({ prompt: 10_000, completion: 10 });
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'loop', maxOutputTokens: 50 });
    expect(res).toMatchObject({ __typename: 'RunLimitExceeded', kind: 'COST' });
    expect(res.run.costUsd).toBeGreaterThanOrEqual(0.003);
    await expectCharged(t.ownerKey, res);
  });

  it('stops at the time limit, aborting the provider call in flight', async () => {
    const { t, slug } = await setup({ maxDurationSeconds: 1 });
    env.upstream.handle((req) => ({ ...reply.text(req, 'too late'), delayMs: 5_000 }));
    const abandonedBefore = env.upstream.abandoned;
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'take your time' });
    expect(res).toMatchObject({ __typename: 'RunLimitExceeded', kind: 'DURATION' });
    // The provider call itself was cut: the env.upstream saw its client hang up before it answered.
    for (let i = 0; i < 100 && env.upstream.abandoned === abandonedBefore; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(env.upstream.abandoned).toBe(abandonedBefore + 1);
    await expectCharged(t.ownerKey, res);
  });

  it('ends a 10-step loop against a budget for 3 steps as BudgetExceeded, never settling more than it held', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    const slug = await openaiAgent(env.app, t, {
      tools: ['calculator'],
      routing: 'FIXED_CHEAP',
      instructions: 'x',
      cacheTtlSeconds: 0,
    });
    // Each step reserves its estimate (a few hundred input tokens plus a 100-token cap); 3 fit in 1,600.
    await ok(env.app, SET_BUDGET, { u: t.ownerId }, t.ownerKey);
    let steps = 0;
    env.upstream.handle((req) => {
      steps++;
      return steps < 10
        ? reply.toolCall(req, 'calculator', { expression: '2+2' }, { prompt: 300, completion: 30 })
        : reply.text(req, 'done');
    });
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'loop ten times', maxOutputTokens: 100 });
    expect(res).toMatchObject({ __typename: 'BudgetExceeded', window: 'USER_DAILY', limit: 1_600 });
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(steps).toBeLessThan(10);
    const s = await ok(env.app, STATUS, {}, t.ownerKey);
    expect(s.budgetStatus.daily.reserved).toBe(0);
    expect(s.budgetStatus.daily.used).toBe(res.run.usage.totalTokens);
    expect(s.budgetStatus.daily.used).toBeLessThanOrEqual(1_600);
    expect(s.agentRuns.edges[0]!.node).toMatchObject({ status: 'BUDGET_EXCEEDED' });
  });
});
