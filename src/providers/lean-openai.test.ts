import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { generateText, type ModelMessage } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreakers } from '../breakers/circuit-breaker.js';
import type { ModelRow } from '../db/schema/index.js';
import { callModel } from './call-model.js';
import { httpFetch } from './http-fetch.js';
import { LeanOpenAIChat } from './lean-openai.js';

/** A local upstream that answers each request with the next scripted reply. */
let server: Server;
let base = '';
const replies: { status: number; body: string }[] = [];
const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500, body: '{}' };
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
  const messages: ModelMessage[] = [
    { role: 'user', content: 'first question' },
    { role: 'assistant', content: 'first answer' },
    { role: 'system', content: "the caller's own instructions" },
    { role: 'user', content: 'second question' },
  ];

  it('sends what generateText would send and reads the same answer, without generateText', async () => {
    replies.push(answer('by generateText'));
    const viaSdk = await generateText({
      model: model(),
      system: 'Be brief.',
      messages,
      allowSystemInMessages: true,
      maxOutputTokens: 40,
      maxRetries: 0,
    });
    const sdkBody = JSON.parse(seen.at(-1)!.body) as unknown;
    // generateText names itself in the user agent; the direct call sends the provider's own.
    expect(seen.at(-1)!.headers['user-agent']).toMatch(/^ai\/6\./);

    replies.push(answer('called directly'));
    const deps = {
      registry: { languageModel: () => model() },
      breakers: new CircuitBreakers({ threshold: 3, openMs: 1_000, now: Date.now }),
      timeoutMs: 5_000,
      retries: 0,
      retryBaseMs: 1,
      random: () => 0.5,
    };
    const row = { id: 'openai/gpt-test', provider: 'openai', providerModel: 'gpt-test' } as ModelRow;
    const step = await callModel(deps, row, {
      system: 'Be brief.',
      messages,
      tools: {},
      maxOutputTokens: 40,
      signal: new AbortController().signal,
    });
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
});
