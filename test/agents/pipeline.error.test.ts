import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/clock.js';
import { expectCode, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgentRaw, useUpstreamApp, usePlan } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const STATUS = graphql(`
  query PipelineErrorStatus {
    budgetStatus {
      daily {
        used
        reserved
      }
    }
    agentRuns(first: 1) {
      edges {
        node {
          status
          usage {
            totalTokens
          }
        }
      }
    }
  }
`);

/** A clock the test moves (the store reaps holds by it), at noon so that a jump stays within the day. */
const offset = { ms: 0 };
const started = Date.now();
const clock: Clock = { now: () => new Date(Date.parse('2026-12-01T12:00:00Z') + (Date.now() - started) + offset.ms) };

describe('a run whose hold vanishes from the store mid-run', () => {
  const env = useUpstreamApp({ clock });
  let t: Tenant;
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
  });

  it('stops with SERVICE_UNAVAILABLE (BUDGET_HOLD_LOST), charges what it spent, and holds nothing', async () => {
    const slug = await openaiAgent(env.app, t, { tools: ['calculator'], cacheTtlSeconds: 0 });
    env.upstream.handle((req, n) => {
      // While the first step is out, the store loses the hold (here: it outlives its expiry).
      if (n === 1) offset.ms += 10 * 60_000;
      return req.messages.some((m) => m.role === 'tool')
        ? reply.text(req, 'done')
        : reply.toolCall(req, 'calculator', { expression: '2+2' });
    });
    const before = env.upstream.requests.length;
    const res = await runAgentRaw(env.app, t.ownerKey, { agent: slug, message: 'What is 2+2? Use the calculator.' });
    expectCode(res, 'SERVICE_UNAVAILABLE');
    expect(res.errors![0]!.extensions).toMatchObject({ reason: 'BUDGET_HOLD_LOST' });
    // It did not go on to a second step as if it were still guarded.
    expect(env.upstream.requests.length - before).toBe(1);
    const data = await ok(env.app, STATUS, {}, t.ownerKey);
    expect(data.budgetStatus.daily).toEqual({ used: 120, reserved: 0 });
    expect(data.agentRuns.edges[0]!.node).toEqual({ status: 'FAILED', usage: { totalTokens: 120 } });
  });
});
