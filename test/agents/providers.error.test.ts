import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan, type RunOf } from '../helpers/runs.js';

/** Provider faults: retries, the per-model circuit breaker, fallback to the agent's other model. */
describe('provider faults', () => {
  const env = useUpstreamApp({
    env: { PROVIDER_RETRIES: '2', PROVIDER_TIMEOUT_MS: '300', BREAKER_FAILURES: '5', BREAKER_OPEN_SECONDS: '30' },
    clock: { now: () => new Date(now) },
    random: () => 0.5,
  });
  let t: Tenant;
  let slug: string;
  let now = Date.parse('2026-11-28T12:00:00Z');
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
    slug = await openaiAgent(env.app, t, { routing: 'FIXED_STRONG', cacheTtlSeconds: 0 });
  });

  const calls = (model: string) => env.upstream.requests.filter((r) => r.model === model).length;

  it('retries a 500 and answers when the model recovers', async () => {
    const before = env.upstream.requests.length;
    env.upstream.handle((req, n) => (n - before <= 2 ? reply.error(500) : reply.text(req, 'recovered')));
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' });
    expect(res).toMatchObject({
      __typename: 'AgentRunCompleted',
      output: 'recovered',
      run: { model: { id: 'openai/gpt-4o' } },
    });
    expect(env.upstream.requests.length - before).toBe(3);
  });

  it('honours Retry-After on a 429', async () => {
    const before = env.upstream.requests.length;
    env.upstream.handle((req, n) =>
      n - before === 1 ? reply.error(429, { 'retry-after-ms': '50' }) : reply.text(req, 'after the wait'),
    );
    const started = Date.now();
    const res = (await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' })) as RunOf<'AgentRunCompleted'>;
    expect(res.output).toBe('after the wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('falls back to the cheap model when the strong one keeps failing, then opens its circuit', async () => {
    env.upstream.handle((req) => (req.model === 'gpt-4o' ? reply.error(503) : reply.text(req, 'from the cheap model')));
    const strongBefore = calls('gpt-4o');
    const first = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' });
    expect(first).toMatchObject({
      __typename: 'AgentRunCompleted',
      output: 'from the cheap model',
      run: { model: { id: 'openai/gpt-4o-mini' } },
    });
    expect(calls('gpt-4o') - strongBefore).toBe(3); // one try and two retries
    await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' }); // 3 more failures: 6 ≥ 5, open
    const whileOpen = calls('gpt-4o');
    const third = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' });
    expect(third.run.model!.id).toBe('openai/gpt-4o-mini');
    expect(calls('gpt-4o')).toBe(whileOpen); // the open circuit sends nothing
  });

  it('half-opens after 30 s and closes again when the trial call succeeds', async () => {
    env.upstream.handle((req) => reply.text(req, `answered by ${req.model}`));
    const hello = async () =>
      ((await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' })) as RunOf<'AgentRunCompleted'>).output;
    now += 29_000;
    expect(await hello()).toBe('answered by gpt-4o-mini');
    now += 1_000;
    expect(await hello()).toBe('answered by gpt-4o');
    expect(await hello()).toBe('answered by gpt-4o');
  });

  it('times out a hung attempt and answers with ProviderUnavailable when nothing can serve', async () => {
    env.upstream.handle((req) => ({ ...reply.text(req, 'too slow'), delayMs: 2_000 }));
    const res = (await runAgent(env.app, t.ownerKey, {
      agent: slug,
      message: 'hello',
    })) as RunOf<'ProviderUnavailable'>;
    expect(res).toMatchObject({
      __typename: 'ProviderUnavailable',
      code: 'PROVIDER_UNAVAILABLE',
      run: { status: 'FAILED', costUsd: 0 },
    });
    expect(res.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(res.message).toContain('openai/gpt-4o');
    const down = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'hello' });
    expect(down.__typename).toBe('ProviderUnavailable');
    env.upstream.handle((req) => reply.text(req, 'back'));
    now += 31_000;
  });
});
