import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/eventually.js';
import { gql, signUp, type Tenant } from '../helpers/graphql.js';
import { RUN, runAgent, type RunOf } from '../helpers/runs.js';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver.js';

const ERROR = 2;

describe('traces of runs that fail', () => {
  let receiver: OtlpReceiver;
  let app: TestApp;
  let t: Tenant;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    app = await startApp({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '20' },
      database: (await sharedApp()).runtime.database,
    });
    t = await signUp(app);
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('marks a provider that is down: its call failed after its attempts, the run ProviderUnavailable', async () => {
    const res = (await runAgent(app, t.ownerKey, {
      agent: 'assistant',
      message: 'down [[down]]',
    })) as RunOf<'ProviderUnavailable'>;
    expect(res.__typename).toBe('ProviderUnavailable');
    await eventually(async () => receiver.run(res.run.id).children.length >= 1, 'the failed call');
    const { root, children } = receiver.run(res.run.id);

    expect(root!.status.code).toBe(ERROR);
    expect(root!.attributes).toMatchObject({ 'error.type': 'PROVIDER_UNAVAILABLE', 'governor.outcome': 'FAILED' });
    // The plan's one model tier: no fallback, one call that failed after its retries.
    expect(children.map((s) => s.attributes['governor.model.id'])).toEqual(['sim/sim-small']);
    for (const call of children) {
      expect(call.status.code).toBe(ERROR);
      expect(call.attributes).toMatchObject({ 'error.type': 'ModelUnavailable', 'governor.attempts': 3 });
      expect(call.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
    }
  });

  it('marks a run refused as a request with its error code', async () => {
    const res = await gql(app, RUN, { input: { agent: 'no-such-agent', message: 'hello' } }, t.ownerKey);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refused = () =>
      receiver
        .spans()
        .find((s) => s.name === 'invoke_agent no-such-agent' && s.attributes['governor.tenant.id'] === t.tenantId);
    await eventually(async () => Boolean(refused()), 'the refused run');
    expect(refused()!.status.code).toBe(ERROR);
    expect(refused()!.attributes).toMatchObject({ 'error.type': 'NOT_FOUND', 'governor.outcome': 'FAILED' });
  });

  it('logs an export the collector refuses, and the runs go on', async () => {
    const refusing = await startOtlpReceiver({ status: 400 });
    const lines: string[] = [];
    const other = await startApp({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: refusing.url, OTEL_BSP_SCHEDULE_DELAY: '20' },
      database: app.runtime.database,
      log: pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }),
    });
    try {
      const res = await runAgent(other, t.ownerKey, { agent: 'assistant', message: 'hello' });
      expect(res.__typename).toBe('AgentRunCompleted');
      await eventually(async () => lines.some((l) => l.includes('could not export traces')), 'the warning');
      expect(refusing.posts.length).toBeGreaterThan(0);
    } finally {
      await other.close();
      await refusing.close();
    }
  });
});
