import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/eventually.js';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { governorClient } from '../helpers/openai-client.js';
import { reply, startUpstream, type Upstream } from '../helpers/openai-server.js';
import { openaiAgent } from '../helpers/runs.js';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver.js';

describe('traces of the OpenAI-compatible door', () => {
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
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
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
});
