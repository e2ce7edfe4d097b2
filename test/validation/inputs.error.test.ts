import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const COUNT = '{ users(first: 100) { edges { node { id } } } }';

/** Bad input answers a coded GraphQL error, never a 500, and writes nothing. */
describe('bad input', () => {
  let app: TestApp;
  let t: Tenant;
  let before: number;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const userCount = async () => (await ok<any>(app, COUNT, {}, t.ownerKey)).users.edges.length;

  const cases: [string, string, Record<string, unknown>][] = [
    ['a malformed email', CREATE_USER, { input: { email: 'not-an-email' } }],
    ['an empty name', CREATE_USER, { input: { email: 'ok@example.com', name: '   ' } }],
    ['a 10,000-character name', CREATE_USER, { input: { email: 'ok@example.com', name: 'x'.repeat(10_000) } }],
    ['an unknown role', CREATE_USER, { input: { email: 'ok@example.com', role: 'SUPERUSER' } }],
    ['a name with control characters', CREATE_USER, { input: { email: 'ok@example.com', name: 'a\u0000b' } }],
    ['a missing required field', CREATE_USER, { input: {} }],
    ['a negative page size', '{ users(first: -1) { edges { cursor } } }', {}],
    ['a huge page size', '{ users(first: 100000) { edges { cursor } } }', {}],
    ['a forged cursor', '{ users(after: "garbage!!") { edges { cursor } } }', {}],
  ];

  it.each(cases)('refuses %s with BAD_USER_INPUT', async (_, doc, vars) => {
    before ??= await userCount();
    expectCode(await gql(app, doc, vars, t.ownerKey), 'BAD_USER_INPUT');
    expect(await userCount()).toBe(before);
  });

  it('refuses negative and out-of-range agent limits', async () => {
    const doc = 'mutation($input: CreateAgentInput!) { createAgent(input: $input) { id } }';
    for (const bad of [
      { contextTokenBudget: -5 },
      { cacheTtlSeconds: -1 },
      { contextTokenBudget: 2 ** 31 - 1 },
      { instructions: '' },
      { slug: '-bad-' },
    ]) {
      expectCode(
        await gql(app, doc, { input: { name: 'Agent', instructions: 'x', ...bad } }, t.ownerKey),
        'BAD_USER_INPUT',
      );
    }
    const agents = await ok<any>(app, '{ agents { slug } }', {}, t.ownerKey);
    expect(agents.agents.map((a: any) => a.slug)).toEqual(['assistant']);
  });

  it('refuses bad sign-ups and tenant settings', async () => {
    const doc = 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { secret } }';
    expectCode(await gql(app, doc, { input: { name: '', ownerEmail: 'a@example.com' } }), 'BAD_USER_INPUT');
    expectCode(await gql(app, doc, { input: { name: 'Ok', ownerEmail: 'nope' } }), 'BAD_USER_INPUT');
    expectCode(
      await gql(app, doc, { input: { name: 'Ok', ownerEmail: 'a@example.com', slug: 'Has Spaces' } }),
      'BAD_USER_INPUT',
    );
    const upd = 'mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { id } }';
    expectCode(await gql(app, upd, { input: { alertWebhookUrl: 'ftp://example.com' } }, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(
      await gql(app, upd, { input: { alertThresholds: { userBudgetSharePercent: 150 } } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(await gql(app, upd, { input: {} }, t.ownerKey), 'BAD_USER_INPUT');
  });

  it('answers syntax errors, unknown fields and alias floods with BAD_USER_INPUT, not a 500', async () => {
    expectCode(await gql(app, '{ viewer { ', {}, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(await gql(app, '{ viewer { nope } }', {}, t.ownerKey), 'BAD_USER_INPUT');
    const flood = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { tenant { id } }`).join(' ');
    expectCode(await gql(app, `{ ${flood} }`, {}, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(await gql(app, `{ ${'viewer { tenant { id } } '.repeat(2000)} }`, {}, t.ownerKey), 'BAD_USER_INPUT');
  });

  it('updates tenant settings and reads them back', async () => {
    const upd =
      'mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { name alertWebhookUrl alertThresholds { dailySpendMultiplier userBudgetSharePercent runCostUsd } } }';
    const res = await ok<any>(
      app,
      upd,
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
    const cleared = await ok<any>(app, upd, { input: { alertWebhookUrl: '' } }, t.ownerKey);
    expect(cleared.updateTenant.alertWebhookUrl).toBeNull();
  });
});
