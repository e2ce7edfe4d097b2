import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { addUser, gqlText, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { rowCounts } from '../helpers/row-counts.js';
import { openaiAgent, useUpstreamApp } from '../helpers/runs.js';

const REVOKE = graphql(`
  mutation HostileRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);
const DISABLE = graphql(`
  mutation HostileDisable($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
    }
  }
`);
const KEYS = graphql(`
  query HostileKeys {
    apiKeys(first: 100) {
      edges {
        node {
          id
          user {
            id
          }
        }
      }
    }
  }
`);

type Answer = { status: number; codes: string[]; messages: string[] };

/** Sends bytes as they are (headers included), and reads what comes back whatever its shape. */
function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    // A connection of its own: a refused request may leave its socket closed.
    const options = {
      host: u.hostname,
      port: u.port,
      path: u.pathname + u.search,
      method: init.method ?? 'POST',
      headers: init.headers,
      agent: false,
    };
    const req = request(options, (res) => {
      let raw = '';
      res.on('data', (c: Buffer) => (raw += c));
      res.on('end', () => {
        let codes: string[] = [];
        let messages: string[] = [];
        // JSON, or an event stream of JSON results (the stream door's).
        const bodies = res.headers['content-type']?.startsWith('text/event-stream')
          ? raw.split('\n').flatMap((l) => (l.startsWith('data: ') ? [l.slice(6)] : []))
          : [raw];
        for (const text of bodies) {
          try {
            const body = JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[] };
            codes = [...codes, ...(body.errors ?? []).map((e) => String(e.extensions?.code))];
            messages = [...messages, ...(body.errors ?? []).map((e) => String(e.message))];
          } catch {
            // not JSON: no codes
          }
        }
        resolve({ status: res.statusCode ?? 0, codes, messages });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * Hostile, malformed and unauthorized requests: each answers a 4xx or a coded GraphQL error,
 * never a 500; none reaches a model; none writes anything.
 */
describe('hostile input', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  let revoked: string;
  let disabled: string;
  let before: Record<string, number>;
  beforeAll(async () => {
    t = await signUp(env.app);
    agent = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    const gone = await addUser(env.app, t, 'MEMBER');
    const keys = await ok(env.app, KEYS, {}, t.ownerKey);
    await ok(env.app, REVOKE, { id: keys.apiKeys.edges.find((e) => e.node.user?.id === gone.id)!.node.id }, t.ownerKey);
    revoked = gone.key;
    const off = await addUser(env.app, t, 'MEMBER');
    await ok(env.app, DISABLE, { input: { id: off.id, status: 'DISABLED' } }, t.ownerKey);
    disabled = off.key;
    before = await rowCounts(env.app, t.tenantId);
  });

  const run = (message: unknown) =>
    `mutation { runAgent(input: { agent: "${agent}", message: ${JSON.stringify(message)} }) { __typename } }`;
  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const nest = (depth: number): string => (depth === 0 ? 'id' : `user { budgetStatus { ${nest(depth - 1)} } }`);

  // 40 aliases of a field inside one root field, on either GraphQL door (`__typename` aliases are not counted).
  const aliases = (field: string) => Array.from({ length: 40 }, (_, i) => `a${i}: ${field}`).join(' ');
  const aliasFlood = {
    graphql: () =>
      gqlAnswer(
        `mutation { runAgent(input: { agent: "${agent}", message: "hi" }) { ... on AgentRunCompleted { ${aliases('output')} } } }`,
      ),
    stream: () =>
      send(stream(), {
        headers: sse(auth()),
        body: JSON.stringify({
          query: `subscription { runAgentEvents(input: { agent: "${agent}", message: "hi" }) { ... on RunDelta { ${aliases('text')} } } }`,
        }),
      }),
  };

  const graphqlCases: [string, () => Promise<Answer>][] = [
    ['a document nested 16 deep', () => gqlAnswer(`{ viewer { apiKey { ${nest(8)} } } }`)],
    [
      '40 aliases of runAgent',
      () =>
        gqlAnswer(
          `mutation { ${Array.from({ length: 40 }, (_, i) => `a${i}: runAgent(input: { agent: "${agent}", message: "hi" }) { __typename }`).join(' ')} }`,
        ),
    ],
    ['40 aliases inside one runAgent', () => aliasFlood.graphql()],
    ['a directive flood', () => gqlAnswer(`{ viewer ${'@include(if: true) '.repeat(40)}{ tenant { id } } }`)],
    [
      'a fragment cycle',
      () =>
        gqlAnswer(
          'query { viewer { ...A } } fragment A on Viewer { tenant { id } ...B } fragment B on Viewer { ...A }',
        ),
    ],
    ['a document of 20,000 tokens', () => gqlAnswer(`{ ${'viewer { tenant { id } } '.repeat(4_000)} }`)],
    ['a syntax error', () => gqlAnswer(`mutation { runAgent(input: { agent: "${agent}", message: "hi" }`)],
    [
      'a variable of the wrong type',
      () =>
        gqlAnswer('mutation($m: String!) { runAgent(input: { agent: "assistant", message: $m }) { __typename } }', {
          m: 42,
        }),
    ],
    ['a NUL in a message literal', () => gqlAnswer(run('a\u0000b'))],
    ['an unpaired surrogate in a message', () => gqlAnswer(run('a\ud800b'))],
    ['no key', () => gqlAnswer(run('hello'), {}, null)],
    ['a garbage key', () => gqlAnswer(run('hello'), {}, 'gov_garbage')],
    ['a revoked key', () => gqlAnswer(run('hello'), {}, revoked)],
    ["a disabled user's key", () => gqlAnswer(run('hello'), {}, disabled)],
    [
      'a malformed Authorization header',
      () => send(`${env.app.url}/graphql`, json({ query: run('hello') }, { authorization: 'Basic abc' })),
    ],
  ];
  async function gqlAnswer(
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = t.ownerKey,
  ): Promise<Answer> {
    const res = await gqlText(env.app, query, variables, key ?? undefined);
    const errors = res.errors ?? [];
    return {
      status: res.status,
      codes: errors.map((e) => String(e.extensions?.code)),
      messages: errors.map((e) => e.message),
    };
  }

  const httpCases: [string, () => Promise<Answer>][] = [
    [
      'a body of 3 MiB',
      () => send(`${env.app.url}/graphql`, json({ query: run('x'.repeat(3 * 1024 * 1024)) }, auth())),
    ],
    [
      'a header of 64 KiB',
      () =>
        send(`${env.app.url}/graphql`, json({ query: run('hello') }, { ...auth(), 'x-filler': 'x'.repeat(64 * 1024) })),
    ],
    [
      'a text/plain body',
      () =>
        send(`${env.app.url}/graphql`, {
          headers: { 'content-type': 'text/plain', ...auth() },
          body: JSON.stringify({ query: run('hello') }),
        }),
    ],
    [
      'an XML body',
      () => send(`${env.app.url}/graphql`, { headers: { 'content-type': 'application/xml', ...auth() }, body: '<q/>' }),
    ],
    [
      'a body labelled gzip but sent plain',
      () => send(`${env.app.url}/graphql`, json({ query: run('hello') }, { ...auth(), 'content-encoding': 'gzip' })),
    ],
    [
      'a real gzip body',
      () =>
        send(`${env.app.url}/graphql`, {
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...auth() },
          body: gzipSync(JSON.stringify({ query: run('hello') })),
        }),
    ],
    [
      'a body that is not UTF-8',
      () =>
        send(`${env.app.url}/graphql`, {
          headers: { 'content-type': 'application/json', ...auth() },
          body: Buffer.concat([
            Buffer.from(`{"query":${JSON.stringify(run('hi'))},"x":"`),
            Buffer.from([0xc3, 0x28]),
            Buffer.from('"}'),
          ]),
        }),
    ],
    ['malformed JSON', () => send(`${env.app.url}/graphql`, json('{"query": "mutation {', auth()))],
    [
      'a batch of operations',
      () => send(`${env.app.url}/graphql`, json([{ query: run('one') }, { query: run('two') }], auth())),
    ],
    [
      'a GET mutation',
      () =>
        send(`${env.app.url}/graphql?query=${encodeURIComponent(run('hello'))}`, {
          method: 'GET',
          headers: { ...auth(), 'apollo-require-preflight': '1' },
        }),
    ],
  ];
  const auth = () => ({ authorization: `Bearer ${t.ownerKey}` });
  const door = () => `${env.app.url}/v1/chat/completions`;
  const chat = (content: unknown) => JSON.stringify({ model: agent, messages: [{ role: 'user', content }] });
  const doorCases: [string, () => Promise<Answer>][] = [
    ['the OpenAI door without a key', () => send(door(), json(chat('hello')))],
    [
      'the OpenAI door with a garbage key',
      () => send(door(), json(chat('hello'), { authorization: 'Bearer gov_garbage' })),
    ],
    [
      "the OpenAI door with a disabled user's key",
      () => send(door(), json(chat('hello'), { authorization: `Bearer ${disabled}` })),
    ],
    ['the OpenAI door with malformed JSON', () => send(door(), json('{"model":', auth()))],
    ['the OpenAI door with a NUL in a message', () => send(door(), json(chat('a\u0000b'), auth()))],
    ['the OpenAI door with a wrong type', () => send(door(), json(chat(42), auth()))],
    ['the OpenAI door with a body of 3 MiB', () => send(door(), json(chat('x'.repeat(3 * 1024 * 1024)), auth()))],
    [
      'the OpenAI door with a gzip body',
      () =>
        send(door(), {
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...auth() },
          body: gzipSync(chat('hello')),
        }),
    ],
    [
      'the OpenAI door with a body that is not UTF-8',
      () =>
        send(door(), {
          headers: { 'content-type': 'application/json', ...auth() },
          body: Buffer.concat([
            Buffer.from(`{"model":"${agent}","messages":[{"role":"user","content":"`),
            Buffer.from([0xff]),
            Buffer.from('"}]}'),
          ]),
        }),
    ],
    [
      'the OpenAI door with JSON nested 10,000 deep',
      () => send(door(), json(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, auth())),
    ],
  ];

  const stream = () => `${env.app.url}/graphql/stream`;
  const subscribe = (message: unknown) =>
    JSON.stringify({
      query: `subscription { runAgentEvents(input: { agent: "${agent}", message: ${JSON.stringify(message)} }) { __typename } }`,
    });
  const sse = (headers: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    accept: 'text/event-stream',
    ...headers,
  });
  const streamCases: [string, () => Promise<Answer>][] = [
    ['the stream door without a key', () => send(stream(), { headers: sse(), body: subscribe('hello') })],
    [
      'the stream door with a garbage key',
      () => send(stream(), { headers: sse({ authorization: 'Bearer gov_garbage' }), body: subscribe('hello') }),
    ],
    [
      // Beside a good Authorization header: only a door that refuses keys in URLs refuses this.
      'the stream door with the key in the URL, and a valid Authorization header',
      () => send(`${stream()}?token=${t.ownerKey}`, { headers: sse(auth()), body: subscribe('hello') }),
    ],
    ['the stream door with 40 aliases inside one subscription', () => aliasFlood.stream()],
    [
      'the stream door with a NUL in a message',
      () => send(stream(), { headers: sse(auth()), body: subscribe('a\u0000b') }),
    ],
    [
      'the stream door with malformed JSON',
      () => send(stream(), { headers: sse(auth()), body: '{"query": "subscription {' }),
    ],
    [
      'the stream door with a body of 3 MiB',
      () => send(stream(), { headers: sse(auth()), body: subscribe('x'.repeat(3 * 1024 * 1024)) }),
    ],
    [
      'the stream door with a gzip body',
      () =>
        send(stream(), { headers: sse({ ...auth(), 'content-encoding': 'gzip' }), body: gzipSync(subscribe('hello')) }),
    ],
    [
      'the stream door with a mutation',
      () => send(stream(), { headers: sse(auth()), body: JSON.stringify({ query: run('hello') }) }),
    ],
    [
      'the stream door by GET',
      () =>
        send(
          `${stream()}?query=${encodeURIComponent('subscription { runAgentEvents(input: { agent: "x", message: "y" }) { __typename } }')}`,
          { method: 'GET', headers: auth() },
        ),
    ],
  ];

  it.each([...graphqlCases, ...httpCases, ...doorCases, ...streamCases])(
    '%s: a 4xx or a coded error, no model called',
    async (_, attempt) => {
      const calls = env.upstream.requests.length;
      const answer = await attempt();
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
      if (answer.status < 400) expect(answer.codes.length).toBeGreaterThan(0);
      expect(answer.codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect(env.upstream.requests.length).toBe(calls);
    },
  );

  it('an alias flood inside one root field: the stream door refuses it by the limit /graphql uses', async () => {
    const plain = await aliasFlood.graphql();
    const streamed = await aliasFlood.stream();
    expect(plain.messages).toEqual([expect.stringMatching(/Aliases limit of 30 exceeded, found 40/)]);
    expect(streamed).toEqual({ ...plain, status: 400 });
    expect(streamed.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('a key in the URL is refused even beside a valid Authorization header', async () => {
    const calls = env.upstream.requests.length;
    const answer = await send(`${stream()}?token=${t.ownerKey}`, { headers: sse(auth()), body: subscribe('hello') });
    expect(answer.status).toBe(400);
    expect(answer.messages).toEqual([expect.stringMatching(/Tokens in URLs .* are not accepted/)]);
    expect(env.upstream.requests.length).toBe(calls);
  });

  it('wrote nothing', async () => {
    expect(await rowCounts(env.app, t.tenantId)).toEqual(before);
  });
});
