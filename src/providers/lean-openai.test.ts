import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { generateText, streamText, tool, type ModelMessage } from 'ai';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreakers } from '../breakers/circuit-breaker.js';
import type { ModelRow } from '../db/schema/index.js';
import { callModel, streamModel, type ModelCall, type StepResult, type StreamPart } from './call-model.js';
import { directStream } from './direct-step.js';
import { httpFetch } from './http-fetch.js';
import { LeanOpenAIChat } from './lean-openai.js';

/** A local upstream that answers each request with the next scripted reply. */
let server: Server;
let base = '';
/** `stalls`: the body is sent but the answer never ends (a model that stops mid-way). */
const replies: { status: number; body: string; type?: string; stalls?: boolean }[] = [];
const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500, body: '{}' };
      res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
      if (reply.stalls) res.write(reply.body);
      else res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
// A test that fails leaves none of its replies to the next.
beforeEach(() => void (replies.length = 0));

const model = (url = base) =>
  new LeanOpenAIChat(
    createOpenAI({ apiKey: 'sk-test', baseURL: url, fetch: httpFetch }).chat(
      'gpt-test',
    ) as unknown as ConstructorParameters<typeof LeanOpenAIChat>[0],
  );
const call: LanguageModelV3CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  maxOutputTokens: 20,
};
const failure = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the lean OpenAI chat call', () => {
  it("answers as the SDK would: text, finish reason, usage, the request's body and headers", async () => {
    replies.push({
      status: 200,
      body: JSON.stringify({
        id: 'chatcmpl-1',
        model: 'gpt-test',
        created: 1_800_000_000,
        choices: [{ index: 0, message: { role: 'assistant', content: 'hi there' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 9, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 } },
      }),
    });
    const result = await model().doGenerate({ ...call, headers: { 'X-Extra': 'yes' } });
    expect(result.content).toEqual([{ type: 'text', text: 'hi there' }]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(result.usage.inputTokens).toEqual({ total: 9, noCache: 5, cacheRead: 4, cacheWrite: undefined });
    expect(result.usage.outputTokens).toEqual({ total: 3, text: 3, reasoning: 0 });
    expect(result.response).toMatchObject({ id: 'chatcmpl-1', modelId: 'gpt-test' });
    const sent = seen.at(-1)!;
    expect(JSON.parse(sent.body)).toMatchObject({ model: 'gpt-test', max_tokens: 20 });
    expect(sent.headers).toMatchObject({ authorization: 'Bearer sk-test', 'x-extra': 'yes' });
    // In one piece with its length, not chunked.
    expect(sent.headers['content-length']).toBe(String(Buffer.byteLength(sent.body)));
    expect(sent.headers['transfer-encoding']).toBeUndefined();
  });

  it("sends the provider's headers (built once per model) on every call, and each call's own only with it", async () => {
    const lm = model();
    const ok = {
      status: 200,
      body: JSON.stringify({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] }),
    };
    replies.push(ok, ok);
    await lm.doGenerate({ ...call, headers: { 'X-Extra': 'first' } });
    await lm.doGenerate({ ...call, headers: { 'X-Other': 'second' } });
    const [first, second] = seen.slice(-2).map((s) => s.headers);
    expect(first).toMatchObject({ authorization: 'Bearer sk-test', 'x-extra': 'first' });
    expect(second).toMatchObject({ authorization: 'Bearer sk-test', 'x-other': 'second' });
    expect(second!['x-extra']).toBeUndefined();
    expect(second!['user-agent']).toBe(first!['user-agent']);
    expect(second!['user-agent']).toContain('ai-sdk/openai/');
  });

  it("maps errors as the SDK does: the provider's message and status, a broken 2xx, a refused connection", async () => {
    replies.push({ status: 503, body: JSON.stringify({ error: { message: 'overloaded' } }) });
    const busy = await failure(model().doGenerate(call));
    expect(APICallError.isInstance(busy)).toBe(true);
    expect(busy).toMatchObject({ message: 'overloaded', statusCode: 503, isRetryable: true });
    replies.push({ status: 400, body: 'not json' });
    expect(await failure(model().doGenerate(call))).toMatchObject({ statusCode: 400, isRetryable: false });
    replies.push({ status: 200, body: '{"choices": "nope"}' });
    expect(await failure(model().doGenerate(call))).toMatchObject({
      message: 'Invalid JSON response',
      statusCode: 200,
      isRetryable: false,
    });
    const refused = await failure(model('http://127.0.0.1:9/v1').doGenerate(call));
    expect(APICallError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ isRetryable: true });
    // A finish reason nobody knows is "other", whatever its name.
    replies.push({
      status: 200,
      body: JSON.stringify({ choices: [{ index: 0, message: { content: 'x' }, finish_reason: 'constructor' }] }),
    });
    expect((await model().doGenerate(call)).finishReason.unified).toBe('other');
  });
});

