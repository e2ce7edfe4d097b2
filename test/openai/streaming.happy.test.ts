import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { countChatTokens, countTokens } from '../../src/providers/tokens.js';
import type { TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { eventually } from '../helpers/eventually.js';
import { governorClient, refusal } from '../helpers/openai-client.js';
import { pausedStream, reply, type ChatRequest } from '../helpers/openai-server.js';
import { openaiAgent, useUpstreamApp, usePlan } from '../helpers/runs.js';

const STATUS = graphql(`
  query StreamStatus($agent: ID) {
    budgetStatus {
      daily {
        used
        reserved
      }
    }
    agentRuns(first: 5, filter: { agentId: $agent }) {
      edges {
        node {
          id
          status
          cached
          costUsd
          usage {
            inputTokens
            outputTokens
          }
        }
      }
    }
  }
`);

/** The `data:` payloads of an event stream read to its end. */
const dataEvents = (text: string) =>
  text
    .split('\n\n')
    .filter(Boolean)
    .map((e) => e.replace(/^data: /, ''));

/** The JSON types of a value, all the way down: two bodies of one shape map to the same. */
const shapeOf = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shapeOf)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOf(x)]))
      : v === null
        ? 'null'
        : typeof v;

/** A pino logger whose lines a test reads, and those lines. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _, done) => void (lines.push(JSON.parse(String(chunk))), done()) });
  return { lines, log: pino({ level: 'info' }, sink) };
}

/** The request log line of one request id, once it is written. */
async function requestLine(lines: Record<string, unknown>[], requestId: string) {
  const find = () => lines.find((l) => l.msg === 'request' && l.requestId === requestId);
  await eventually(async () => find() !== undefined, `the request line of ${requestId}`);
  return find()!;
}

