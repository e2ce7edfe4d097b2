import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp } from '../helpers/graphql.js';
import { runAgent } from '../helpers/runs.js';

const CLOSEST = graphql(`
  query ClosestToLimit($first: Int, $after: String) {
    users(first: $first, after: $after, orderBy: CLOSEST_TO_LIMIT) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const LIMIT = graphql(`
  mutation ClosestLimit($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);
const OUTCOMES = graphql(`
  query ClosestOutcomes($from: DateTime!, $to: DateTime!) {
    runOutcomes(from: $from, to: $to) {
      status
      runs
    }
  }
`);

describe('the budget views the dashboard reads', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('orders users closest to a limit first (today or this month, against their own limits), and pages', async () => {
    const t = await signUp(app);
    const near = await addUser(app, t, 'MEMBER');
    const far = await addUser(app, t, 'MEMBER');
    const idle = await addUser(app, t, 'MEMBER');
    await runAgent(app, near.key, { agent: 'assistant', message: 'a question' });
    await runAgent(app, far.key, { agent: 'assistant', message: 'another question' });
    // The same use, against a much smaller limit: nearer.
    await ok(app, LIMIT, { input: { userId: near.id, dailyTokenLimit: 500 } }, t.ownerKey);
    await app.runtime.deps.outbox.flush();
    const all = await ok(app, CLOSEST, { first: 10 }, t.ownerKey);
    const ids = all.users.edges.map((e) => e.node.id);
    expect(ids.slice(0, 2)).toEqual([near.id, far.id]);
    // The owner and the idle member have used nothing: by id after them.
    expect(ids.slice(2)).toEqual([t.ownerId, idle.id].sort());
    const first = await ok(app, CLOSEST, { first: 2 }, t.ownerKey);
    expect(first.users.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(app, CLOSEST, { first: 10, after: first.users.pageInfo.endCursor }, t.ownerKey);
    expect([...first.users.edges, ...rest.users.edges].map((e) => e.node.id)).toEqual(ids);
    expectCode(await gql(app, CLOSEST, {}, near.key), 'FORBIDDEN');
  });

  it("counts runs by outcome: the tenant's for ADMIN+, a MEMBER's own", async () => {
    const t = await signUp(app);
    const member = await addUser(app, t, 'MEMBER');
    await runAgent(app, t.ownerKey, { agent: 'assistant', message: 'owner asks' });
    await runAgent(app, member.key, { agent: 'assistant', message: 'member asks' });
    await ok(app, LIMIT, { input: { userId: member.id, dailyTokenLimit: 1 } }, t.ownerKey);
    await runAgent(app, member.key, { agent: 'assistant', message: 'member asks again' });
    const range = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    // Counted at once, before Postgres has every run, and the same after.
    const before = await ok(app, OUTCOMES, range, t.ownerKey);
    await app.runtime.deps.outbox.flush();
    const after = await ok(app, OUTCOMES, range, t.ownerKey);
    for (const res of [before, after])
      expect(res.runOutcomes).toEqual([
        { status: 'COMPLETED', runs: 2 },
        { status: 'BUDGET_EXCEEDED', runs: 1 },
      ]);
    expect((await ok(app, OUTCOMES, range, member.key)).runOutcomes).toEqual([
      { status: 'COMPLETED', runs: 1 },
      { status: 'BUDGET_EXCEEDED', runs: 1 },
    ]);
    expectCode(await gql(app, OUTCOMES, { from: range.to, to: range.from }, t.ownerKey), 'BAD_USER_INPUT');
  });
});
