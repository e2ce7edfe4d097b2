import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRun } from '../../src/agents/index.js';
import { runAgentEvents } from '../../src/agents/run/run-agent.js';
import { loadConfig } from '../../src/config.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/eventually.js';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { governorClient } from '../helpers/openai-client.js';
import { reply, startUpstream, type Upstream } from '../helpers/openai-server.js';
import { openaiAgent, request, runAgent, tenantCtx, type RunOf } from '../helpers/runs.js';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver.js';

const INTERNAL = 1;
const CLIENT = 3;

describe('traces over OTLP/HTTP', () => {
  let receiver: OtlpReceiver;
  let upstream: Upstream;
  let app: TestApp;
  let t: Tenant;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    upstream = await startUpstream();
    app = await startApp({
      env: {
        OPENAI_BASE_URL: upstream.url,
        OPENAI_API_KEY: 'test-key',
        OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`,
        OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-token=s3cret%20token,x-team=governor',
        OTEL_BSP_SCHEDULE_DELAY: '20',
      },
      database: (await sharedApp()).runtime.database,
    });
    t = await signUp(app);
  });
  afterAll(async () => {
    await app?.close();
    await upstream?.close();
    await receiver?.close();
  });

  /** The run's span and its children, once the run span and `children` of them have arrived. */
  async function exported(runId: string, children: number) {
    await eventually(async () => {
      const { root, children: got } = receiver.run(runId);
      return Boolean(root) && got.length >= children;
    }, `the spans of ${runId}`);
    return receiver.run(runId);
  }

  it('exports a run as invoke_agent with a chat span per step and an execute_tool span, as JSON', async () => {
    const res = (await runAgent(app, t.ownerKey, {
      agent: 'assistant',
      message: 'Compute it [[tool:calculator 6*7]]',
    })) as RunOf<'AgentRunCompleted'>;
    expect(res.run.toolCalls).toBe(1);
    const { root, children, byStart } = await exported(res.run.id, 3);

    expect(root).toMatchObject({ name: 'invoke_agent assistant', kind: INTERNAL, parentSpanId: undefined });
    expect(root!.status.code).toBe(0);
    expect(root!.resource['service.name']).toBe('governor');
    expect(root!.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.id': t.agentId,
      'gen_ai.agent.name': 'Assistant',
      'gen_ai.provider.name': 'sim',
      'gen_ai.usage.input_tokens': res.run.usage.inputTokens,
      'gen_ai.usage.output_tokens': res.run.usage.outputTokens,
      'governor.tenant.id': t.tenantId,
      'governor.run.id': res.run.id,
      'governor.route.tier': res.run.route.tier,
      'governor.route.reason': res.run.route.reason,
      'governor.cost_usd': res.run.costUsd,
      'governor.outcome': 'COMPLETED',
      'governor.cached': false,
      'governor.degradations': [],
      'governor.tool_calls': 1,
    });

    const chats = byStart.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');
    const tools = children.filter((s) => s.attributes['gen_ai.operation.name'] === 'execute_tool');
    expect(chats.length).toBeGreaterThanOrEqual(2);
    for (const chat of chats) {
      expect(chat.kind).toBe(CLIENT);
      expect(chat.name).toBe(`chat ${chat.attributes['gen_ai.request.model']}`);
      expect(chat.attributes).toMatchObject({ 'gen_ai.provider.name': 'sim', 'gen_ai.system': 'sim' });
      expect(chat.attributes['gen_ai.request.max_tokens']).toBeGreaterThan(0);
      expect(chat.attributes['gen_ai.response.model']).toEqual(expect.any(String));
    }
    // The run's usage is its calls' (side calls included), summed.
    const sum = (k: string) => chats.reduce((n, s) => n + Number(s.attributes[k]), 0);
    expect(sum('gen_ai.usage.input_tokens')).toBe(res.run.usage.inputTokens);
    expect(sum('gen_ai.usage.output_tokens')).toBe(res.run.usage.outputTokens);
    const [toolStep, answer] = chats.slice(-2);
    expect(toolStep!.attributes['gen_ai.response.finish_reasons']).toEqual(['tool-calls']);
    expect(answer!.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);

    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({ name: 'execute_tool calculator', kind: INTERNAL });
    expect(tools[0]!.attributes).toMatchObject({ 'gen_ai.tool.name': 'calculator', 'gen_ai.tool.type': 'function' });
    expect(tools[0]!.attributes['gen_ai.tool.call.id']).toEqual(expect.any(String));
    // The tool ran after the step that called it began, and ended before the answer's step began:
    // within a millisecond, since each span's clock is anchored to Date.now() when it starts.
    const slack = 1_000_000n;
    expect(tools[0]!.start + slack >= toolStep!.start).toBe(true);
    expect(tools[0]!.end <= answer!.start + slack).toBe(true);

    expect(receiver.posts.every((p) => p.contentType?.startsWith('application/json'))).toBe(true);
    expect(receiver.posts[0]!.headers).toMatchObject({ 'x-collector-token': 's3cret token', 'x-team': 'governor' });
    // Neither the prompt nor the tool's arguments leave in a span.
    expect(receiver.posts.some((p) => p.raw.includes('6*7') || p.raw.includes('Compute it'))).toBe(false);
  });

  it('exports a call to an OpenAI-compatible provider with its model, response and reported usage', async () => {
    const slug = await openaiAgent(app, t);
    upstream.handle((req) => reply.text(req, 'Hello there.', { prompt: 40, completion: 7, cached: 8 }));
    const res = (await runAgent(app, t.ownerKey, {
      agent: slug,
      message: 'Hi',
      routing: 'CHEAP',
    })) as RunOf<'AgentRunCompleted'>;
    expect(res.__typename).toBe('AgentRunCompleted');
    const { root, children } = await exported(res.run.id, 1);
    const sent = upstream.requests.at(-1)!;

    expect(root!.name).toBe(`invoke_agent ${slug}`);
    expect(root!.attributes).toMatchObject({
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.provider.name': 'openai',
      'gen_ai.usage.input_tokens': 40,
      'gen_ai.usage.output_tokens': 7,
      'gen_ai.usage.cache_read.input_tokens': 8,
      'governor.route.tier': 'CHEAP',
      'governor.model.id': 'openai/gpt-4o-mini',
      'governor.cost_usd': res.run.costUsd,
    });
    expect(children).toHaveLength(1);
    expect(children[0]!.name).toBe('chat gpt-4o-mini');
    expect(children[0]!.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.max_tokens': sent.max_tokens,
      'gen_ai.request.stream': false,
      'gen_ai.response.model': sent.model,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 40,
      'gen_ai.usage.output_tokens': 7,
      'gen_ai.usage.cache_read.input_tokens': 8,
      'governor.attempts': 1,
    });
    expect(children[0]!.attributes['gen_ai.response.id']).toMatch(/^chatcmpl-/);
  });

  it('exports a streamed run, its calls marked streamed with the time to their first chunk', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const result = await collectRun(runAgentEvents(ctx, request('Compute [[tool:calculator 2+3]]'), { stream: true }));
    expect(result.__typename).toBe('AgentRunCompleted');
    const { root, children } = await exported(result.run.id, 3);
    expect(root!.attributes['gen_ai.request.stream']).toBe(true);
    const chats = children.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');
    for (const chat of chats) {
      expect(chat.attributes['gen_ai.request.stream']).toBe(true);
      expect(chat.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThanOrEqual(0);
    }
    expect(children.filter((s) => s.name === 'execute_tool calculator')).toHaveLength(1);
  });

  // The OpenAI-compatible door goes through the same traced verb.
  it('traces a chat completion like a GraphQL run, streamed or not', async () => {
    const slug = await openaiAgent(app, t, { cacheTtlSeconds: 0 });
    upstream.handle((req) => reply.text(req, 'Hello there.', { prompt: 30, completion: 5 }));
    const client = governorClient(app, t.ownerKey);
    const { response } = await client.chat.completions
      .create({ model: slug, messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    const runId = response.headers.get('x-governor-run-id')!;
    await eventually(async () => receiver.run(runId).children.length >= 1, 'the door run');
    const { root, children } = receiver.run(runId);
    expect(root!.name).toBe(`invoke_agent ${slug}`);
    expect(root!.attributes).toMatchObject({ 'governor.outcome': 'COMPLETED', 'gen_ai.usage.input_tokens': 30 });
    expect(children[0]!.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.usage.output_tokens': 5 });

    const stream = await client.chat.completions.create({
      model: slug,
      messages: [{ role: 'user', content: 'Hi again' }],
      stream: true,
    });
    let streamedRun: string | undefined;
    for await (const chunk of stream) streamedRun ??= chunk.id.replace(/^chatcmpl-/, '');
    await eventually(async () => receiver.run(streamedRun!).children.length >= 1, 'the streamed door run');
    expect(receiver.run(streamedRun!).root!.attributes['gen_ai.request.stream']).toBe(true);
  });

  it('marks a tool the caller runs itself with a span of no length, handed back', async () => {
    const slug = await openaiAgent(app, t, { cacheTtlSeconds: 0 });
    upstream.handle((req) => reply.toolCall(req, 'get_weather', { city: 'Paris' }));
    const { response } = await governorClient(app, t.ownerKey)
      .chat.completions.create({
        model: slug,
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
      })
      .withResponse();
    const runId = response.headers.get('x-governor-run-id')!;
    const handed = () => receiver.run(runId).children.find((s) => s.name === 'execute_tool get_weather');
    await eventually(async () => Boolean(handed()), 'the handed-off tool');
    expect(handed()!.attributes).toMatchObject({ 'gen_ai.tool.name': 'get_weather', 'governor.tool.client': true });
    expect(handed()!.end - handed()!.start).toBeLessThan(1_000_000n);
  });

  it('flushes what the batch holds when the app closes', async () => {
    const receiver2 = await startOtlpReceiver();
    const slow = await startApp({
      // A batch that would wait a minute: only the shutdown sends it.
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver2.url, OTEL_BSP_SCHEDULE_DELAY: '60000' },
      database: app.runtime.database,
    });
    try {
      const res = await runAgent(slow, t.ownerKey, { agent: 'assistant', message: 'hello' });
      expect(receiver2.posts).toHaveLength(0);
      await slow.close();
      expect(receiver2.run(res.run.id).root?.attributes['governor.outcome']).toBe('COMPLETED');
    } finally {
      await receiver2.close();
    }
  });
});

describe('traces, configured', () => {
  it('sends to the traces path of OTEL_EXPORTER_OTLP_ENDPOINT, or to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is', () => {
    const base = { DATA_DIR: 'memory://' };
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }).tracing).toEqual({
      url: 'http://jaeger:4318/v1/traces',
      headers: {},
      serviceName: 'governor',
      batchDelayMs: 5000,
    });
    const both = loadConfig({
      ...base,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/api/traces',
      OTEL_SERVICE_NAME: 'governor-eu',
    }).tracing;
    expect(both).toMatchObject({ url: 'https://otlp.example.com/api/traces', serviceName: 'governor-eu' });
    expect(loadConfig(base).tracing).toBeUndefined();
  });

  it('refuses at boot a header list or an endpoint it cannot use', () => {
    const on = { DATA_DIR: 'memory://', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' };
    expect(() => loadConfig({ ...on, OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' })).toThrow(/key=value pairs/);
    expect(() => loadConfig({ ...on, OTEL_EXPORTER_OTLP_HEADERS: 'a=%E0%A4%A' })).toThrow(/percent-encoding/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://jaeger:4317' })).toThrow(/unsupported URL scheme/);
  });
});

describe('traces, off', () => {
  it('has no tracer without OTEL_EXPORTER_OTLP_ENDPOINT, and loads no SDK', async () => {
    const app = await sharedApp();
    expect(app.config.tracing).toBeUndefined();
    expect(app.runtime.deps.tracer).toBeUndefined();
    // In a process of its own: what startTracing loads, off and on.
    const probe = `
      const { loadConfig } = await import('./src/config.ts');
      const { createLogger } = await import('./src/lib/logger.ts');
      const { startTracing } = await import('./src/monitoring/tracing.ts');
      const { createRequire } = await import('node:module');
      const tracing = await startTracing(loadConfig(JSON.parse(process.argv[1])).tracing, createLogger('silent'));
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ on: Boolean(tracing), sdk: cache.some((k) => k.includes('sdk-trace')) }));
      await tracing?.shutdown();
    `;
    const run = async (env: Record<string, string>) => {
      const args = ['--import', 'tsx', '--input-type=module', '-e', probe, JSON.stringify(env)];
      const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: process.cwd() });
      return JSON.parse(stdout.trim().split('\n').at(-1)!) as { on: boolean; sdk: boolean };
    };
    expect(await run({})).toEqual({ on: false, sdk: false });
    expect(await run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual({ on: true, sdk: true });
  });
});
