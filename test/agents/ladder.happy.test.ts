import { beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const SET_BUDGET = graphql(`
  mutation LadderBudget($u: ID!, $l: Int) {
    setUserBudget(input: { userId: $u, dailyTokenLimit: $l }) {
      id
    }
  }
`);
const USED = graphql(`
  query LadderUsed {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);

/** A user near its limits is degraded step by step, then refused with what would lift the limit. */
describe('the degradation ladder, end to end', () => {
  const env = useUpstreamApp();
  beforeAll(async () => {
    env.upstream.handle((req) =>
      reply.text(req, `answered by ${req.model} within ${req.max_tokens}`, { prompt: 50, completion: 100 }),
    );
  });

  it('gives a cheaper model, then a shorter answer, then BudgetExceeded with window, limit, use and reset', async () => {
    const t = await signUp(env.app);
    // $0.005 a month: a 1,000-token answer from gpt-4o ($10 per million out) no longer fits; gpt-4o-mini does.
    await usePlan(env.app, t.tenantId, 'growth', { tenantMonthlySpendLimitMicros: 5_000 });
    const slug = await openaiAgent(env.app, t, { routing: 'FIXED_STRONG', cacheTtlSeconds: 0 });
    const input = { agent: slug, message: 'Explain our deployment pipeline.', maxOutputTokens: 1_000 };
    const budget = (limit: number) => ok(env.app, SET_BUDGET, { u: t.ownerId, l: limit }, t.ownerKey);
    const used = async () => (await ok(env.app, USED, {}, t.ownerKey)).budgetStatus.daily.used;

    const cheaper = await runAgent(env.app, t.ownerKey, input);
    expect(cheaper).toMatchObject({
      __typename: 'AgentRunCompleted',
      run: { degradations: ['CHEAPER_MODEL'], model: { id: 'openai/gpt-4o-mini' } },
    });
    expect(env.upstream.requests.at(-1)).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 1_000 });

    await budget((await used()) + 700); // room for the prompt and a few hundred tokens, not 1,000
    const shorter = await runAgent(env.app, t.ownerKey, input);
    expect(shorter.__typename).toBe('AgentRunCompleted');
    expect(shorter.run.degradations).toContain('SHORTER_RESPONSE');
    const cap = env.upstream.requests.at(-1)!.max_tokens!;
    expect(cap).toBeGreaterThanOrEqual(256);
    expect(cap).toBeLessThan(700);

    const usedNow = await used();
    await budget(usedNow + 200); // less than the prompt plus the 256-token floor
    const refused = (await runAgent(env.app, t.ownerKey, input)) as RunOf<'BudgetExceeded'>;
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    expect(refused).toMatchObject({
      __typename: 'BudgetExceeded',
      code: 'BUDGET_EXCEEDED',
      window: 'USER_DAILY',
      unit: 'TOKENS',
      limit: usedNow + 200,
      used: usedNow,
      resetsAt: tomorrow.toISOString(),
      canUpgrade: false,
      run: { status: 'BUDGET_EXCEEDED', model: null, costUsd: 0 },
    });
    expect(refused.message).toContain('daily tokens');
    // Of the seeded plans, only business lifts growth's daily tokens (other tests add plans of their own).
    expect(refused.upgradeOptions.map((p) => p.key).filter((k) => !k.startsWith('test-'))).toEqual(['business']);
    expect(env.upstream.requests.at(-1)!.max_tokens).toBe(cap); // nothing was sent for the refusal
  });
});
