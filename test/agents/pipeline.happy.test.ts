import { beforeAll, describe, expect, it } from 'vitest';
import { collectRun, runAgentEvents, type RunEvent } from '../../src/agents/index.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { request, tenantCtx } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const STATUS = graphql(`
  query PipelineStatus {
    budgetStatus {
      daily {
        used
        reserved
      }
    }
  }
`);
const LAST_RUN = graphql(`
  query PipelineLastRun {
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

async function events(iterable: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const out: RunEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

/** The pipeline is a verb that yields events; GraphQL and the other doors read them. */
describe('runAgentEvents', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const status = async () => (await ok(app, STATUS, {}, t.ownerKey)).budgetStatus.daily;

  it('reports the route and the admission before the answer, and ends with the outcome', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const got = await events(runAgentEvents(ctx, request('What is the capital of France?', { cache: 'BYPASS' })));
    expect(got.map((e) => e.type)).toEqual(['routed', 'admitted', 'ended']);
    const [routed, admitted, ended] = got as [
      Extract<RunEvent, { type: 'routed' }>,
      Extract<RunEvent, { type: 'admitted' }>,
      Extract<RunEvent, { type: 'ended' }>,
    ];
    expect(routed.route).toMatchObject({ strategy: 'HEURISTIC', complexity: 'SIMPLE', tier: 'CHEAP' });
    expect(admitted).toMatchObject({ model: { id: 'sim/sim-small' }, degradations: [] });
    expect(ended.result).toMatchObject({
      __typename: 'AgentRunCompleted',
      run: { id: routed.runId, status: 'COMPLETED' },
    });
  });

  it('streams text as the model writes it, and the deltas are the answer', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const got = await events(
      runAgentEvents(ctx, request('Tell me about rivers [[slow:200]]', { cache: 'REFRESH' }), { stream: true }),
    );
    const deltas = got.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(3);
    const ended = got.at(-1) as Extract<RunEvent, { type: 'ended' }>;
    expect(ended.result.__typename).toBe('AgentRunCompleted');
    expect(deltas.map((d) => d.text).join('')).toBe((ended.result as { output: string }).output);
    expect(got.slice(0, 2).map((e) => e.type)).toEqual(['routed', 'admitted']);

    // The same request again is a cache hit, streamed whole, at no cost.
    const hit = await events(runAgentEvents(ctx, request('Tell me about rivers [[slow:200]]'), { stream: true }));
    expect(hit.map((e) => e.type)).toEqual(['routed', 'delta', 'ended']);
    expect(hit[0]).toMatchObject({ cached: true });
    expect((hit[2] as Extract<RunEvent, { type: 'ended' }>).result.run).toMatchObject({
      status: 'CACHED',
      costMicros: 0,
    });
  });

  it('a caller that goes away mid-stream is charged what was generated, and nothing stays held', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const before = await status();
    const controller = new AbortController();
    const got: RunEvent[] = [];
    for await (const e of runAgentEvents(ctx, request('Write at length [[slow:3000]]', { cache: 'BYPASS' }), {
      stream: true,
      signal: controller.signal,
    })) {
      got.push(e);
      if (e.type === 'delta') controller.abort();
    }
    const ended = got.at(-1) as Extract<RunEvent, { type: 'ended' }>;
    expect(ended.result).toMatchObject({ __typename: 'RunCanceled', run: { status: 'CANCELED' } });
    expect(got.filter((e) => e.type === 'delta')).toHaveLength(1);
    const run = ended.result.run;
    expect(run.outputTokens).toBeGreaterThan(0);
    const after = await status();
    expect(after.reserved).toBe(0);
    expect(after.used - before.used).toBe(run.inputTokens + run.outputTokens);
  });

  it('a reader that stops early settles what was spent and releases the rest', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const before = await status();
    const iterable = runAgentEvents(ctx, request('Write more at length [[slow:3000]]', { cache: 'BYPASS' }), {
      stream: true,
    });
    let deltas = 0;
    for await (const e of iterable) if (e.type === 'delta' && ++deltas === 2) break;
    const after = await status();
    expect(after.reserved).toBe(0);
    expect(after.used).toBeGreaterThan(before.used);
    const runs = await ok(app, LAST_RUN, {}, t.ownerKey);
    expect(runs.agentRuns.edges[0]!.node).toEqual({
      status: 'FAILED',
      usage: { totalTokens: after.used - before.used },
    });
  });

  it('collectRun reads a run to its outcome', async () => {
    const ctx = await tenantCtx(app, t.ownerKey);
    const result = await collectRun(runAgentEvents(ctx, request('What is 2 + 2?', { cache: 'BYPASS' })));
    expect(result.__typename).toBe('AgentRunCompleted');
  });
});
