import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { expectCode, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgentRaw } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const SERVICE_KEY = graphql(`
  mutation RateLimitServiceKey {
    createApiKey(input: { name: "svc", kind: SERVICE }) {
      secret
    }
  }
`);
const RUNS = graphql(`
  query RateLimitRuns {
    agentRuns(first: 100) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const KEEPER = graphql(`
  mutation RateLimitKeeper {
    createAgent(input: { name: "Keeper", slug: "keeper", instructions: "x", storeTranscripts: true }) {
      id
    }
  }
`);

/** runAgent calls per API key per minute, counted in the admission script itself. */
describe('per-key rate limit', () => {
  let app: TestApp;
  let t: Tenant;
  let now = Date.parse('2026-11-28T12:00:10Z');
  beforeAll(async () => {
    app = await startApp({
      env: { RATE_LIMIT_PER_MINUTE: '3' },
      clock: { now: () => new Date(now) },
      database: (await sharedApp()).runtime.database,
    });
    t = await signUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers RATE_LIMITED with the seconds to wait, per key, and lets the next minute through', async () => {
    for (let i = 0; i < 3; i++) {
      // A cache hit is a request too: the third call is answered from the cache.
      const res = await runAgentRaw(app, t.ownerKey, {
        agent: 'assistant',
        message: i < 2 ? `question ${i}` : 'question 0',
      });
      expect(res.errors).toBeUndefined();
    }
    const limited = await runAgentRaw(app, t.ownerKey, { agent: 'assistant', message: 'one more' });
    expectCode(limited, 'RATE_LIMITED');
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBe(50);

    const svc = await ok(app, SERVICE_KEY, {}, t.ownerKey);
    expect(
      (await runAgentRaw(app, svc.createApiKey.secret, { agent: 'assistant', message: 'other key' })).errors,
    ).toBeUndefined();

    const runs = await ok(app, RUNS, {}, t.ownerKey);
    expect(runs.agentRuns.edges).toHaveLength(4); // the refused call left no run and spent nothing

    now += 50_000;
    expect((await runAgentRaw(app, t.ownerKey, { agent: 'assistant', message: 'next minute' })).errors).toBeUndefined();
  });

  it('counts runs that look in the cache before their admission too (an agent keeping transcripts)', async () => {
    now += 60_000;
    const tenant = await signUp(app);
    await ok(app, KEEPER, {}, tenant.ownerKey);
    for (let i = 0; i < 3; i++) {
      expect(
        (await runAgentRaw(app, tenant.ownerKey, { agent: 'keeper', message: 'same question' })).errors,
      ).toBeUndefined();
    }
    expectCode(await runAgentRaw(app, tenant.ownerKey, { agent: 'keeper', message: 'same question' }), 'RATE_LIMITED');
  });
});
