import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { addUser, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { eventually } from '../helpers/eventually.js';
import { governorClient, refusal } from '../helpers/openai-client.js';
import { reply, startUpstream, type Upstream } from '../helpers/openai-server.js';
import { rowCounts } from '../helpers/row-counts.js';
import { openaiAgent, useUpstreamApp, usePlan } from '../helpers/runs.js';

const SET_BUDGET = graphql(`
  mutation DoorErrorBudget($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);
const RUNS = graphql(`
  query DoorErrorRuns($user: ID) {
    agentRuns(first: 50, filter: { userId: $user }) {
      edges {
        node {
          status
        }
      }
    }
    budgetStatus {
      daily {
        reserved
      }
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation DoorErrorServiceKey {
    createApiKey(input: { name: "backend", kind: SERVICE }) {
      secret
    }
  }
`);
const DISABLE = graphql(`
  mutation DoorErrorDisable($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
    }
  }
`);

/** Raw bytes to the door, for what no client library would send. */
function post(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers, agent: false },
      (res) => {
        let raw = '';
        res.on('data', (c: Buffer) => (raw += c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: raw ? JSON.parse(raw) : undefined, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** OpenAI's error objects, statuses and retry hints: a refusal a retry cannot fix reaches the client once. */
describe('the OpenAI-compatible door refuses', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  beforeAll(async () => {
    t = await signUp(env.app);
    agent = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'fine', { prompt: 50, completion: 5 }));
  });

  it('a budget refusal with 429 budget_exceeded, its window, and x-should-retry: false (one run, not three)', async () => {
    const member = await addUser(env.app, t, 'MEMBER');
    await ok(env.app, SET_BUDGET, { input: { userId: member.id, dailyTokenLimit: 0 } }, t.ownerKey);
    const err = await refusal(
      governorClient(env.app, member.key).chat.completions.create({
        model: agent,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    expect(err.status).toBe(429);
    expect(err.headers?.get('x-should-retry')).toBe('false');
    expect(err.error).toMatchObject({
      type: 'insufficient_quota',
      code: 'budget_exceeded',
      window: 'USER_DAILY',
      limit: 0,
    });
    expect((err.error as { upgrade_options: unknown[] }).upgrade_options.length).toBeGreaterThan(0);
    const runs = await ok(env.app, RUNS, { user: member.id }, t.ownerKey);
    expect(runs.agentRuns.edges.map((e) => e.node.status)).toEqual(['BUDGET_EXCEEDED']);
  });

  it('a request over the run limit with 429 run_limit_exceeded and its kind', async () => {
    const small = await signUp(env.app);
    await usePlan(env.app, small.tenantId, 'free', { maxTokensPerRun: 200 });
    const err = await refusal(
      governorClient(env.app, small.ownerKey).chat.completions.create({
        model: 'assistant',
        messages: [{ role: 'user', content: 'word '.repeat(400) }],
      }),
    );
    expect(err.status).toBe(429);
    expect(err.error).toMatchObject({ code: 'run_limit_exceeded', kind: 'TOKENS' });
    expect(err.headers?.get('x-should-retry')).toBe('false');
  });

  it('a bad key with 401, an unknown or foreign agent and an unknown path with 404', async () => {
    const other = await signUp(env.app);
    const bad = await refusal(
      governorClient(env.app, 'gov_nope').chat.completions.create({
        model: agent,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    expect([bad.status, (bad.error as { code: string }).code, bad.headers?.get('x-should-retry')]).toEqual([
      401,
      'invalid_api_key',
      'false',
    ]);
    const foreign = await refusal(
      governorClient(env.app, other.ownerKey).chat.completions.create({
        model: agent,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    expect([foreign.status, (foreign.error as { code: string }).code]).toEqual([404, 'not_found']);
    const embeddings = await refusal(
      governorClient(env.app, t.ownerKey).embeddings.create({ model: agent, input: 'x' }),
    );
    expect(embeddings.status).toBe(404);
    expect(embeddings.message).toContain('does not serve embeddings');
    const responses = await fetch(`${env.app.url}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    expect(responses.status).toBe(404);
    expect(JSON.stringify(await responses.json())).toContain('/v1/chat/completions');
  });

  it("a service key's unknown or disabled user with 404, never a run as nobody", async () => {
    const service = (await ok(env.app, SERVICE_KEY, {}, t.ownerKey)).createApiKey.secret;
    const client = governorClient(env.app, service);
    const unknown = await refusal(
      client.chat.completions.create({
        model: agent,
        user: 'usr_00000000000000000000000000',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    expect(unknown.status).toBe(404);
    const member = await addUser(env.app, t, 'MEMBER');
    await ok(env.app, DISABLE, { input: { id: member.id, status: 'DISABLED' } }, t.ownerKey);
    const disabled = await refusal(
      client.chat.completions.create({ model: agent, user: member.id, messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect(disabled.status).toBe(404);
  });

  describe('bad input through the one validator, charging nothing', () => {
    let before: Record<string, number>;
    beforeAll(async () => {
      before = await rowCounts(env.app);
    });
    const url = () => `${env.app.url}/v1/chat/completions`;
    const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${t.ownerKey}` });
    const hi = [{ role: 'user', content: 'Hi' }];
    const cases: [string, () => Promise<{ status: number; body: any }>][] = [
      ['malformed JSON', () => post(url(), '{"model": "x", "messages": [', auth())],
      ['no messages', () => post(url(), JSON.stringify({ model: agent, messages: [] }), auth())],
      [
        'a 10,000-message history',
        () =>
          post(
            url(),
            JSON.stringify({
              model: agent,
              messages: Array.from({ length: 10_000 }, (_, i) => ({
                role: i % 2 ? 'assistant' : 'user',
                content: `m${i}`,
              })),
            }),
            auth(),
          ),
      ],
      [
        'roles out of order (a tool result first)',
        () =>
          post(
            url(),
            JSON.stringify({
              model: agent,
              messages: [{ role: 'tool', tool_call_id: 'call_1', content: '42' }, ...hi],
            }),
            auth(),
          ),
      ],
      [
        'a tool call left unanswered',
        () =>
          post(
            url(),
            JSON.stringify({
              model: agent,
              messages: [
                ...hi,
                {
                  role: 'assistant',
                  content: null,
                  tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
                },
                ...hi,
              ],
            }),
            auth(),
          ),
      ],
      ['n = 2', () => post(url(), JSON.stringify({ model: agent, messages: hi, n: 2 }), auth())],
      [
        'an image part',
        () =>
          post(
            url(),
            JSON.stringify({
              model: agent,
              messages: [
                { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/x.png' } }] },
              ],
            }),
            auth(),
          ),
      ],
      [
        'a NUL in a message',
        () => post(url(), JSON.stringify({ model: agent, messages: [{ role: 'user', content: 'a\u0000b' }] }), auth()),
      ],
      [
        'a body that is not UTF-8',
        () =>
          post(
            url(),
            Buffer.concat([
              Buffer.from(`{"model":"${agent}","messages":[{"role":"user","content":"`),
              Buffer.from([0xc3, 0x28]),
              Buffer.from('"}]}'),
            ]),
            auth(),
          ),
      ],
      [
        'a bad X-Governor-Routing',
        () =>
          post(url(), JSON.stringify({ model: agent, messages: hi }), { ...auth(), 'x-governor-routing': 'FASTEST' }),
      ],
      [
        'a bad X-Governor-Run-Id',
        () => post(url(), JSON.stringify({ model: agent, messages: hi }), { ...auth(), 'x-governor-run-id': 'no' }),
      ],
      [
        'a body of 3 MiB (413)',
        () =>
          post(
            url(),
            JSON.stringify({ model: agent, messages: [{ role: 'user', content: 'x'.repeat(3 * 1024 * 1024) }] }),
            auth(),
          ),
      ],
      [
        'a gzip body (415)',
        () =>
          post(url(), gzipSync(JSON.stringify({ model: agent, messages: hi })), {
            ...auth(),
            'content-encoding': 'gzip',
          }),
      ],
    ];
    it.each(cases)("%s: a 4xx in OpenAI's shape", async (_, send) => {
      const calls = env.upstream.requests.length;
      const res = await send();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error' });
      expect(typeof res.body.error.message).toBe('string');
      expect(env.upstream.requests.length).toBe(calls);
    });
    it('wrote nothing', async () => {
      expect(await rowCounts(env.app)).toEqual(before);
    });
    it('ignores the fields OpenAI takes and Governor does not use', async () => {
      const res = await post(
        url(),
        JSON.stringify({
          model: agent,
          messages: hi,
          temperature: 0.1,
          top_p: 0.9,
          seed: 7,
          logit_bias: {},
          response_format: { type: 'text' },
          metadata: { a: 'b' },
        }),
        auth(),
      );
      expect(res.status).toBe(200);
      expect(res.body.choices[0].message.content).toBe('fine');
    });
  });
});

describe('the door under pressure', () => {
  let upstream: Upstream;
  let app: TestApp;
  let t: Tenant;
  let agent: string;
  beforeAll(async () => {
    upstream = await startUpstream();
    const database = (await sharedApp()).runtime.database;
    app = await startApp({
      env: {
        OPENAI_BASE_URL: upstream.url,
        OPENAI_API_KEY: 'k',
        RATE_LIMIT_PER_MINUTE: '2',
        IDEMPOTENCY_WAIT_MS: '0',
        PROVIDER_RETRIES: '0',
      },
      database,
    });
    t = await signUp(app);
    agent = await openaiAgent(app, t, { cacheTtlSeconds: 0 });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it('answers a provider outage with 503 provider_unavailable and Retry-After; an in-flight idempotent call with 409; a rate limit with 429 and Retry-After', async () => {
    const client = governorClient(app, t.ownerKey, { maxRetries: 0 });
    upstream.handle(() => reply.error(503));
    const down = await refusal(
      client.chat.completions.create({ model: agent, messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect([down.status, (down.error as { code: string }).code]).toEqual([503, 'provider_unavailable']);
    expect(Number(down.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(down.headers?.get('x-should-retry')).toBeNull();

    upstream.handle((req) => ({ ...reply.text(req, 'slow'), delayMs: 1_000 }));
    const first = client.chat.completions.create(
      { model: agent, messages: [{ role: 'user', content: 'Slow' }] },
      { headers: { 'Idempotency-Key': 'door-1' } },
    );
    await eventually(
      async () => (await ok(app, RUNS, {}, t.ownerKey)).budgetStatus.daily.reserved > 0,
      'the first call to be admitted',
    );
    const busy = await refusal(
      client.chat.completions.create(
        { model: agent, messages: [{ role: 'user', content: 'Slow' }] },
        { headers: { 'Idempotency-Key': 'door-1' } },
      ),
    );
    expect([busy.status, (busy.error as { code: string }).code, busy.headers?.get('retry-after')]).toEqual([
      409,
      'idempotency_in_flight',
      '1',
    ]);
    await first;

    // Three calls this minute (the outage, the slow one, its retry); the limit is 2.
    const limited = await refusal(
      client.chat.completions.create({ model: agent, messages: [{ role: 'user', content: 'Again' }] }),
    );
    expect([limited.status, (limited.error as { code: string }).code]).toEqual([429, 'rate_limited']);
    expect(Number(limited.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers?.get('x-should-retry')).toBeNull();
  });
});
