import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { addUser, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { governorClient } from '../helpers/openai-client.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, useUpstreamApp, usePlan } from '../helpers/runs.js';

const RUNS = graphql(`
  query DoorRuns($agent: ID) {
    agentRuns(first: 20, filter: { agentId: $agent }) {
      edges {
        node {
          id
          status
          cached
          user {
            id
          }
          model {
            id
          }
          usage {
            inputTokens
            outputTokens
          }
        }
      }
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation DoorServiceKey {
    createApiKey(input: { name: "backend", kind: SERVICE }) {
      secret
    }
  }
`);

/** Agent code speaking OpenAI's Chat Completions runs through Governor by changing a base URL. */
describe('the OpenAI-compatible door', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
    env.upstream.handle((req) =>
      reply.text(req, `answer from ${req.model}`, { prompt: 80, completion: 12, cached: 16 }),
    );
  });

  it("answers a chat completion in OpenAI's shape, with Governor's facts in headers", async () => {
    const client = governorClient(env.app, t.ownerKey);
    const { data, response } = await client.chat.completions
      .create({ model: agent, messages: [{ role: 'user', content: 'What is a budget?' }], temperature: 0.2 })
      .withResponse();
    expect(data).toMatchObject({
      object: 'chat.completion',
      model: agent,
      choices: [
        { index: 0, message: { role: 'assistant', content: 'answer from gpt-4o-mini' }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: 80,
        completion_tokens: 12,
        total_tokens: 92,
        prompt_tokens_details: { cached_tokens: 16 },
      },
    });
    expect(response.headers.get('x-governor-run-id')).toMatch(/^run_/);
    expect(response.headers.get('x-governor-route')).toBe('CHEAP; SIMPLE');
    expect(response.headers.get('x-governor-model')).toBe('openai/gpt-4o-mini');
    expect(response.headers.get('x-governor-degradations')).toBe('none');
    expect(Number(response.headers.get('x-governor-cost-usd'))).toBeGreaterThan(0);
    // The agent's instructions came first, then the caller's messages.
    const sent = env.upstream.requests.at(-1)!;
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent.messages[0]!.content).toBe('You are terse.');
  });

  it('answers the same request from the cache, at no cost', async () => {
    const client = governorClient(env.app, t.ownerKey);
    const ask = { model: agent, messages: [{ role: 'user' as const, content: 'Cache this, please.' }] };
    await client.chat.completions.create(ask);
    const before = env.upstream.requests.length;
    const { data, response } = await client.chat.completions.create(ask).withResponse();
    expect(env.upstream.requests.length).toBe(before);
    expect(data.choices[0]!.message.content).toBe('answer from gpt-4o-mini');
    expect(response.headers.get('x-governor-model')).toBe('cache');
    expect(response.headers.get('x-governor-cost-usd')).toBe('0');
  });

  it('lets the caller pin a tier and the cache mode with headers', async () => {
    const client = governorClient(env.app, t.ownerKey, {
      defaultHeaders: { 'X-Governor-Routing': 'STRONG', 'X-Governor-Cache': 'BYPASS' },
    });
    const { response } = await client.chat.completions
      .create({ model: agent, messages: [{ role: 'user', content: 'Think hard.' }] })
      .withResponse();
    expect(env.upstream.requests.at(-1)!.model).toBe('gpt-4o');
    // The pinned tier, and what the score says of the request (a pin does not change the score).
    expect(response.headers.get('x-governor-route')).toBe('STRONG; SIMPLE');
  });

  it('reports an admission-time degradation in its header', async () => {
    const member = await addUser(env.app, t, 'MEMBER');
    await ok(
      env.app,
      graphql(`
        mutation DoorSetBudget($input: SetUserBudgetInput!) {
          setUserBudget(input: $input) {
            id
          }
        }
      `),
      {
        input: { userId: member.id, dailyTokenLimit: 600 },
      },
      t.ownerKey,
    );
    const client = governorClient(env.app, member.key);
    const { response } = await client.chat.completions
      .create({ model: agent, messages: [{ role: 'user', content: 'Write a long story.' }] })
      .withResponse();
    expect(response.headers.get('x-governor-degradations')).toBe('SHORTER_RESPONSE');
  });

  it("lists the caller's agents as models", async () => {
    const models = await governorClient(env.app, t.ownerKey).models.list();
    expect(models.data.map((m) => m.id).sort()).toEqual(['assistant', agent].sort());
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'governor' });
  });

  it("records a user key's `user` as a label, and lets a service key act for the user it names", async () => {
    const member = await addUser(env.app, t, 'MEMBER');
    const slug = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    await governorClient(env.app, member.key).chat.completions.create({
      model: slug,
      user: t.ownerId,
      messages: [{ role: 'user', content: 'Who pays?' }],
    });
    const service = (await ok(env.app, SERVICE_KEY, {}, t.ownerKey)).createApiKey.secret;
    await governorClient(env.app, service).chat.completions.create({
      model: slug,
      user: member.id,
      messages: [{ role: 'user', content: 'For the member.' }],
    });
    const runs = (await ok(env.app, RUNS, { agent: slug }, t.ownerKey)).agentRuns.edges.map((e) => e.node);
    // Both runs are the member's: a label never changes who is charged.
    expect(runs.map((r) => r.user?.id)).toEqual([member.id, member.id]);
  });
});
