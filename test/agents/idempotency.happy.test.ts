import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { deleteKeys, redisUrl } from '../helpers/redis.js';
import { eventually } from '../helpers/eventually.js';
import { governorClient } from '../helpers/openai-client.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, runAgentRaw, useUpstreamApp, type RunOf } from '../helpers/runs.js';

const SPENT = graphql(`
  query IdempotencySpent($agent: ID) {
    budgetStatus {
      daily {
        used
        reserved
      }
    }
    agentRuns(first: 100, filter: { agentId: $agent }) {
      edges {
        node {
          id
          status
        }
      }
    }
  }
`);
const SET_BUDGET = graphql(`
  mutation IdempotencySetBudget($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);

/** A retry with the same idempotency key and input answers the first call's result, charged once. */
describe('idempotent runs', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const spent = async (key = t.ownerKey) => await ok(app, SPENT, { agent: 'assistant' }, key);
  const ask = (message: string, idempotencyKey: string, extra = {}) => ({
    agent: 'assistant',
    message,
    idempotencyKey,
    cache: 'BYPASS' as const,
    ...extra,
  });

  it('replays the first result and run id without running or charging again', async () => {
    const first = (await runAgent(
      app,
      t.ownerKey,
      ask('What is the tallest mountain?', 'order-1'),
    )) as RunOf<'AgentRunCompleted'>;
    expect(first.__typename).toBe('AgentRunCompleted');
    const after = await spent();
    const again = (await runAgent(
      app,
      t.ownerKey,
      ask('What is the tallest mountain?', 'order-1'),
    )) as RunOf<'AgentRunCompleted'>;
    expect(again).toEqual(first);
    const later = await spent();
    expect(later.budgetStatus.daily).toEqual(after.budgetStatus.daily);
    expect(later.agentRuns.edges.filter((e) => e.node.id === first.run.id)).toHaveLength(1);
    expect(later.agentRuns.edges).toHaveLength(after.agentRuns.edges.length);
  });

  it('a retry while the first call runs waits for it and answers the same run, charged once', async () => {
    const before = await spent();
    const input = ask('Tell me something slowly [[slow:600]]', 'order-2');
    const [a, b] = await Promise.all([runAgent(app, t.ownerKey, input), runAgent(app, t.ownerKey, input)]);
    expect(a.__typename).toBe('AgentRunCompleted');
    expect(b).toEqual(a);
    const after = await spent();
    expect(after.agentRuns.edges).toHaveLength(before.agentRuns.edges.length + 1);
    expect(after.budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(
      (a as RunOf<'AgentRunCompleted'>).run.usage.totalTokens,
    );
  });

  it('refuses the same key with another input', async () => {
    await runAgent(app, t.ownerKey, ask('First question', 'order-3'));
    const res = await runAgentRaw(app, t.ownerKey, ask('A different question', 'order-3'));
    expectCode(res, 'BAD_USER_INPUT');
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'idempotencyKey' });
    // Another cap or mode is another input too.
    expectCode(
      await runAgentRaw(app, t.ownerKey, ask('First question', 'order-3', { maxOutputTokens: 64 })),
      'BAD_USER_INPUT',
    );
  });

  it('does not replay a refusal: after the limit is lifted, the retry runs', async () => {
    const member = await addUser(app, t, 'MEMBER');
    await ok(app, SET_BUDGET, { input: { userId: member.id, dailyTokenLimit: 0 } }, t.ownerKey);
    const refused = await runAgent(app, member.key, ask('Can I go now?', 'order-4'));
    expect(refused.__typename).toBe('BudgetExceeded');
    await ok(app, SET_BUDGET, { input: { userId: member.id, dailyTokenLimit: null } }, t.ownerKey);
    const ran = await runAgent(app, member.key, ask('Can I go now?', 'order-4'));
    expect(ran.__typename).toBe('AgentRunCompleted');
    expect(ran.run.id).not.toBe(refused.run.id);
  });

  it("keeps one user's keys apart from another's", async () => {
    const member = await addUser(app, t, 'MEMBER');
    const mine = await runAgent(app, t.ownerKey, ask('Same words', 'order-5'));
    const theirs = await runAgent(app, member.key, ask('Same words', 'order-5'));
    expect(theirs.run.id).not.toBe(mine.run.id);
    expect(theirs.run.user?.id).toBe(member.id);
  });

  it('replays after the store lost everything (a Redis wipe, or a restart when embedded)', async () => {
    const first = await runAgent(app, t.ownerKey, ask('Remember me', 'order-6'));
    const usedBefore = (await spent()).budgetStatus.daily.used;
    let other: TestApp | undefined;
    if (redisUrl()) expect(await deleteKeys(`${inject('redisPrefix')}{${t.tenantId}}`)).toBeGreaterThan(0);
    else other = await startApp({ database: app.runtime.database });
    const target = other ?? app;
    try {
      const again = await runAgent(target, t.ownerKey, ask('Remember me', 'order-6'));
      expect(again.run.id).toBe(first.run.id);
      expect(again).toEqual(first);
      expect((await ok(target, SPENT, { agent: 'assistant' }, t.ownerKey)).budgetStatus.daily.used).toBe(usedBefore);
    } finally {
      await other?.close();
    }
  });

  it('refuses a key over 255 characters', async () => {
    expectCode(await runAgentRaw(app, t.ownerKey, ask('Hi', 'k'.repeat(256))), 'BAD_USER_INPUT');
  });
});

describe('a retry while the first call is still running, past the wait', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await startApp({ env: { IDEMPOTENCY_WAIT_MS: '0' }, database: (await sharedApp()).runtime.database });
    t = await signUp(app);
  });
  afterAll(() => app.close());

  it('answers CONFLICT with when to retry', async () => {
    const input = {
      agent: 'assistant',
      message: 'Slow one [[slow:800]]',
      idempotencyKey: 'busy-1',
      cache: 'BYPASS' as const,
    };
    const first = runAgent(app, t.ownerKey, input);
    // The first call holds its key once it holds budget (it claims the key just before).
    const reserved = async () => (await ok(app, SPENT, {}, t.ownerKey)).budgetStatus.daily.reserved > 0;
    await eventually(reserved, 'the first call to be admitted');
    const res = await runAgentRaw(app, t.ownerKey, input);
    expectCode(res, 'CONFLICT');
    expect(res.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: 1 });
    expect((await first).__typename).toBe('AgentRunCompleted');
  });
});

/** The request hash is the normalized request's: one key answers one run whichever door it came through. */
describe('one idempotency key across the two doors', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  beforeAll(async () => {
    t = await signUp(env.app);
    agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
    env.upstream.handle((req, n) => reply.text(req, `answer ${n}`, { prompt: 40, completion: 8 }));
  });
  const door = () => governorClient(env.app, t.ownerKey, { defaultHeaders: { 'X-Governor-Cache': 'BYPASS' } });
  const runs = async () => (await ok(env.app, SPENT, { agent }, t.ownerKey)).agentRuns.edges.length;

  it('replays a run made through POST /v1/chat/completions to runAgent with the same key and request', async () => {
    const { data, response } = await door()
      .chat.completions.create(
        { model: agent, messages: [{ role: 'user', content: 'Which door did I use?' }] },
        { headers: { 'Idempotency-Key': 'cross-1' } },
      )
      .withResponse();
    const runId = response.headers.get('x-governor-run-id');
    const [calls, made] = [env.upstream.requests.length, await runs()];
    const again = await runAgent(env.app, t.ownerKey, {
      agent,
      message: 'Which door did I use?',
      idempotencyKey: 'cross-1',
      cache: 'BYPASS',
    });
    expect(again).toMatchObject({ __typename: 'AgentRunCompleted', output: data.choices[0]!.message.content });
    expect(again.run.id).toBe(runId);
    expect(env.upstream.requests.length).toBe(calls);
    expect(await runs()).toBe(made);
  });

  it('replays a run made through runAgent to the door with the same key and request', async () => {
    const input = { agent, message: 'And this time?', idempotencyKey: 'cross-2', cache: 'BYPASS' as const };
    const first = (await runAgent(env.app, t.ownerKey, input)) as RunOf<'AgentRunCompleted'>;
    expect(first.__typename).toBe('AgentRunCompleted');
    const [calls, made] = [env.upstream.requests.length, await runs()];
    const { data, response } = await door()
      .chat.completions.create(
        { model: agent, messages: [{ role: 'user', content: 'And this time?' }] },
        { headers: { 'Idempotency-Key': 'cross-2' } },
      )
      .withResponse();
    expect(response.headers.get('x-governor-run-id')).toBe(first.run.id);
    expect(data.choices[0]!.message.content).toBe(first.output);
    expect(env.upstream.requests.length).toBe(calls);
    expect(await runs()).toBe(made);
  });
});