describe('a text-only step on the lean model', () => {
  const answer = (text: string) => ({
    status: 200,
    body: JSON.stringify({
      id: 'chatcmpl-2',
      model: 'gpt-test',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'length' }],
      usage: { prompt_tokens: 30, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 10 } },
    }),
  });
  const deps = (retries = 0, timeoutMs = 5_000) => ({
    registry: { languageModel: () => model() },
    breakers: new CircuitBreakers({ threshold: 3, openMs: 1_000, now: Date.now }),
    timeoutMs,
    retries,
    retryBaseMs: 1,
    random: () => 0.5,
  });
  const row = { id: 'openai/gpt-test', provider: 'openai', providerModel: 'gpt-test' } as ModelRow;
  const step40 = (): ModelCall => ({
    system: 'Be brief.',
    messages,
    tools: {},
    maxOutputTokens: 40,
    signal: new AbortController().signal,
  });
  /** An answer streamed in OpenAI's chunks, its usage last (as `stream_options.include_usage` asks). */
  const streamed = (pieces: string[]) => {
    const chunk = (fields: object) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-3', object: 'chat.completion.chunk', model: 'gpt-test', ...fields })}\n\n`;
    const delta = (d: object, finish: string | null = null) => ({
      choices: [{ index: 0, delta: d, finish_reason: finish }],
    });
    const usage = { prompt_tokens: 30, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 10 } };
    const body = [
      chunk(delta({ role: 'assistant', content: '' })),
      ...pieces.map((p) => chunk(delta({ content: p }))),
      chunk(delta({}, 'stop')),
      chunk({ choices: [], usage }),
      'data: [DONE]\n\n',
    ].join('');
    return { status: 200, type: 'text/event-stream', body };
  };
  /** A streamed step's parts and what it returned. */
  const drain = async (steps: AsyncGenerator<StreamPart, StepResult>) => {
    const parts: StreamPart[] = [];
    for (let next = await steps.next(); ; next = await steps.next()) {
      if (next.done) return { parts, step: next.value };
      parts.push(next.value);
    }
  };
  const messages: ModelMessage[] = [
    { role: 'user', content: 'first question' },
    { role: 'assistant', content: 'first answer' },
    { role: 'system', content: "the caller's own instructions" },
    { role: 'user', content: 'second question' },
  ];
  /** The same step as step40(), as generateText and streamText are given it. */
  const sdkOptions = {
    system: 'Be brief.',
    messages,
    allowSystemInMessages: true,
    maxOutputTokens: 40,
    maxRetries: 0,
  };

  it('sends what generateText would send and reads the same answer, without generateText', async () => {
    replies.push(answer('by generateText'));
    const viaSdk = await generateText({ model: model(), ...sdkOptions });
    const sdkBody = JSON.parse(seen.at(-1)!.body) as unknown;
    // generateText names itself in the user agent; the direct call sends the provider's own.
    expect(seen.at(-1)!.headers['user-agent']).toMatch(/^ai\/6\./);

    replies.push(answer('called directly'));
    const step = await callModel(deps(), row, step40());
    expect(JSON.parse(seen.at(-1)!.body)).toEqual(sdkBody);
    expect(seen.at(-1)!.headers['user-agent']).toMatch(/^ai-sdk\/openai\//);
    expect(step).toEqual({
      text: 'called directly',
      toolCalls: [],
      responseMessages: [{ role: 'assistant', content: [{ type: 'text', text: 'called directly' }] }],
      usage: { inputTokens: 30, outputTokens: 7, cachedInputTokens: 10 },
      finishReason: viaSdk.finishReason,
    });
    expect(viaSdk.totalUsage).toMatchObject({ inputTokens: 30, outputTokens: 7, cachedInputTokens: 10 });
    expect(viaSdk.response.messages).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'by generateText' }] },
    ]);
  });

  it('streams what streamText would send and yields the same text, usage and end, without streamText', async () => {
    replies.push(streamed(['Hello', ' there']));
    const viaSdk = streamText({ model: model(), ...sdkOptions });
    const sdkText: string[] = [];
    for await (const t of viaSdk.textStream) sdkText.push(t);
    const sdkBody = JSON.parse(seen.at(-1)!.body) as unknown;

    replies.push(streamed(['Hello', ' there']));
    const { parts, step } = await drain(streamModel(deps(), row, step40()));
    expect(JSON.parse(seen.at(-1)!.body)).toEqual(sdkBody);
    expect(sdkBody).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(parts).toEqual(sdkText.map((text) => ({ type: 'text', text })));
    expect(step).toEqual({
      text: 'Hello there',
      toolCalls: [],
      responseMessages: (await viaSdk.response).messages,
      usage: { inputTokens: 30, outputTokens: 7, cachedInputTokens: 10 },
      finishReason: await viaSdk.finishReason,
    });
    expect(await viaSdk.totalUsage).toMatchObject({ inputTokens: 30, outputTokens: 7, cachedInputTokens: 10 });
  });

  it('streams directly only a text-only step: one with tools goes through streamText', async () => {
    const before = seen.length;
    const tools = { lookup: tool({ description: 'Looks up.', inputSchema: z.object({ q: z.string() }) }) };
    expect(await directStream(model(), { ...step40(), tools }, new AbortController().signal)).toBeUndefined();
    expect(seen.length).toBe(before); // nothing sent
    // streamModel sends it through streamText instead: the tools go with it, the answer comes back.
    replies.push(streamed(['with tools']));
    const viaSdk = await drain(streamModel(deps(), row, { ...step40(), tools }));
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({
      tools: [{ type: 'function', function: { name: 'lookup' } }],
    });
    expect(viaSdk.parts).toEqual([{ type: 'text', text: 'with tools' }]);
    replies.push(streamed(['direct']));
    const direct = await directStream(model(), step40(), new AbortController().signal);
    const parts: unknown[] = [];
    for await (const p of direct!.parts) parts.push(p);
    expect(parts).toEqual([
      { type: 'text', text: 'direct' },
      { type: 'end', usage: { inputTokens: 30, outputTokens: 7, cachedInputTokens: 10 }, finishReason: 'stop' },
    ]);
    expect(await direct!.response('direct')).toEqual({
      id: 'chatcmpl-3',
      modelId: 'gpt-test',
      messages: [{ role: 'assistant', content: [{ type: 'text', text: 'direct' }] }],
    });
  });

  it('retries a stream whose provider sends an error before any output, and without a retry left says the model did not answer', async () => {
    const before = seen.length;
    const failing =
      'data: {"error":{"message":"overloaded, try again","type":"server_error","code":"server_error"}}\n\n';
    replies.push({ status: 200, type: 'text/event-stream', body: failing }, streamed(['second try']));
    const { parts, step } = await drain(streamModel(deps(1), row, step40()));
    expect(seen.length - before).toBe(2);
    expect(parts).toEqual([{ type: 'text', text: 'second try' }]);
    expect(step.text).toBe('second try');
    // Without a retry left, the model did not answer (the run falls back or says so).
    replies.push({ status: 200, type: 'text/event-stream', body: failing });
    const err = await failure(drain(streamModel(deps(0), row, step40())));
    expect(String((err as Error).message)).toMatch(/did not answer/);
  });

  it('retries a stream that stalls after its first chunk, once the attempt times out', async () => {
    const before = seen.length;
    const opening = streamed([]).body.split('\n\n')[0]! + '\n\n'; // the role chunk, nothing after it
    replies.push({ status: 200, type: 'text/event-stream', body: opening, stalls: true }, streamed(['ok']));
    const { parts } = await drain(streamModel(deps(1, 200), row, step40()));
    expect(seen.length - before).toBe(2);
    expect(parts).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('a streamed step offered no tools drops a tool call the model makes anyway (streamText would report it)', async () => {
    const call = { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } };
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-4', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const body = [chunk({ role: 'assistant', tool_calls: [call] }), chunk({}, 'tool_calls'), 'data: [DONE]\n\n'].join(
      '',
    );
    replies.push({ status: 200, type: 'text/event-stream', body });
    const { parts, step } = await drain(streamModel(deps(), row, step40()));
    expect(parts).toEqual([]);
    expect(step).toMatchObject({ text: '', toolCalls: [], responseMessages: [], finishReason: 'tool-calls' });
  });
});
