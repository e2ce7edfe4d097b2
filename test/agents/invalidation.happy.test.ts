import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgent, runAgentRaw } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const CREATE = graphql(`
  mutation InvalidationAgent {
    createAgent(input: { name: "Short Lived", slug: "short-lived", instructions: "x" }) {
      id
    }
  }
`);
const ARCHIVE = graphql(`
  mutation InvalidationArchive($id: ID!) {
    archiveAgent(id: $id) {
      id
    }
  }
`);
const SET_BUDGET = graphql(`
  mutation InvalidationBudget($u: ID!) {
    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {
      id
    }
  }
`);

/**
 * runAgent reads tenants, users and agents from in-process caches. A change made on one process
 * reaches another at once over Redis pub/sub, or (embedded, no Redis) within the 10 s TTL.
 */
describe('cached lookups across processes', () => {
  let a: TestApp;
  let b: TestApp;
  let now = Date.parse('2026-11-28T12:00:00Z');
  let t: Tenant;
  beforeAll(async () => {
    a = await sharedApp();
    b = await startApp({ clock: { now: () => new Date(now) }, database: a.runtime.database });
    t = await signUp(a);
  });
  afterAll(async () => {
    await b.close();
  });

  /** Until `check` holds on the other process: pub/sub when there is Redis, else the TTL passing. */
  async function eventually(check: () => Promise<boolean>) {
    if (a.runtime.store.kind !== 'redis') now += 10_001;
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the other process never saw the change');
  }

  it('sees an agent archived elsewhere', async () => {
    const agent = await ok(a, CREATE, {}, t.ownerKey);
    expect((await runAgent(b, t.ownerKey, { agent: agent.createAgent.id, message: 'hello' })).__typename).toBe(
      'AgentRunCompleted',
    ); // cached on b
    await ok(a, ARCHIVE, { id: agent.createAgent.id }, t.ownerKey);
    await eventually(
      async () =>
        (await runAgentRaw(b, t.ownerKey, { agent: agent.createAgent.id, message: 'hello' })).errors?.[0]?.extensions
          ?.code === 'CONFLICT',
    );
  });

  it("sees a user's new budget set elsewhere", async () => {
    await runAgent(b, t.ownerKey, { agent: 'assistant', message: 'warm the user on b', cache: 'BYPASS' });
    await ok(a, SET_BUDGET, { u: t.ownerId }, t.ownerKey);
    await eventually(
      async () =>
        (await runAgent(b, t.ownerKey, { agent: 'assistant', message: 'over budget?', cache: 'BYPASS' })).__typename ===
        'BudgetExceeded',
    );
  });
});
