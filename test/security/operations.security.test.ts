import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/server.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { expectCode, gql, ok, unique } from '../helpers/graphql.js';
import { securityTrio, sharedWorld, type Operation } from '../helpers/security.js';

const operations: Operation[] = [
  { name: 'viewer', document: '{ viewer { tenant { id } } }', variables: () => ({}) },
  { name: 'plans', document: '{ plans { key } }', variables: () => ({}) },
  { name: 'models', document: '{ models { id } }', variables: () => ({}) },
  { name: 'users', document: '{ users { edges { node { id } } } }', variables: () => ({}), minRole: 'ADMIN' },
  {
    name: 'user',
    document: 'query($id: ID!) { user(id: $id) { id email } }',
    variables: (w) => ({ id: w.a.ownerId }),
    foreign: (w) => ({ id: w.b.ownerId }),
    minRole: 'ADMIN',
  },
  { name: 'apiKeys', document: '{ apiKeys { edges { node { id } } } }', variables: () => ({}), minRole: 'ADMIN' },
  { name: 'agents', document: '{ agents { id } }', variables: () => ({}) },
  {
    name: 'agent',
    document: 'query($id: String!) { agent(idOrSlug: $id) { id instructions } }',
    variables: (w) => ({ id: w.a.agentId }),
    foreign: (w) => ({ id: w.b.agentId }),
  },
  {
    name: 'updateTenant',
    document: 'mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { id } }',
    variables: () => ({ input: { name: 'Renamed' } }),
    minRole: 'ADMIN',
  },
  {
    name: 'createUser',
    document: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: () => ({ input: { email: `${unique()}@example.com` } }),
    minRole: 'ADMIN',
  },
  {
    name: 'updateUser',
    document: 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
    variables: (w) => ({ input: { id: w.a.member.id, name: 'Changed' } }),
    foreign: (w) => ({ input: { id: w.b.member.id, name: 'Hijacked' } }),
    minRole: 'ADMIN',
  },
  {
    name: 'createApiKey (service)',
    document: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    variables: () => ({ input: { name: 'svc', kind: 'SERVICE' } }),
    minRole: 'ADMIN',
  },
  {
    name: 'createApiKey (for a user)',
    document: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    variables: (w) => ({ input: { name: 'k', kind: 'USER', userId: w.a.ownerId } }),
    foreign: (w) => ({ input: { name: 'k', kind: 'USER', userId: w.b.member.id } }),
    minRole: 'ADMIN',
  },
  {
    name: 'revokeApiKey',
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: () => ({ id: 'key_00000000000000000000000000' }),
    foreign: (w) => ({ id: w.b.memberKeyId }),
  },
  {
    name: 'createAgent',
    document: 'mutation($input: CreateAgentInput!) { createAgent(input: $input) { id } }',
    variables: () => ({ input: { name: unique('Bot '), instructions: 'Be brief.' } }),
    minRole: 'ADMIN',
  },
  {
    name: 'updateAgent',
    document: 'mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { id } }',
    variables: (w) => ({ input: { id: w.a.agentId, instructions: 'Changed.' } }),
    foreign: (w) => ({ input: { id: w.b.agentId, instructions: 'Hijacked.' } }),
    minRole: 'ADMIN',
  },
  {
    name: 'archiveAgent',
    document: 'mutation($id: ID!) { archiveAgent(id: $id) { id } }',
    variables: () => ({ id: 'agt_00000000000000000000000000' }),
    foreign: (w) => ({ id: w.b.agentId }),
    minRole: 'ADMIN',
  },
  {
    name: 'budgetStatus',
    document: 'query($id: ID) { budgetStatus(userId: $id) { daily { used } } }',
    variables: (w) => ({ id: w.a.ownerId }),
    foreign: (w) => ({ id: w.b.member.id }),
    minRole: 'ADMIN',
  },
  {
    name: 'setUserBudget',
    document: 'mutation($input: SetUserBudgetInput!) { setUserBudget(input: $input) { id } }',
    variables: (w) => ({ input: { userId: w.a.member.id, dailyTokenLimit: 10 } }),
    foreign: (w) => ({ input: { userId: w.b.member.id, dailyTokenLimit: 10 } }),
    minRole: 'ADMIN',
  },
  {
    name: 'runAgent',
    document: 'mutation($input: RunAgentInput!) { runAgent(input: $input) { __typename } }',
    variables: (w) => ({ input: { agent: w.a.agentId, message: 'hello' } }),
    foreign: (w) => ({ input: { agent: w.b.agentId, message: 'hello' } }),
  },
  { name: 'agentRuns', document: '{ agentRuns { edges { node { id } } } }', variables: () => ({}) },
];

securityTrio(operations);

/** Root fields with a security test of their own instead of the trio (they take no tenant key). */
const OUTSIDE_THE_TRIO: Record<string, string> = {
  createTenant: 'sign-up: anonymous while open, the operator token otherwise (create-tenant tests)',
  setModelPrice: 'operator only (below)',
};

