import { Agent, OpenAIChatCompletionsModel, run, setTracingDisabled, tool } from '@openai/agents';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LedgerEntry } from '../../src/ledger/index.js';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { governorClient } from '../helpers/openai-client.js';
import { reply, type ChatRequest } from '../helpers/openai-server.js';
import { openaiAgent, useUpstreamApp } from '../helpers/runs.js';

setTracingDisabled(true);

const RUNS = graphql(`
  query ClientToolRuns($agent: ID) {
    agentRuns(first: 20, filter: { agentId: $agent }) {
      edges {
        node {
          id
          status
          toolCalls
          usage {
            totalTokens
          }
          calls {
            id
            status
            toolCalls
            usage {
              totalTokens
            }
          }
        }
      }
    }
  }
`);

/** The SDK's model over a client (the SDK names openai's CommonJS types; the client is the same). */
const chatModel = (client: OpenAI, slug: string) =>
  new OpenAIChatCompletionsModel(
    client as unknown as ConstructorParameters<typeof OpenAIChatCompletionsModel>[0],
    slug,
  );

const toolCalls = (req: ChatRequest) => req.messages.filter((m) => m.role === 'tool').length;

/** The test's tool: the caller runs it, as the Agents SDK does; Governor never does. */
const weather = tool({
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => `Sunny in ${city}`,
});

/**
 * Runs that span a client-side tool loop are one run for the breakers and the record: the
 * Agents SDK (chat-completions mode) runs its own tools through Governor.
 */
describe('client-side tools through the Agents SDK', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  const written: LedgerEntry[] = [];
  beforeAll(async () => {
    t = await signUp(env.app);
    env.app.runtime.deps.outbox.onWritten(async (entries) => void written.push(...entries));
  });
  const agentFor = (client: OpenAI, slug: string) =>
    new Agent({
      name: 'Weather',
      instructions: 'Use the tool, then answer.',
      model: chatModel(client, slug),
      tools: [weather],
    });
  const runs = async (slug: string) =>
    (await ok(env.app, RUNS, { agent: slug }, t.ownerKey)).agentRuns.edges.map((e) => e.node);

  it('a two-step run succeeds, and is one run with both calls', async () => {
    const slug = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    env.upstream.handle((req) =>
      toolCalls(req)
        ? reply.text(req, 'It is sunny in Paris.', { prompt: 90, completion: 8 })
        : reply.toolCall(req, 'get_weather', { city: 'Paris' }, { prompt: 70, completion: 10 }),
    );
    const result = await run(agentFor(governorClient(env.app, t.ownerKey), slug), 'What is the weather in Paris?');
    expect(result.finalOutput).toBe('It is sunny in Paris.');
    const [only, ...more] = await runs(slug);
    expect(more).toEqual([]);
    expect(only).toMatchObject({ status: 'COMPLETED', toolCalls: 1, usage: { totalTokens: 80 + 98 } });
    expect(only!.calls.map((c) => [c.toolCalls, c.usage.totalTokens])).toEqual([
      [1, 80],
      [0, 98],
    ]);
    // What went upstream: the tool's result came back under the id Governor handed out.
    const last = env.upstream.requests.at(-1)!;
    expect(last.messages.find((m) => m.role === 'tool')).toMatchObject({ content: 'Sunny in Paris' });
  });

  it.each([
    ['when the client names the run (X-Governor-Run-Id)', { 'X-Governor-Run-Id': 'weather-loop-0001' }],
    ['when the client sends no header at all', {}],
  ])("a tool that makes the model loop forever is stopped at the plan's tool-call limit, %s", async (_, headers) => {
    const slug = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.toolCall(req, 'get_weather', { city: `Paris ${toolCalls(req)}` }));
    const before = env.upstream.requests.length;
    const client = governorClient(env.app, t.ownerKey, { defaultHeaders: headers });
    const error = await run(agentFor(client, slug), 'Check the weather again and again.', { maxTurns: 100 }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/more than 10 tool calls/);
    // 10 tool calls handed out, and the call that made the 11th refused: 11 model calls, not 100.
    expect(env.upstream.requests.length - before).toBe(11);
    const [stopped, ...others] = await runs(slug);
    expect(others).toEqual([]);
    expect(stopped).toMatchObject({ status: 'RUN_LIMIT', toolCalls: 11 });
    expect(stopped!.calls).toHaveLength(11);

    // A process that flushes late (or a reader that sees the calls out of order) changes nothing:
    // the run's facts are its latest call's, whatever order its calls' records arrive in.
    const outbox = env.app.runtime.deps.outbox;
    await outbox.flush();
    const ours = written.filter((e) => e.run?.id === stopped!.id);
    expect(ours).toHaveLength(11);
    await outbox.insertNow([...ours].reverse());
    for (const e of ours.slice(0, -1)) await outbox.insertNow([e]);
    expect(await runs(slug)).toEqual([stopped]);
  });
});

describe('a run spanning calls served by two Governor processes', () => {
  const env = useUpstreamApp();
  let second: TestApp | undefined;
  let t: Tenant;
  const shared = Boolean(process.env.REDIS_URL || process.env.DATABASE_URL);
  beforeAll(async () => {
    t = await signUp(env.app);
    // Two processes share one run only through a shared store (Redis): embedded, there is one.
    if ((await sharedApp()).runtime.store.kind === 'redis') {
      second = await startApp({
        env: { OPENAI_BASE_URL: env.upstream.url, OPENAI_API_KEY: 'k' },
        database: (await sharedApp()).runtime.database,
      });
    }
  });
  afterAll(async () => {
    await second?.close();
  });

  it('still stops it at the limit', async (context) => {
    if (!second) return context.skip(shared ? 'needs Redis' : 'needs a shared store (REDIS_URL)');
    const slug = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.toolCall(req, 'get_weather', { city: `Rome ${toolCalls(req)}` }));
    // Each call goes to the other process.
    let n = 0;
    const alternating: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const target = new URL(n++ % 2 ? second!.url : env.app.url);
      url.host = target.host;
      return fetch(url, init);
    };
    const client = new OpenAI({ baseURL: `${env.app.url}/v1`, apiKey: t.ownerKey, maxRetries: 0, fetch: alternating });
    const before = env.upstream.requests.length;
    const error = await run(
      new Agent({ name: 'Rome', instructions: 'Loop.', model: chatModel(client, slug), tools: [weather] }),
      'Loop',
      {
        maxTurns: 100,
      },
    ).catch((err: unknown) => err);
    expect(String((error as Error).message)).toMatch(/more than 10 tool calls/);
    expect(env.upstream.requests.length - before).toBe(11);
  });
});
