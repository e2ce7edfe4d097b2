import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { signUp, unique, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const AGENT = print(
  graphql(`
    query KnownAgent($slug: String!) {
      agent(idOrSlug: $slug) {
        id
        slug
        name
      }
    }
  `),
);
/** The same operation in a text no earlier request sent (a comment differs): not known yet. */
const fresh = (document: string) => `${document}\n# ${unique()}`;
const AGENTS = print(
  graphql(`
    query KnownAgents {
      agents {
        slug
      }
    }
  `),
);
const RUN = print(
  graphql(`
    mutation KnownRun($input: RunAgentInput!) {
      runAgent(input: $input) {
        __typename
        ... on AgentRunCompleted {
          output
        }
      }
    }
  `),
);
// Two operations in one document, the request's operationName picking one (as text: the typed
// documents hold one operation each).
const PAIR = `
  query KnownFirst { agents { slug } }
  query KnownSecond($slug: String!) { agent(idOrSlug: $slug) { slug } }
`;

/**
 * A document Apollo has validated once is served straight by graphql-js on its next requests
 * (KnownOperations): the same status, headers and bytes, the same errors; and everything that is
 * not plainly such a request still goes through Apollo.
 */
describe('known GraphQL operations', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  const direct = async () => (await app.runtime.deps.metrics.graphqlDirect.get()).values[0]?.value ?? 0;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    // Every header but the two that differ on every response.
    const { date, 'x-request-id': requestId, ...others } = Object.fromEntries(res.headers);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      cache: res.headers.get('cache-control'),
      headers: { ...others, date: typeof date, requestId: typeof requestId },
      body: await res.text(),
    };
  };
  /** The first request (through Apollo) and the second (served here), and how many were served here. */
  const twice = async (body: unknown, headers: Record<string, string> = {}) => {
    const before = await direct();
    const first = await post(body, headers);
    const between = await direct();
    const second = await post(body, headers);
    return { first, second, viaApollo: between - before, served: (await direct()) - between };
  };
  const auth = () => ({ authorization: `Bearer ${t.ownerKey}` });

  it('answers a repeated query with the bytes and headers Apollo gave it', async () => {
    const { first, second, viaApollo, served } = await twice(
      { query: fresh(AGENT), variables: { slug: 'assistant' } },
      auth(),
    );
    expect([viaApollo, served]).toEqual([0, 1]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 200, type: 'application/json; charset=utf-8', cache: 'no-store' });
    expect(first.headers).toMatchObject({ date: 'string', requestId: 'string' });
    expect(JSON.parse(first.body)).toEqual({
      data: { agent: { id: t.agentId, slug: 'assistant', name: expect.any(String) } },
    });
  });

  it('answers Accept: */* as plain JSON, and leaves out documents too long to keep', async () => {
    const any = await twice({ query: fresh(AGENT), variables: { slug: 'assistant' } }, { ...auth(), accept: '*/*' });
    expect([any.viaApollo, any.served]).toEqual([0, 1]);
    expect(any.second).toEqual(any.first);
    // Comments are no tokens: a short query can be a long text.
    const long = await twice({ query: `${AGENT}\n#${'x'.repeat(20_001)}`, variables: { slug: 'assistant' } }, auth());
    expect([long.viaApollo, long.served]).toEqual([0, 0]);
    expect(long.second).toEqual(long.first);
  });

  it('formats and codes a resolver error as Apollo does', async () => {
    // No key: the field refuses, data is null, the error carries its code.
    const { first, second, served } = await twice({ query: AGENTS });
    expect(served).toBe(1);
    expect(second).toEqual(first);
    const body = JSON.parse(first.body) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    // Apollo's field order: errors before data.
    expect(first.body.indexOf('"errors"')).toBeLessThan(first.body.indexOf('"data"'));
  });

  it('runs a mutation, each call its own run', async () => {
    const before = await direct();
    const outputs = [];
    for (const message of ['What is two plus two?', 'Name a colour.']) {
      const res = await post(
        { query: RUN, variables: { input: { agent: 'assistant', message, cache: 'BYPASS' } } },
        auth(),
      );
      const body = JSON.parse(res.body) as { data: { runAgent: { __typename: string; output: string } } };
      expect(body.data.runAgent.__typename).toBe('AgentRunCompleted');
      outputs.push(body.data.runAgent.output);
    }
    expect((await direct()) - before).toBe(1);
    expect(outputs[1]).not.toBe(outputs[0]);
  });

  it('leaves to Apollo a known document sent by GET, one with extensions, and subscriptions', async () => {
    const input = { agent: 'assistant', message: 'Name a shape.', cache: 'BYPASS' };
    await post({ query: RUN, variables: { input } }, auth()); // known from here on
    const before = await direct();
    // A mutation by GET: Apollo refuses it, and nothing runs.
    const url = `${app.url}/graphql?query=${encodeURIComponent(RUN)}&variables=${encodeURIComponent(JSON.stringify({ input }))}`;
    const byGet = await fetch(url, { headers: { ...auth(), 'apollo-require-preflight': 'true' } });
    const refusal = (await byGet.json()) as { data?: unknown; errors: { message: string }[] };
    expect(refusal.data).toBeUndefined();
    expect(refusal.errors[0]!.message).toMatch(/GET requests only support query operations/);
    const withExtensions = await post({ query: AGENT, variables: { slug: 'assistant' }, extensions: {} }, auth());
    expect(withExtensions.status).toBe(200);
    const SUBSCRIPTION = fresh(
      'subscription KnownEvents($input: RunAgentInput!) { runAgentEvents(input: $input) { __typename } }',
    );
    const subscribed = await twice({ query: SUBSCRIPTION, variables: { input } }, auth());
    expect(subscribed.second.status).toBe(subscribed.first.status);
    expect(await direct()).toBe(before);
  });

  it('picks the operation the request names', async () => {
    await post({ query: PAIR, operationName: 'KnownFirst' }, auth());
    await post({ query: PAIR, operationName: 'KnownSecond', variables: { slug: 'assistant' } }, auth());
    const before = await direct();
    const first = JSON.parse((await post({ query: PAIR, operationName: 'KnownFirst' }, auth())).body) as unknown;
    const second = JSON.parse(
      (await post({ query: PAIR, operationName: 'KnownSecond', variables: { slug: 'assistant' } }, auth())).body,
    ) as unknown;
    expect((await direct()) - before).toBe(2);
    expect(first).toEqual({ data: { agents: [{ slug: 'assistant' }] } });
    expect(second).toEqual({ data: { agent: { slug: 'assistant' } } });
    // An empty name names no operation, even in a document of one.
    const unnamed = await twice({ query: AGENT, operationName: '', variables: { slug: 'assistant' } }, auth());
    expect(unnamed.served).toBe(0);
    expect(JSON.parse(unnamed.second.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('leaves to Apollo variables that do not coerce (one authentication), and other media types', async () => {
    await post({ query: AGENT, variables: { slug: 'assistant' } }, auth()); // known from here on
    // Known: the fast path serves it, and so tries the next request before it hands it to Apollo.
    const known = await direct();
    await post({ query: AGENT, variables: { slug: 'assistant' } }, auth());
    expect(await direct()).toBe(known + 1);
    const before = await direct();
    // The key is authenticated once: Apollo runs the handed-over request with the fast path's context.
    const keys = app.runtime.deps.keys;
    const original = keys.authenticate;
    let authentications = 0;
    keys.authenticate = async function (token) {
      if (token === t.ownerKey) authentications++;
      return original.call(this, token);
    };
    const uncoerced = await post({ query: AGENT, variables: { slug: 5 } }, auth()).finally(
      () => (keys.authenticate = original),
    );
    expect(authentications).toBe(1);
    const strict = { ...auth(), accept: 'application/graphql-response+json' };
    const refusedStrictly = await post({ query: AGENT, variables: { slug: 5 } }, strict);
    const answeredStrictly = await post({ query: AGENT, variables: { slug: 'assistant' } }, strict);
    expect(await direct()).toBe(before);
    expect(uncoerced).toMatchObject({ status: 200, cache: 'no-store' });
    const errors = JSON.parse(uncoerced.body) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(errors.data).toBeUndefined();
    expect(errors.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(refusedStrictly.status).toBe(400);
    expect(answeredStrictly).toMatchObject({ status: 200, type: 'application/graphql-response+json; charset=utf-8' });
  });

  it('refuses a known document whose variables the one validator refuses, before it runs', async () => {
    await post({ query: AGENT, variables: { slug: 'assistant' } }, auth()); // known from here on
    const before = await direct();
    // The JSON parser checks every string of the body, variables included, for either door.
    const refused = await post({ query: AGENT, variables: { slug: 'a\u0000b' } }, auth());
    expect(await direct()).toBe(before);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});
