import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const READ = graphql(`
  query RunAgentRead {
    agentRuns(first: 5) {
      edges {
        node {
          id
          status
          costUsd
        }
      }
    }
    budgetStatus {
      daily {
        used
      }
      tenantSpend {
        usedUsd
      }
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation RunAgentServiceKey {
    createApiKey(input: { name: "svc", kind: SERVICE }) {
      secret
    }
  }
`);
const FILTERED = graphql(`
  query RunAgentFiltered($f: AgentRunFilter) {
    agentRuns(filter: $f) {
      edges {
        node {
          status
          createdAt
        }
      }
    }
  }
`);

describe('runAgent with the sim provider', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('answers, records the run and charges it, all visible at once', async () => {
    const res = (await runAgent(app, t.ownerKey, {
      agent: 'assistant',
      message: 'What is the capital of France?',
    })) as RunOf<'AgentRunCompleted'>;
    expect(res.__typename).toBe('AgentRunCompleted');
    expect(res.output.length).toBeGreaterThan(0);
    const run = res.run;
    expect(run).toMatchObject({
      status: 'COMPLETED',
      cached: false,
      degradations: [],
      toolCalls: 0,
      agent: { slug: 'assistant' },
      user: { id: t.ownerId },
      model: { id: 'sim/sim-small', tier: 'CHEAP' },
      route: { strategy: 'HEURISTIC', complexity: 'SIMPLE', tier: 'CHEAP' },
    });
    expect(run.usage.inputTokens).toBeGreaterThan(0);
    expect(run.usage.totalTokens).toBe(run.usage.inputTokens + run.usage.outputTokens);
    // sim-small is priced like gpt-4o-mini: $0.15 in, $0.60 out per million, rounded up to the micro-dollar.
    expect(run.costUsd).toBe(Math.ceil(run.usage.inputTokens * 0.15 + run.usage.outputTokens * 0.6) / 1e6);

    const read = await ok(app, READ, {}, t.ownerKey);
    expect(read.agentRuns.edges[0]!.node).toEqual({ id: run.id, status: 'COMPLETED', costUsd: run.costUsd });
    expect(read.budgetStatus.daily.used).toBe(run.usage.totalTokens);
    expect(read.budgetStatus.tenantSpend.usedUsd).toBeCloseTo(run.costUsd, 9);
  });

  it('runs a tool and answers with its result', async () => {
    const res = (await runAgent(app, t.ownerKey, {
      agent: 'assistant',
      message: 'Compute it [[tool:calculator 6*7]]',
    })) as RunOf<'AgentRunCompleted'>;
    expect(res.__typename).toBe('AgentRunCompleted');
    expect(res.output).toContain('42');
    expect(res.run.toolCalls).toBe(1);
  });

  it('lets a service key act for a user, and refuses a user key acting for another', async () => {
    const svc = await ok(app, SERVICE_KEY, {}, t.ownerKey);
    const res = await runAgent(app, svc.createApiKey.secret, {
      agent: 'assistant',
      message: 'hello there',
      userId: t.ownerId,
    });
    expect(res.run.user).toEqual({ id: t.ownerId });
    const tenantOnly = await runAgent(app, svc.createApiKey.secret, { agent: 'assistant', message: 'hello again' });
    expect(tenantOnly.run.user).toBeNull();
  });

  it('filters runs by status, agent and time, newest first', async () => {
    await runAgent(app, t.ownerKey, { agent: 'assistant', message: 'down [[down]]' });
    const failed = await ok(app, FILTERED, { f: { status: 'FAILED' } }, t.ownerKey);
    expect(failed.agentRuns.edges.map((e) => e.node.status)).toEqual(['FAILED']);
    const all = await ok(app, FILTERED, {}, t.ownerKey);
    const times = all.agentRuns.edges.map((e) => e.node.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const none = await ok(app, FILTERED, { f: { from: new Date(Date.now() + 3_600_000).toISOString() } }, t.ownerKey);
    expect(none.agentRuns.edges).toEqual([]);
  });
});

describe('runAgent over real HTTP to an OpenAI-compatible upstream', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
  });

  it('sends the instructions as a stable system prefix and prices cached input at the cached rate', async () => {
    const slug = await openaiAgent(env.app, t, {
      routing: 'FIXED_STRONG',
      instructions: 'You are the Acme support agent.',
    });
    env.upstream.handle((req) => reply.text(req, 'Cached answer.', { prompt: 2_000, completion: 300, cached: 1_500 }));
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'Where is my order?', cache: 'BYPASS' });
    const sent = env.upstream.requests.at(-1)!;
    expect(sent.model).toBe('gpt-4o');
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'You are the Acme support agent.' });
    expect(res.run.usage).toEqual({
      inputTokens: 2_000,
      outputTokens: 300,
      cachedInputTokens: 1_500,
      totalTokens: 2_300,
    });
    // gpt-4o: 500 × $2.50 + 1,500 × $1.25 + 300 × $10 per million = $0.006125.
    expect(res.run.costUsd).toBe(0.006125);
  });

  it('runs a tool loop through the upstream', async () => {
    const slug = await openaiAgent(env.app, t, { tools: ['calculator'], routing: 'FIXED_CHEAP' });
    env.upstream.handle((req) =>
      req.messages.some((m) => m.role === 'tool')
        ? reply.text(req, 'It is 42.')
        : reply.toolCall(req, 'calculator', { expression: '6*7' }),
    );
    const res = await runAgent(env.app, t.ownerKey, {
      agent: slug,
      message: 'What is six times seven?',
      cache: 'BYPASS',
    });
    expect(res).toMatchObject({
      __typename: 'AgentRunCompleted',
      output: 'It is 42.',
      run: { toolCalls: 1, model: { id: 'openai/gpt-4o-mini' } },
    });
    const toolMessage = env.upstream.requests.at(-1)!.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage)).toContain('42');
    expect(res.run.usage.inputTokens).toBe(200);
  });
});
