import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const SET = graphql(`
  mutation SetUserBudget($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
      budgetOverride {
        dailyTokenLimit
        monthlyTokenLimit
      }
      budgetStatus {
        daily {
          limit
        }
        monthly {
          limit
        }
      }
    }
  }
`);
const STATUS = graphql(`
  query SetUserBudgetStatus($id: ID) {
    budgetStatus(userId: $id) {
      user {
        id
      }
      daily {
        limit
        used
        reserved
        remaining
        resetsAt
      }
      monthly {
        limit
        resetsAt
      }
      tenantMonthly {
        limit
      }
      tenantSpend {
        limitUsd
        usedUsd
        reservedUsd
        remainingUsd
        resetsAt
      }
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation SetUserBudgetServiceKey {
    createApiKey(input: { name: "svc", kind: SERVICE }) {
      secret
    }
  }
`);
const USERS = graphql(`
  query SetUserBudgetUsers {
    users {
      edges {
        node {
          id
          budgetStatus {
            daily {
              limit
            }
          }
        }
      }
    }
  }
`);

describe('budgetStatus and setUserBudget', () => {
  let app: TestApp;
  let t: Tenant;
  let member: { id: string; key: string };
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
    member = await addUser(app, t, 'MEMBER');
  });

  it("reports a user's windows from the plan", async () => {
    const { budgetStatus: s } = await ok(app, STATUS, {}, member.key);
    expect(s.user).toEqual({ id: member.id });
    expect(s.daily).toMatchObject({ limit: 10_000, used: 0, reserved: 0, remaining: 10_000 });
    expect(s.monthly.limit).toBe(100_000);
    expect(s.tenantMonthly.limit).toBe(300_000);
    expect(s.tenantSpend).toMatchObject({ limitUsd: 1, usedUsd: 0, reservedUsd: 0, remainingUsd: 1 });
    const now = new Date();
    expect(new Date(s.daily.resetsAt).getTime()).toBe(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
    );
    expect(new Date(s.monthly.resetsAt).getTime()).toBe(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  });

  it('sets an override, leaves an absent limit alone, and returns to the plan on null', async () => {
    const set = await ok(
      app,
      SET,
      { input: { userId: member.id, dailyTokenLimit: 2_000, monthlyTokenLimit: 20_000 } },
      t.ownerKey,
    );
    expect(set.setUserBudget).toMatchObject({
      budgetOverride: { dailyTokenLimit: 2_000, monthlyTokenLimit: 20_000 },
      budgetStatus: { daily: { limit: 2_000 }, monthly: { limit: 20_000 } },
    });
    const partly = await ok(app, SET, { input: { userId: member.id, dailyTokenLimit: null } }, t.ownerKey);
    expect(partly.setUserBudget.budgetOverride).toEqual({ dailyTokenLimit: null, monthlyTokenLimit: 20_000 });
    const cleared = await ok(app, SET, { input: { userId: member.id, monthlyTokenLimit: null } }, t.ownerKey);
    expect(cleared.setUserBudget).toMatchObject({
      budgetOverride: null,
      budgetStatus: { daily: { limit: 10_000 }, monthly: { limit: 100_000 } },
    });
  });

  it('refuses a limit above the plan or below zero, changing nothing', async () => {
    expectCode(
      await gql(app, SET, { input: { userId: member.id, dailyTokenLimit: 10_001 } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, SET, { input: { userId: member.id, monthlyTokenLimit: -1 } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    const s = await ok(app, STATUS, { id: member.id }, t.ownerKey);
    expect(s.budgetStatus.daily.limit).toBe(10_000);
  });

  it('lets ADMIN+ read anyone and a MEMBER only itself; a service key must name the user', async () => {
    await ok(app, STATUS, { id: member.id }, t.ownerKey);
    expectCode(await gql(app, STATUS, { id: t.ownerId }, member.key), 'FORBIDDEN');
    const svc = await ok(app, SERVICE_KEY, {}, t.ownerKey);
    expectCode(await gql(app, STATUS, {}, svc.createApiKey.secret), 'BAD_USER_INPUT');
    await ok(app, STATUS, { id: member.id }, svc.createApiKey.secret);
    const users = await ok(app, USERS, {}, t.ownerKey);
    expect(users.users.edges.every((e) => e.node.budgetStatus.daily.limit === 10_000)).toBe(true);
  });
});
