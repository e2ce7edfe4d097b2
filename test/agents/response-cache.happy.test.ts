import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, unique, type Tenant } from '../helpers/graphql.js';
import { runAgent, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const USED = graphql(`
  query ResponseCacheUsed {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);
const ASSISTANT = graphql(`
  query ResponseCacheAssistant {
    agent(idOrSlug: "assistant") {
      id
    }
  }
`);
const REINSTRUCT = graphql(`
  mutation ResponseCacheReinstruct($id: ID!) {
    updateAgent(input: { id: $id, instructions: "Be brief." }) {
      version
    }
  }
`);
const SHORT_TTL = graphql(`
  mutation ResponseCacheTtl($id: ID!) {
    updateAgent(input: { id: $id, cacheTtlSeconds: 60 }) {
      id
    }
  }
`);

describe('response cache', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('misses, then hits at zero cost with the saving recorded, without calling a model', async () => {
    const message = unique('What is the boiling point of water? ');
    const miss = (await runAgent(app, t.ownerKey, { agent: 'assistant', message })) as RunOf<'AgentRunCompleted'>;
    expect(miss.run).toMatchObject({ status: 'COMPLETED', cached: false });
    const spaced = `  ${message.replace(/ /g, '   ')} `;
    const hit = (await runAgent(app, t.ownerKey, {
      agent: 'assistant',
      message: spaced,
    })) as RunOf<'AgentRunCompleted'>;
    expect(hit.output).toBe(miss.output);
    expect(hit.run).toMatchObject({
      status: 'CACHED',
      cached: true,
      model: null,
      costUsd: 0,
      savedCostUsd: miss.run.costUsd,
    });
    expect(hit.run.usage.totalTokens).toBe(0);
    const status = await ok(app, USED, {}, t.ownerKey);
    expect(status.budgetStatus.daily.used).toBe(miss.run.usage.totalTokens); // the hit took no tokens
  });

  it('BYPASS neither reads nor writes; REFRESH skips the read and replaces the entry', async () => {
    const message = unique('Name a prime number. ');
    const bypass = await runAgent(app, t.ownerKey, { agent: 'assistant', message, cache: 'BYPASS' });
    expect(bypass.run.cached).toBe(false);
    const first = await runAgent(app, t.ownerKey, { agent: 'assistant', message });
    expect(first.run.cached).toBe(false); // BYPASS wrote nothing
    const refresh = await runAgent(app, t.ownerKey, { agent: 'assistant', message, cache: 'REFRESH' });
    expect(refresh.run.cached).toBe(false);
    const hit = await runAgent(app, t.ownerKey, { agent: 'assistant', message });
    expect(hit.run).toMatchObject({ cached: true });
    expect(hit.run.savedCostUsd).toBe(refresh.run.costUsd);
  });

  it('keys on the agent version and the routing override', async () => {
    const message = unique('Define latency. ');
    await runAgent(app, t.ownerKey, { agent: 'assistant', message });
    expect((await runAgent(app, t.ownerKey, { agent: 'assistant', message, routing: 'CHEAP' })).run.cached).toBe(false);
    // An answer cut to a tiny cap is never served to a caller who asked for more.
    expect((await runAgent(app, t.ownerKey, { agent: 'assistant', message, maxOutputTokens: 3 })).run.cached).toBe(
      false,
    );
    const agent = await ok(app, ASSISTANT, {}, t.ownerKey);
    await ok(app, REINSTRUCT, { id: agent.agent!.id }, t.ownerKey);
    expect((await runAgent(app, t.ownerKey, { agent: 'assistant', message })).run.cached).toBe(false);
  });

  it('never shares an answer between two tenants sending the same message', async () => {
    const other = await signUp(app);
    const message = unique('What is the tallest mountain? ');
    await runAgent(app, t.ownerKey, { agent: 'assistant', message });
    expect((await runAgent(app, t.ownerKey, { agent: 'assistant', message })).run.cached).toBe(true);
    expect((await runAgent(app, other.ownerKey, { agent: 'assistant', message })).run.cached).toBe(false);
  });

  it('expires entries after the agent TTL', async () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const clocked = await startApp({ clock: { now: () => new Date(now) }, database: app.runtime.database });
    try {
      const tenant = await signUp(clocked);
      const agent = await ok(clocked, ASSISTANT, {}, tenant.ownerKey);
      await ok(clocked, SHORT_TTL, { id: agent.agent!.id }, tenant.ownerKey);
      const message = unique('Spell cat. ');
      await runAgent(clocked, tenant.ownerKey, { agent: 'assistant', message });
      now += 59_000;
      expect((await runAgent(clocked, tenant.ownerKey, { agent: 'assistant', message })).run.cached).toBe(true);
      now += 2_000;
      expect((await runAgent(clocked, tenant.ownerKey, { agent: 'assistant', message })).run.cached).toBe(false);
    } finally {
      await clocked.close();
    }
  });
});