describe('the trio table', () => {
  it('covers every root field of the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((t) => (t ? Object.keys(t.getFields()) : []));
    const covered = new Set(
      operations.map((op) => {
        const def = parse(op.document).definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        )!;
        const first = def.selectionSet.selections[0]!;
        return first.kind === Kind.FIELD ? first.name.value : '';
      }),
    );
    expect(fields.filter((f) => !covered.has(f) && !(f in OUTSIDE_THE_TRIO))).toEqual([]);
  });
});

describe('runs stay within their tenant', () => {
  it("never lists another tenant's runs, nor lets a MEMBER see another user's", async () => {
    const w = await sharedWorld();
    const RUN =
      'mutation($input: RunAgentInput!) { runAgent(input: $input) { ... on AgentRunCompleted { run { id } } } }';
    const b = await ok<any>(
      w.app,
      RUN,
      { input: { agent: 'assistant', message: 'tenant b secret question' } },
      w.b.ownerKey,
    );
    const a = await ok<any>(w.app, '{ agentRuns(first: 100) { edges { node { id } } } }', {}, w.a.ownerKey);
    expect(a.agentRuns.edges.map((e: any) => e.node.id)).not.toContain(b.runAgent.run.id);
    const filtered = await ok<any>(
      w.app,
      'query($u: ID) { agentRuns(filter: { userId: $u }) { edges { node { id } } } }',
      { u: w.b.ownerId },
      w.a.ownerKey,
    );
    expect(filtered.agentRuns.edges).toEqual([]);
    expectCode(
      await gql(
        w.app,
        'query($u: ID) { agentRuns(filter: { userId: $u }) { edges { node { id } } } }',
        { u: w.a.ownerId },
        w.a.member.key,
      ),
      'FORBIDDEN',
    );
    const own = await ok<any>(w.app, '{ agentRuns { edges { node { user { id } } } } }', {}, w.b.member.key);
    expect(own.agentRuns.edges.every((e: any) => e.node.user?.id === w.b.member.id)).toBe(true);
  });
});

describe('cross-tenant probes change nothing', () => {
  it("leaves tenant B's member, key and agent as they were", async () => {
    const w = await sharedWorld();
    const b = await ok<any>(
      w.app,
      `query($u: ID!, $a: String!) { user(id: $u) { name } agent(idOrSlug: $a) { instructions version archived }
         apiKeys { edges { node { id revokedAt } } } }`,
      { u: w.b.member.id, a: w.b.agentId },
      w.b.ownerKey,
    );
    expect(b.user.name).toBeNull();
    const budget = await ok<any>(
      w.app,
      'query($u: ID!) { user(id: $u) { budgetOverride { dailyTokenLimit } } }',
      { u: w.b.member.id },
      w.b.ownerKey,
    );
    expect(budget.user.budgetOverride).toBeNull();
    expect(b.agent).toMatchObject({ version: 1, archived: false });
    expect(b.agent.instructions).not.toContain('Hijacked');
    expect(b.apiKeys.edges.every((e: any) => e.node.revokedAt === null)).toBe(true);
  });
});

describe('a MEMBER', () => {
  it('may read itself, not another user', async () => {
    const w = await sharedWorld();
    await ok(w.app, 'query($id: ID!) { user(id: $id) { id } }', { id: w.a.member.id }, w.a.member.key);
    expectCode(
      await gql(w.app, 'query($id: ID!) { user(id: $id) { id } }', { id: w.a.ownerId }, w.a.member.key),
      'FORBIDDEN',
    );
  });
  it("may not revoke another user's key", async () => {
    const w = await sharedWorld();
    const keys = await ok<any>(w.app, '{ apiKeys { edges { node { id user { id } } } } }', {}, w.a.ownerKey);
    const ownerKeyId = keys.apiKeys.edges.find((e: any) => e.node.user?.id === w.a.ownerId).node.id;
    expectCode(
      await gql(w.app, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: ownerKeyId }, w.a.member.key),
      'FORBIDDEN',
    );
  });
});

describe('setModelPrice (operator only)', () => {
  const doc = `mutation($input: SetModelPriceInput!) { setModelPrice(input: $input) { id inputPricePerMTokUsd } }`;
  const input = { modelId: 'ollama/llama3.2', inputPricePerMTokUsd: 0, outputPricePerMTokUsd: 0 };
  it('answers UNAUTHENTICATED without a token and FORBIDDEN to a tenant OWNER', async () => {
    const w = await sharedWorld();
    expectCode(await gql(w.app, doc, { input }), 'UNAUTHENTICATED');
    expectCode(await gql(w.app, doc, { input }, w.a.ownerKey), 'FORBIDDEN');
  });
  it('works with the operator token', async () => {
    const w = await sharedWorld();
    const res = await ok<any>(w.app, doc, { input }, ADMIN_TOKEN);
    expect(res.setModelPrice).toEqual({ id: 'ollama/llama3.2', inputPricePerMTokUsd: 0 });
  });
});
