import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';

const SET = graphql(`
  mutation OwnerBudgetSet($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
      budgetOverride {
        dailyTokenLimit
      }
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation OwnerBudgetServiceKey {
    createApiKey(input: { name: "backend", kind: SERVICE }) {
      secret
    }
  }
`);

/** The rules that protect an OWNER from an ADMIN cover budgets: a zero limit is a lock-out. */
describe("an OWNER's budget", () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('cannot be set by an ADMIN or a service key, and is left as it was', async () => {
    const admin = await addUser(app, t, 'ADMIN');
    const service = (await ok(app, SERVICE_KEY, {}, t.ownerKey)).createApiKey.secret;
    expectCode(await gql(app, SET, { input: { userId: t.ownerId, dailyTokenLimit: 0 } }, admin.key), 'FORBIDDEN');
    expectCode(await gql(app, SET, { input: { userId: t.ownerId, dailyTokenLimit: 0 } }, service), 'FORBIDDEN');
    // An OWNER may, and an ADMIN still may for a MEMBER.
    const own = await ok(app, SET, { input: { userId: t.ownerId, dailyTokenLimit: 5_000 } }, t.ownerKey);
    expect(own.setUserBudget.budgetOverride).toEqual({ dailyTokenLimit: 5_000 });
    const member = await addUser(app, t, 'MEMBER');
    expect(
      (await ok(app, SET, { input: { userId: member.id, dailyTokenLimit: 10 } }, admin.key)).setUserBudget.id,
    ).toBe(member.id);
  });
});