/** A streamed chat completion sent with node:http, its response handed back unread. */
function openStream(app: TestApp, key: string, body: unknown, requestId: string) {
  return new Promise<{ res: IncomingMessage; cancel: () => void }>((resolve, reject) => {
    const req = httpRequest(
      new URL(`${app.url}/v1/chat/completions`),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
          'x-governor-cache': 'BYPASS',
          'x-request-id': requestId,
        },
      },
      (res) => resolve({ res, cancel: () => req.destroy() }),
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Streaming on the OpenAI door: tokens as they come, and spend exact whether the answer finishes or not. */
describe('streamed chat completions', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let agent: string;
  /** A raw POST to the door (status, headers and body as they are), with a key and extra headers. */
  const post = (body: Record<string, unknown>, key: string, headers: Record<string, string> = {}) =>
    fetch(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
  });
  const status = async () => ok(env.app, STATUS, { agent }, t.ownerKey);
  const client = () => governorClient(env.app, t.ownerKey);

  it('sends chunks before the upstream has finished, and ends with usage and the governor object', async () => {
    const wait = pausedStream(env.upstream, {
      pieces: ['The ', 'answer ', 'is ', '42.'],
      usage: { prompt: 70, completion: 9 },
      pauseAfter: 2,
    });
    const before = await status();
    const stream = await client().chat.completions.create(
      {
        model: agent,
        messages: [{ role: 'user', content: 'Stream it.' }],
        stream: true,
        stream_options: { include_usage: true },
      },
      { headers: { 'X-Governor-Cache': 'BYPASS' } },
    );
    const chunks: any[] = [];
    let text = '';
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta?.content ?? '';
      // Two pieces arrived while the upstream is still waiting: they were not buffered to the end.
      if (text === 'The answer ') wait.open();
    }
    expect(text).toBe('The answer is 42.');
    const last = chunks.at(-1);
    expect(last.usage).toEqual({
      prompt_tokens: 70,
      completion_tokens: 9,
      total_tokens: 79,
      prompt_tokens_details: { cached_tokens: 0 },
    });
    expect(last.governor).toMatchObject({ degradations: [] });
    // One id for every chunk: the call's, as a completion that is not streamed has.
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set([`chatcmpl-${last.governor.run_id}`]));
    expect(last.governor.cost_usd).toBeGreaterThan(0);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    // Governor asked the upstream for usage, and charged exactly what it reported.
    expect(env.upstream.requests.at(-1)!.stream_options).toEqual({ include_usage: true });
    const after = await status();
    expect(after.budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(79);
    expect(after.agentRuns.edges[0]!.node.usage).toEqual({ inputTokens: 70, outputTokens: 9 });
  });

  it("charges the tokenizer's count when the upstream reports no usage", async () => {
    env.upstream.handle((req) => reply.stream(req, { pieces: ['Counted ', 'by ', 'Governor.'], usage: null }));
    const before = await status();
    const messages = [{ role: 'user' as const, content: 'No usage from upstream, please.' }];
    const stream = await client().chat.completions.create(
      { model: agent, messages, stream: true },
      { headers: { 'X-Governor-Cache': 'BYPASS' } },
    );
    for await (const _ of stream) void _;
    const run = (await status()).agentRuns.edges[0]!.node;
    expect(run.usage.outputTokens).toBe(countTokens('Counted by Governor.'));
    // The input is the tokenizer's count of what Governor sent: the agent's instructions and the message.
    expect(run.usage.inputTokens).toBe(
      countChatTokens([{ content: 'You are terse.' }, { content: messages[0]!.content }]),
    );
    expect((await status()).budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(
      run.usage.inputTokens + run.usage.outputTokens,
    );
  });

  it('a client that goes away mid-stream: the upstream sees the hang-up, what was generated is charged, nothing stays held', async () => {
    const wait = pausedStream(env.upstream, {
      pieces: ['Part ', 'one ', 'and ', 'more'],
      usage: { prompt: 50, completion: 40 },
      pauseAfter: 2,
    });
    const abandoned = env.upstream.abandoned;
    const before = await status();
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { model: agent, messages: [{ role: 'user', content: 'Start, then I leave.' }], stream: true },
      { signal: controller.signal, headers: { 'X-Governor-Cache': 'BYPASS' } },
    );
    let text = '';
    await (async () => {
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (text === 'Part one ') controller.abort();
      }
    })().catch(() => undefined);
    await eventually(async () => env.upstream.abandoned > abandoned, 'the upstream to see the hang-up');
    wait.open();
    await eventually(
      async () => (await status()).agentRuns.edges[0]?.node.status === 'CANCELED',
      'the run to be recorded',
      2000,
    );
    const after = await status();
    expect(after.budgetStatus.daily.reserved).toBe(0);
    const run = after.agentRuns.edges[0]!.node;
    expect(run.usage.outputTokens).toBe(countTokens('Part one '));
    expect(after.budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(
      run.usage.inputTokens + run.usage.outputTokens,
    );
  });

  it('a provider that fails mid-stream: an error event, then [DONE], the partial spend charged', async () => {
    env.upstream.handle((req) => reply.stream(req, { pieces: ['Half ', 'an ', 'answer'], failAfter: 2 }));
    const res = await post(
      { model: agent, messages: [{ role: 'user', content: 'Fail halfway.' }], stream: true },
      t.ownerKey,
      { 'x-governor-cache': 'BYPASS' },
    );
    expect(res.status).toBe(200);
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const error = JSON.parse(events.at(-2)!) as { error: { code: string } };
    expect(error.error.code).toBe('provider_unavailable');
    const run = (await status()).agentRuns.edges[0]!.node;
    expect(run.status).toBe('FAILED');
    expect(run.usage.outputTokens).toBe(countTokens('Half an '));
    expect((await status()).budgetStatus.daily.reserved).toBe(0);
  });

  it('streams a cached answer, marked as such and charged nothing', async () => {
    env.upstream.handle((req) =>
      reply.stream(req, { pieces: ['Cached ', 'words.'], usage: { prompt: 30, completion: 4 } }),
    );
    const ask = {
      model: agent,
      messages: [{ role: 'user' as const, content: 'Cache my stream.' }],
      stream: true as const,
    };
    for await (const _ of await client().chat.completions.create(ask)) void _;
    const calls = env.upstream.requests.length;
    const before = await status();
    const { data, response } = await client()
      .chat.completions.create({ ...ask, stream_options: { include_usage: true } })
      .withResponse();
    let text = '';
    let last: any;
    for await (const chunk of data) {
      text += chunk.choices[0]?.delta?.content ?? '';
      last = chunk;
    }
    expect(text).toBe('Cached words.');
    expect(env.upstream.requests.length).toBe(calls);
    expect(response.headers.get('x-governor-model')).toBe('cache');
    expect(last.governor.cost_usd).toBe(0);
    const after = await status();
    expect(after.agentRuns.edges[0]!.node).toMatchObject({ status: 'CACHED', cached: true, costUsd: 0 });
    expect(after.budgetStatus.daily.used).toBe(before.budgetStatus.daily.used);
  });

  it('never delivers more output than was reserved: an upstream that runs past max_tokens is cut off there', async () => {
    const pieces = Array.from({ length: 50 }, () => ' go');
    // The upstream would go on after 20 pieces, once let: Governor must hang up before.
    const wait = pausedStream(env.upstream, { pieces, usage: { prompt: 20, completion: 50 }, pauseAfter: 20 });
    const abandoned = env.upstream.abandoned;
    const stream = await client().chat.completions.create(
      { model: agent, messages: [{ role: 'user', content: 'Run past your cap.' }], stream: true, max_tokens: 10 },
      { headers: { 'X-Governor-Cache': 'BYPASS' } },
    );
    let text = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(' go'.repeat(10));
    expect(finish).toBe('length');
    // The provider was cut off, and the run charged what it delivered.
    await eventually(async () => env.upstream.abandoned > abandoned, 'the upstream to be cut off');
    wait.open();
    const run = (await status()).agentRuns.edges[0]!.node;
    expect(run.usage.outputTokens).toBe(10);
    expect((await status()).budgetStatus.daily.reserved).toBe(0);
  });

  it('a stream cut short under an Idempotency-Key is charged once: a retry with the key is told so, and runs nothing', async () => {
    const wait = pausedStream(env.upstream, {
      pieces: ['Once ', 'only ', 'please'],
      usage: { prompt: 40, completion: 30 },
      pauseAfter: 1,
    });
    const before = await status();
    const key = `stream-${Date.now()}`;
    const controller = new AbortController();
    const ask = {
      model: agent,
      messages: [{ role: 'user' as const, content: 'Charge me once.' }],
      stream: true as const,
    };
    const stream = await client().chat.completions.create(ask, {
      signal: controller.signal,
      headers: { 'Idempotency-Key': key, 'X-Governor-Cache': 'BYPASS' },
    });
    const abandoned = env.upstream.abandoned;
    await (async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) controller.abort();
    })().catch(() => undefined);
    await eventually(async () => env.upstream.abandoned > abandoned, 'the upstream to be cut off');
    wait.open();
    await eventually(
      async () => (await status()).agentRuns.edges[0]?.node.status === 'CANCELED',
      'the run to be recorded',
    );
    const charged = (await status()).budgetStatus.daily.used - before.budgetStatus.daily.used;
    expect(charged).toBeGreaterThan(0);
    const calls = env.upstream.requests.length;
    const retry = await refusal(
      client().chat.completions.create(ask, { headers: { 'Idempotency-Key': key, 'X-Governor-Cache': 'BYPASS' } }),
    );
    expect(retry.status).toBe(409);
    expect(retry.message).toMatch(/stopped when its caller left/);
    expect(env.upstream.requests.length).toBe(calls);
    expect((await status()).budgetStatus.daily.used - before.budgetStatus.daily.used).toBe(charged);
  });

  it('a caller that leaves while the classifier is asked: the run ends CANCELED, the classifier charged, nothing held', async () => {
    const slug = await openaiAgent(env.app, t, { routing: 'CLASSIFIER', cacheTtlSeconds: 0 });
    const classifier = (req: ChatRequest) => String(req.messages[0]?.content).startsWith("Rate the user's request");
    env.upstream.handle((req) =>
      classifier(req) ? { ...reply.text(req, 'complex'), delayMs: 5_000 } : reply.text(req, 'Never sent.'),
    );
    const before = await status();
    const calls = env.upstream.requests.length;
    const abandoned = env.upstream.abandoned;
    const controller = new AbortController();
    const pending = client()
      .chat.completions.create(
        {
          model: slug,
          messages: [
            { role: 'user', content: 'Our Redis cluster hits 100% CPU every day at noon and requests time out.' },
          ],
          stream: true,
        },
        { signal: controller.signal },
      )
      .catch(() => undefined);
    await eventually(async () => env.upstream.requests.length > calls, 'the classifier to be asked');
    controller.abort();
    await pending;
    await eventually(async () => env.upstream.abandoned > abandoned, 'the classifier call to be cut off');
    await eventually(
      async () =>
        (await ok(env.app, STATUS, { agent: slug }, t.ownerKey)).agentRuns.edges[0]?.node.status === 'CANCELED',
      'the run to be recorded',
    );
    const after = await status();
    expect(after.budgetStatus.daily.reserved).toBe(0);
    // The classifier saw its prompt: that much is charged, and nothing else was asked.
    expect(after.budgetStatus.daily.used).toBeGreaterThan(before.budgetStatus.daily.used);
    expect(env.upstream.requests.length).toBe(calls + 1);
  });

  it('a refusal before the first byte is the same JSON error as without streaming', async () => {
    const res = await post({ model: agent, messages: [{ role: 'user', content: 'Hi' }], stream: true }, 'gov_nope');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('a budget refusal before the first byte: the same status, body and headers streamed or not, model none', async () => {
    const poor = await signUp(env.app);
    await usePlan(env.app, poor.tenantId, 'growth', { userDailyTokenLimit: 5 });
    const slug = await openaiAgent(env.app, poor, { routing: 'FIXED_CHEAP' });
    const calls = env.upstream.requests.length;
    const ask = (stream: boolean) =>
      post({ model: slug, messages: [{ role: 'user', content: 'Over my budget.' }], stream }, poor.ownerKey);
    const streamed = await ask(true);
    const plain = await ask(false);
    const bodies: { error: Record<string, unknown> }[] = [];
    for (const res of [streamed, plain]) {
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('x-governor-model')).toBe('none');
      expect(res.headers.get('x-should-retry')).toBe('false');
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({ code: 'budget_exceeded', window: 'USER_DAILY', limit: 5 });
      // The run the refusal is, named alike in the body and the header.
      expect(res.headers.get('x-governor-run-id')).toBe(body.error.run_id);
      bodies.push(body);
    }
    expect(shapeOf(bodies[0])).toEqual(shapeOf(bodies[1]));
    // Apart from the run each refusal is, the same words.
    const { run_id: _a, ...streamedError } = bodies[0]!.error;
    const { run_id: _b, ...plainError } = bodies[1]!.error;
    expect(streamedError).toEqual(plainError);
    const governorHeaders = (res: Response) =>
      [...res.headers.keys()].filter((h) => h.startsWith('x-governor-') || h === 'x-should-retry').sort();
    expect(governorHeaders(streamed)).toEqual(governorHeaders(plain));
    expect(streamed.headers.get('x-governor-route')).toBe(plain.headers.get('x-governor-route'));
    expect(env.upstream.requests.length).toBe(calls);
  });

  it.each([
    ['include_usage: false', { stream_options: { include_usage: false } }],
    ['no stream_options', {}],
  ])('without usage asked (%s): no usage chunk, and the governor object on the finish chunk', async (_, extra) => {
    env.upstream.handle((req) =>
      reply.stream(req, { pieces: ['No ', 'usage ', 'chunk.'], usage: { prompt: 25, completion: 3 } }),
    );
    const res = await post(
      { model: agent, messages: [{ role: 'user', content: 'No usage for me.' }], stream: true, ...extra },
      t.ownerKey,
      { 'x-governor-cache': 'BYPASS' },
    );
    expect(res.status).toBe(200);
    const events = dataEvents(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as Record<string, any>);
    // OpenAI sends the usage chunk (empty choices) only when include_usage is true.
    expect(chunks.filter((c) => 'usage' in c || c.choices.length === 0)).toEqual([]);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    expect(last.governor).toEqual({
      run_id: expect.stringMatching(/^run_/),
      cost_usd: expect.any(Number),
      degradations: [],
    });
    expect(last.governor.cost_usd).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((c) => c.governor === undefined)).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe('No usage chunk.');
    // Governor still asks the upstream for usage, and charges what it reported.
    expect(env.upstream.requests.at(-1)!.stream_options).toEqual({ include_usage: true });
    const run = (await status()).agentRuns.edges.find((e) => e.node.id === last.governor.run_id)!.node;
    expect(run.usage).toEqual({ inputTokens: 25, outputTokens: 3 });
  });
});

