import { print } from 'graphql';
import { createClient } from 'graphql-sse';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import type { RunAgentStreamSubscription } from '../__generated__/graphql.js';
import { countTokens } from '../../src/providers/tokens.js';
import { eventually } from '../helpers/eventually.js';
import { gqlStream, gqlStreamText, gqlText, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { pausedStream } from '../helpers/openai-server.js';
import { openaiAgent, usePlan, useUpstreamApp } from '../helpers/runs.js';

const STREAM = graphql(`
  subscription RunAgentStream($input: RunAgentInput!) {
    runAgentEvents(input: $input) {
      __typename
      ... on RunDelta {
        text
      }
      ... on RunToolCall {
        name
        arguments
      }
      ... on RunFinished {
        result {
          __typename
          ... on AgentRunCompleted {
            output
            run {
              id
              status
              toolCalls
              usage {
                inputTokens
                outputTokens
              }
            }
          }
          ... on BudgetExceeded {
            code
            window
          }
        }
      }
    }
  }
`);
const STATUS = graphql(`
  query GraphqlStreamStatus($agent: ID) {
    budgetStatus {
      daily {
        used
        reserved
      }
    }
    agentRuns(first: 1, filter: { agentId: $agent }) {
      edges {
        node {
          id
          status
          usage {
            outputTokens
          }
        }
      }
    }
  }
`);

type StreamEvent = RunAgentStreamSubscription['runAgentEvents'];

/** runAgentEvents over GraphQL over SSE, with graphql-sse's own client as the README shows it. */
describe('the runAgentEvents subscription', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
  });
  const client = (key = t.ownerKey) =>
    createClient({
      url: `${env.app.url}/graphql/stream`,
      headers: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
    });
  const status = () => ok(env.app, STATUS, { agent }, t.ownerKey);

  it('streams deltas as the model writes them, then the result; charged what the upstream reported', async () => {
    const wait = pausedStream(env.upstream, {
      pieces: ['Streams ', 'over ', 'GraphQL.'],
      usage: { prompt: 40, completion: 6 },
      pauseAfter: 2,
    });
    const before = await status();
    const events: StreamEvent[] = [];
    for await (const result of client().iterate<RunAgentStreamSubscription>({
      query: print(STREAM),
      variables: { input: { agent, message: 'Stream to me.', cache: 'BYPASS' } },
    })) {
      expect(result.errors).toBeUndefined();
      events.push(result.data!.runAgentEvents);
      // Two deltas arrived while the upstream still waits: nothing waited for the end.
      if (events.length === 2) wait.open();
    }
    expect(events.map((e) => e.__typename)).toEqual(['RunDelta', 'RunDelta', 'RunDelta', 'RunFinished']);
    expect(events.map((e) => (e.__typename === 'RunDelta' ? e.text : '')).join('')).toBe('Streams over GraphQL.');
    const finished = events.at(-1)!;
    if (finished.__typename !== 'RunFinished' || finished.result.__typename !== 'AgentRunCompleted')
      throw new Error('not completed');
    expect(finished.result.output).toBe('Streams over GraphQL.');
    expect(finished.result.run.usage).toEqual({ inputTokens: 40, outputTokens: 6 });
    expect((await status()).budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(46);
  });

  it('a budget refusal arrives as the result union, not as an error', async () => {
    const poor = await signUp(env.app);
    await usePlan(env.app, poor.tenantId, 'growth', { userDailyTokenLimit: 5 });
    const res = await gqlStream(
      env.app,
      STREAM,
      { input: { agent: 'assistant', message: 'Too much for my plan.' } },
      poor.ownerKey,
    );
    expect(res.status).toBe(200);
    expect(res.completed).toBe(true);
    expect(res.results).toHaveLength(1);
    expect(res.results[0]!.data!.runAgentEvents).toMatchObject({
      __typename: 'RunFinished',
      result: { __typename: 'BudgetExceeded', code: 'BUDGET_EXCEEDED', window: 'USER_DAILY' },
    });
  });

  it('a subscriber that leaves stops the run: the upstream sees the hang-up, what was generated is charged, nothing stays held', async () => {
    const wait = pausedStream(env.upstream, {
      pieces: ['Begun ', 'then ', 'left'],
      usage: { prompt: 30, completion: 30 },
      pauseAfter: 1,
    });
    const abandoned = env.upstream.abandoned;
    for await (const result of client().iterate<RunAgentStreamSubscription>({
      query: print(STREAM),
      variables: { input: { agent, message: 'I will leave early.', cache: 'BYPASS' } },
    })) {
      expect(result.data?.runAgentEvents).toEqual({ __typename: 'RunDelta', text: 'Begun ' });
      break;
    }
    await eventually(async () => env.upstream.abandoned > abandoned, 'the upstream to see the hang-up');
    wait.open();
    await eventually(
      async () => (await status()).agentRuns.edges[0]?.node.status === 'CANCELED',
      'the run to be recorded',
    );
    const after = await status();
    expect(after.agentRuns.edges[0]!.node.usage.outputTokens).toBe(countTokens('Begun '));
    expect(after.budgetStatus.daily.reserved).toBe(0);
  });

  it("a tool the run calls arrives as RunToolCall before the text and the result (the sim model's calculator)", async () => {
    const events: StreamEvent[] = [];
    for await (const result of client().iterate<RunAgentStreamSubscription>({
      query: print(STREAM),
      // `assistant` runs on the sim models with the calculator: sim calls it once, then answers with its result.
      variables: { input: { agent: 'assistant', message: 'Compute it [[tool:calculator 6*7]]', cache: 'BYPASS' } },
    })) {
      expect(result.errors).toBeUndefined();
      events.push(result.data!.runAgentEvents);
    }
    const kinds = events.map((e) => e.__typename);
    expect(kinds[0]).toBe('RunToolCall');
    expect(events[0]).toMatchObject({ __typename: 'RunToolCall', name: 'calculator' });
    expect(JSON.stringify(JSON.parse((events[0] as { arguments: string }).arguments))).toContain('6*7');
    expect(kinds.filter((k) => k === 'RunToolCall')).toHaveLength(1);
    // The tool call, then the answer written after it, then the outcome, last and once.
    expect(kinds.slice(1, -1).every((k) => k === 'RunDelta')).toBe(true);
    expect(kinds.slice(1, -1).length).toBeGreaterThan(0);
    expect(kinds.at(-1)).toBe('RunFinished');
    const finished = events.at(-1)!;
    if (finished.__typename !== 'RunFinished' || finished.result.__typename !== 'AgentRunCompleted')
      throw new Error(`not completed: ${JSON.stringify(finished)}`);
    const text = events.map((e) => (e.__typename === 'RunDelta' ? e.text : '')).join('');
    expect(finished.result.output).toBe(text);
    // The answer carries the tool's result: Governor ran the calculator on the model's arguments.
    expect(finished.result.output).toMatch(/^Tool result: \{.*"result":42\b.*\}\. /);
    expect(finished.result.run).toMatchObject({ status: 'COMPLETED', toolCalls: 1 });
  });

  it('an agent the caller cannot see ends the stream with NOT_FOUND', async () => {
    const res = await gqlStream(env.app, STREAM, { input: { agent: 'no-such-agent', message: 'Hello?' } }, t.ownerKey);
    expect(res.completed).toBe(true);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

/** The stream door's guards: the same as /graphql's, and a key never in a URL. */
describe('/graphql/stream refuses', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  beforeAll(async () => {
    t = await signUp(env.app);
  });
  const doc = print(STREAM);
  const variables = { input: { agent: 'assistant', message: 'Hi' } };
  const codes = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.map((e) => e.extensions?.code);

  it('a request without a key: UNAUTHENTICATED', async () => {
    const res = await gqlStreamText(env.app, doc, variables);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it("a token in the URL or in the protocol's token header, even beside a good key", async () => {
    for (const options of [
      { path: `/graphql/stream?token=${t.ownerKey}` },
      { headers: { 'x-graphql-event-stream-token': t.ownerKey } },
    ]) {
      const res = await gqlStreamText(env.app, doc, variables, { key: t.ownerKey, ...options });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    }
  });

  it('queries and mutations, which belong to /graphql', async () => {
    for (const text of ['query { viewer { tenant { id } } }', 'mutation { revokeApiKey(id: "key_x") { id } }']) {
      const res = await gqlStreamText(env.app, text, {}, { key: t.ownerKey });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toMatch(/send .* to \/graphql/);
    }
  });

  it('a document over the limits of /graphql: 40 aliases in one subscription, refused by the same alias limit', async () => {
    // Aliases of a real field (the limit lets `__typename` aliases through), all inside one root field.
    const aliases = (field: string) => Array.from({ length: 40 }, (_, i) => `a${i}: ${field}`).join(' ');
    const input = '{ agent: "assistant", message: "x" }';
    const res = await gqlStreamText(
      env.app,
      `subscription { runAgentEvents(input: ${input}) { ... on RunDelta { ${aliases('text')} } } }`,
      {},
      { key: t.ownerKey },
    );
    // The same flood on /graphql, inside one runAgent: the limit's own words.
    const same = await gqlText(
      env.app,
      `mutation { runAgent(input: ${input}) { ... on AgentRunCompleted { ${aliases('output')} } } }`,
      {},
      t.ownerKey,
    );
    expect(same.errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/Aliases limit of 30 exceeded, found 40/),
    ]);
    expect(res.status).toBe(400);
    expect(res.results).toEqual([]);
    expect(res.errors?.map((e) => e.message)).toEqual(same.errors?.map((e) => e.message));
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('an unknown field: the error names it, and never suggests the right one', async () => {
    for (const [text, field] of [
      ['subscription { runAgentEvent(input: { agent: "assistant", message: "x" }) { __typename } }', 'runAgentEvent'],
      [
        'subscription { runAgentEvents(input: { agent: "assistant", message: "x" }) { ... on RunDelta { txt } } }',
        'txt',
      ],
    ] as const) {
      const res = await gqlStreamText(env.app, text, {}, { key: t.ownerKey });
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      const message = res.errors![0]!.message;
      expect(message).toContain(`Cannot query field "${field}"`);
      expect(message).toContain('[Suggestion hidden]');
      expect(message).not.toMatch(/did you mean/i);
      expect(message).not.toMatch(/"runAgentEvents"|"text"/);
      expect(message).not.toContain('[Suggestion hidden]?');
    }
    // The other forms of suggestion: an inline fragment on a union, and an enum value; on both doors.
    for (const text of [
      'subscription { runAgentEvents(input: { agent: "assistant", message: "x" }) { text } }',
      'subscription { runAgentEvents(input: { agent: "assistant", message: "x", cache: BYPAS }) { __typename } }',
    ]) {
      const streamed = await gqlStreamText(env.app, text, {}, { key: t.ownerKey });
      const plain = await gqlText(env.app, text, {}, t.ownerKey);
      for (const res of [streamed, plain]) {
        const message = res.errors![0]!.message;
        expect(message).not.toMatch(/did you mean|"RunDelta"|"BYPASS"/i);
      }
    }
  });

  it('another method than POST (405), and a client that does not accept an event stream (406)', async () => {
    const get = await fetch(`${env.app.url}/graphql/stream?query=${encodeURIComponent(doc)}`, {
      headers: { authorization: `Bearer ${t.ownerKey}` },
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const json = await fetch(`${env.app.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${t.ownerKey}`,
      },
      body: JSON.stringify({ query: doc, variables }),
    });
    expect(json.status).toBe(406);
  });

  it('variables the shared validator refuses (a NUL in a message)', async () => {
    const res = await gqlStreamText(
      env.app,
      doc,
      { input: { agent: 'assistant', message: 'bad\u0000byte' } },
      { key: t.ownerKey },
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
