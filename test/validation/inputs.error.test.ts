import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectCode, gql, gqlText, ok, signUp, type GqlResponse, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';
import type { CreateUserInput } from '../__generated__/graphql.js';

const CREATE_USER = graphql(`
  mutation InputsCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
const COUNT = graphql(`
  query InputsCount {
    users(first: 100) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const NEGATIVE_PAGE = graphql(`
  query InputsNegativePage {
    users(first: -1) {
      edges {
        cursor
      }
    }
  }
`);
const HUGE_PAGE = graphql(`
  query InputsHugePage {
    users(first: 100000) {
      edges {
        cursor
      }
    }
  }
`);
const FORGED_CURSOR = graphql(`
  query InputsForgedCursor {
    users(after: "garbage!!") {
      edges {
        cursor
      }
    }
  }
`);
const CREATE_AGENT = graphql(`
  mutation InputsCreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      id
    }
  }
`);
const AGENTS = graphql(`
  query InputsAgents {
    agents {
      slug
    }
  }
`);
const SIGN_UP = graphql(`
  mutation InputsSignUp($input: CreateTenantInput!) {
    createTenant(input: $input) {
      secret
    }
  }
`);
const UPDATE_TENANT = graphql(`
  mutation InputsUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      id
    }
  }
`);
const TENANT_SETTINGS = graphql(`
  mutation InputsTenantSettings($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      name
      alertWebhookUrl
      alertThresholds {
        dailySpendMultiplier
        userBudgetSharePercent
        runCostUsd
      }
    }
  }
`);

/** Bad input answers a coded GraphQL error, never a 500, and writes nothing. */
describe('bad input', () => {
  let app: TestApp;
  let t: Tenant;
  let before: number;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const userCount = async () => (await ok(app, COUNT, {}, t.ownerKey)).users.edges.length;

  const createUser = (input: CreateUserInput) => () => gql(app, CREATE_USER, { input }, t.ownerKey);
  // Variables that are not a CreateUserInput at all: no typed call can send them.
  const createUserUnchecked = (input: Record<string, unknown>) => () =>
    gqlText(app, print(CREATE_USER), { input }, t.ownerKey);
  const cases: [string, () => Promise<GqlResponse<unknown>>][] = [
    ['a malformed email', createUser({ email: 'not-an-email' })],
    ['an empty name', createUser({ email: 'ok@example.com', name: '   ' })],
    ['a 10,000-character name', createUser({ email: 'ok@example.com', name: 'x'.repeat(10_000) })],
    ['an unknown role', createUserUnchecked({ email: 'ok@example.com', role: 'SUPERUSER' })],
    ['a name with control characters', createUser({ email: 'ok@example.com', name: 'a\u0000b' })],
    ['a missing required field', createUserUnchecked({})],
    ['a negative page size', () => gql(app, NEGATIVE_PAGE, {}, t.ownerKey)],
    ['a huge page size', () => gql(app, HUGE_PAGE, {}, t.ownerKey)],
    ['a forged cursor', () => gql(app, FORGED_CURSOR, {}, t.ownerKey)],
  ];

  it.each(cases)('refuses %s with BAD_USER_INPUT', async (_, send) => {
    before ??= await userCount();
    expectCode(await send(), 'BAD_USER_INPUT');
    expect(await userCount()).toBe(before);
  });

  it('refuses negative and out-of-range agent limits', async () => {
    for (const bad of [
      { contextTokenBudget: -5 },
      { cacheTtlSeconds: -1 },
      { contextTokenBudget: 2 ** 31 - 1 },
      { instructions: '' },
      { slug: '-bad-' },
    ]) {
      expectCode(
        await gql(app, CREATE_AGENT, { input: { name: 'Agent', instructions: 'x', ...bad } }, t.ownerKey),
        'BAD_USER_INPUT',
      );
    }
    const agents = await ok(app, AGENTS, {}, t.ownerKey);
    expect(agents.agents.map((a) => a.slug)).toEqual(['assistant']);
  });

  it('refuses bad sign-ups and tenant settings', async () => {
    expectCode(await gql(app, SIGN_UP, { input: { name: '', ownerEmail: 'a@example.com' } }), 'BAD_USER_INPUT');
    expectCode(await gql(app, SIGN_UP, { input: { name: 'Ok', ownerEmail: 'nope' } }), 'BAD_USER_INPUT');
    expectCode(
      await gql(app, SIGN_UP, { input: { name: 'Ok', ownerEmail: 'a@example.com', slug: 'Has Spaces' } }),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, UPDATE_TENANT, { input: { alertWebhookUrl: 'ftp://example.com' } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, UPDATE_TENANT, { input: { alertThresholds: { userBudgetSharePercent: 150 } } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(await gql(app, UPDATE_TENANT, { input: {} }, t.ownerKey), 'BAD_USER_INPUT');
  });

  it('answers syntax errors, unknown fields and alias floods with BAD_USER_INPUT, not a 500', async () => {
    expectCode(await gqlText(app, '{ viewer { ', {}, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(await gqlText(app, '{ viewer { nope } }', {}, t.ownerKey), 'BAD_USER_INPUT');
    const flood = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { tenant { id } }`).join(' ');
    expectCode(await gqlText(app, `{ ${flood} }`, {}, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(await gqlText(app, `{ ${'viewer { tenant { id } } '.repeat(2000)} }`, {}, t.ownerKey), 'BAD_USER_INPUT');
  });

  it('updates tenant settings and reads them back', async () => {
    const res = await ok(
      app,
      TENANT_SETTINGS,
      {
        input: {
          name: 'New Name',
          alertWebhookUrl: 'https://hooks.example.com/x',
          alertThresholds: { runCostUsd: 2.5 },
        },
      },
      t.ownerKey,
    );
    expect(res.updateTenant).toEqual({
      name: 'New Name',
      alertWebhookUrl: 'https://hooks.example.com/x',
      alertThresholds: { dailySpendMultiplier: 2, userBudgetSharePercent: 10, runCostUsd: 2.5 },
    });
    const cleared = await ok(app, TENANT_SETTINGS, { input: { alertWebhookUrl: '' } }, t.ownerKey);
    expect(cleared.updateTenant.alertWebhookUrl).toBeNull();
  });
});