/** The value of one gauge sample on /metrics. */
async function gauge(app: TestApp, sample: string): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** A slow reader: Governor waits for it, and holds no more for it than a socket buffer and an event. */
describe('a streamed answer to a reader that does not read', () => {
  const { lines, log } = logSink();
  const env = useUpstreamApp({ log });

  it('pauses the run until the reader catches up, buffers a bounded amount, and delivers every piece', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth', { maxTokensPerRun: 100_000 });
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
    // 30,000 one-token pieces: some 6 MB of events, more than the sockets between Governor and its
    // reader can hold, so that Governor itself must wait.
    const pieces = Array.from({ length: 30_000 }, () => ' go');
    env.upstream.handle((req) => reply.stream(req, { pieces, usage: { prompt: 20, completion: pieces.length } }));
    const body = JSON.stringify({
      model: agent,
      messages: [{ role: 'user', content: 'Talk a lot.' }],
      stream: true,
      max_tokens: 32_000,
    });
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const url = new URL(`${env.app.url}/v1/chat/completions`);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${t.ownerKey}`,
            'x-governor-cache': 'BYPASS',
          },
        },
        resolve,
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res.statusCode).toBe(200);
    res.pause();
    // Nobody reads: Governor stops at the full socket, waiting (and the run waits with it).
    await eventually(
      async () => (await gauge(env.app, 'governor_streams_stalled{door="openai"}')) === 1,
      'the stream to wait for its reader',
    );
    // Now read it all.
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.resume();
    await once(res, 'end');
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const content = events
      .slice(0, -1)
      .map((e) => JSON.parse(e.replace(/^data: /, '')) as { choices: { delta?: { content?: string } }[] })
      .map((c) => c.choices[0]?.delta?.content ?? '')
      .join('');
    expect(content).toBe(pieces.join(''));
    // Charged what the upstream reported, as when the reader keeps up.
    const run = (await ok(env.app, STATUS, { agent }, t.ownerKey)).agentRuns.edges[0]!.node;
    expect(run.usage).toEqual({ inputTokens: 20, outputTokens: pieces.length });
    await eventually(
      async () =>
        lines.some((l) => l.msg === 'request' && l.path === '/v1/chat/completions' && l.streamWaits !== undefined),
      'the request line',
    );
    const line = lines.find((l) => l.msg === 'request' && l.path === '/v1/chat/completions')!;
    expect(line.streamWaits).toBeGreaterThan(0);
    // What Governor held for the reader: its socket's buffer (16 KiB) and one event, however far behind the reader was.
    expect(line.streamBufferedMaxBytes).toBeLessThanOrEqual(16_384 + 1024);
  });
});

/** A reader that takes nothing for STREAM_STALL_MS is cut off, and its run ends as if it had left. */
describe('a streamed answer to a reader that stalls past STREAM_STALL_MS', () => {
  const { lines, log } = logSink();
  const env = useUpstreamApp({ env: { STREAM_STALL_MS: '300' }, log });

  it('is cut off: the run ends CANCELED, nothing stays reserved, the request line says streamStalledOut', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth', { maxTokensPerRun: 100_000 });
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
    const status = () => ok(env.app, STATUS, { agent }, t.ownerKey);
    // 32,000 one-token pieces of 128 bytes: some 10 MB of events, far more than the sockets
    // between Governor and its reader hold (some 4 MB here), so that Governor must wait.
    const pieces = Array.from({ length: 32_000 }, () => ' '.repeat(128));
    env.upstream.handle((req) => reply.stream(req, { pieces, usage: { prompt: 20, completion: pieces.length } }));
    const requestId = `stall-${Date.now()}`;
    const { res, cancel } = await openStream(
      env.app,
      t.ownerKey,
      { model: agent, messages: [{ role: 'user', content: 'Talk a lot.' }], stream: true, max_tokens: 32_000 },
      requestId,
    );
    try {
      expect(res.statusCode).toBe(200);
      res.on('error', () => undefined);
      // Nobody reads. The request's line is written once its stream is over, cut off or not.
      res.pause();
      const line = await requestLine(lines, requestId);
      const after = await status();
      const run = after.agentRuns.edges[0]!.node;
      expect(run.status).toBe('CANCELED');
      expect(line).toMatchObject({
        path: '/v1/chat/completions',
        status: 200,
        streamStalledOut: true,
        aborted: true,
        runId: run.id,
        outcome: 'CANCELED',
      });
      expect(line.streamWaits).toBeGreaterThan(0);
      // Charged what was generated, nothing left reserved. (Whether the upstream sees a hang-up
      // depends on whether its whole answer already fit in the sockets towards Governor.)
      expect(run.usage.outputTokens).toBeGreaterThan(0);
      expect(after.budgetStatus.daily.used).toBe(run.usage.inputTokens + run.usage.outputTokens);
      expect(after.budgetStatus.daily.reserved).toBe(0);
      // What the sockets still held reaches the reader, then the cut: no [DONE], not every piece.
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      // (An 'error' comes first, "aborted": events.once would reject on it.)
      const closed = new Promise((resolve) => res.once('close', resolve));
      res.resume();
      await closed;
      expect(res.complete).toBe(false);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain('[DONE]');
      expect(text.split('\n\n').length).toBeLessThan(pieces.length);
    } finally {
      cancel();
    }
  });
});

/** A stream its client leaves is logged with the same facts as one read to its end. */
describe('the request line of a streamed answer', () => {
  const { lines, log } = logSink();
  const env = useUpstreamApp({ log });

  it('a stream the client aborts: the run id and outcome, and every field a finished stream has', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP' });
    const client = governorClient(env.app, t.ownerKey);
    env.upstream.handle((req) =>
      reply.stream(req, { pieces: ['All ', 'of ', 'it.'], usage: { prompt: 20, completion: 3 } }),
    );
    const finishedId = `finished-${Date.now()}`;
    let runId = '';
    for await (const chunk of await client.chat.completions.create(
      { model: agent, messages: [{ role: 'user', content: 'Read me to the end.' }], stream: true },
      { headers: { 'X-Governor-Cache': 'BYPASS', 'X-Request-Id': finishedId } },
    ))
      runId = (chunk as { governor?: { run_id: string } }).governor?.run_id ?? runId;
    const finished = await requestLine(lines, finishedId);
    expect(finished).toMatchObject({ runId, outcome: 'COMPLETED', status: 200 });
    expect(finished.aborted).toBeUndefined();

    const wait = pausedStream(env.upstream, {
      pieces: ['Left ', 'half ', 'way'],
      usage: { prompt: 20, completion: 30 },
      pauseAfter: 1,
    });
    const abortedId = `aborted-${Date.now()}`;
    const abandoned = env.upstream.abandoned;
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: agent, messages: [{ role: 'user', content: 'I will leave early.' }], stream: true },
      { signal: controller.signal, headers: { 'X-Governor-Cache': 'BYPASS', 'X-Request-Id': abortedId } },
    );
    await (async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) controller.abort();
    })().catch(() => undefined);
    await eventually(async () => env.upstream.abandoned > abandoned, 'the upstream to be cut off');
    wait.open();
    const aborted = await requestLine(lines, abortedId);
    const runs = await ok(env.app, STATUS, { agent }, t.ownerKey);
    const canceled = runs.agentRuns.edges[0]!.node;
    expect(canceled.status).toBe('CANCELED');
    expect(aborted).toMatchObject({ runId: canceled.id, outcome: 'CANCELED', aborted: true, tenantId: t.tenantId });
    expect(Object.keys(aborted)).toEqual(expect.arrayContaining(Object.keys(finished)));
  });
});
