import type { ResultOf } from '@graphql-typed-document-node/core';
import { buildSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/server.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { expectCode, gql, ok, unique } from '../helpers/graphql.js';
import { operation, securityTrio, sharedWorld, type Operation } from '../helpers/security.js';
import { graphql } from '../__generated__/gql.js';

const VIEWER = graphql(`
  query TrioViewer {
    viewer {
      tenant {
        id
      }
    }
  }
`);
const PLANS = graphql(`
  query TrioPlans {
    plans {
      key
    }
  }
`);
const MODELS = graphql(`
  query TrioModels {
    models {
      id
    }
  }
`);
const USERS = graphql(`
  query TrioUsers {
    users {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const USER = graphql(`
  query TrioUser($id: ID!) {
    user(id: $id) {
      id
      email
    }
  }
`);
const API_KEYS = graphql(`
  query TrioApiKeys {
    apiKeys {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const AGENTS = graphql(`
  query TrioAgents {
    agents {
      id
    }
  }
`);
const AGENT = graphql(`
  query TrioAgent($id: String!) {
    agent(idOrSlug: $id) {
      id
      instructions
    }
  }
`);
const UPDATE_TENANT = graphql(`
  mutation TrioUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      id
    }
  }
`);
const CREATE_USER = graphql(`
  mutation TrioCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
const UPDATE_USER = graphql(`
  mutation TrioUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
    }
  }
`);
const CREATE_API_KEY = graphql(`
  mutation TrioCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
    }
  }
`);
const REVOKE_API_KEY = graphql(`
  mutation TrioRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);
const CREATE_AGENT = graphql(`
  mutation TrioCreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      id
    }
  }
`);
const UPDATE_AGENT = graphql(`
  mutation TrioUpdateAgent($input: UpdateAgentInput!) {
    updateAgent(input: $input) {
      id
    }
  }
`);
const ARCHIVE_AGENT = graphql(`
  mutation TrioArchiveAgent($id: ID!) {
    archiveAgent(id: $id) {
      id
    }
  }
`);
const BUDGET_STATUS = graphql(`
  query TrioBudgetStatus($id: ID) {
    budgetStatus(userId: $id) {
      daily {
        used
      }
    }
  }
`);
const SET_USER_BUDGET = graphql(`
  mutation TrioSetUserBudget($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);
const RUN_AGENT = graphql(`
  mutation TrioRunAgent($input: RunAgentInput!) {
    runAgent(input: $input) {
      __typename
    }
  }
`);
const RUN_AGENT_EVENTS = graphql(`
  subscription TrioRunAgentEvents($input: RunAgentInput!) {
    runAgentEvents(input: $input) {
      __typename
    }
  }
`);
const START_UPGRADE = graphql(`
  mutation TrioStartUpgrade {
    startUpgrade(planKey: "growth") {
      __typename
    }
  }
`);
const BILLING_PORTAL = graphql(`
  mutation TrioBillingPortal {
    openBillingPortal {
      url
    }
  }
`);
const ROUTE_PREVIEW = graphql(`
  query TrioRoutePreview($agent: String!) {
    routePreview(agent: $agent, message: "hello") {
      wouldConsultClassifier
    }
  }
`);
const RUN_OUTCOMES = graphql(`
  query TrioRunOutcomes {
    runOutcomes(from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") {
      runs
    }
  }
`);
const START_SESSION = graphql(`
  mutation TrioStartSession {
    startSession {
      expiresAt
    }
  }
`);
const AGENT_RUNS = graphql(`
  query TrioAgentRuns {
    agentRuns {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const USAGE = graphql(`
  query TrioUsage {
    usage(from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z", groupBy: [USER]) {
      runs
    }
  }
`);

const ALERTS = graphql(`
  query TrioAlerts {
    alerts {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const TEST_ALERT_WEBHOOK = graphql(`
  mutation TrioTestAlertWebhook {
    testAlertWebhook {
      id
    }
  }
`);
const ROTATE_ALERT_SECRET = graphql(`
  mutation TrioRotateAlertSecret {
    rotateAlertSigningSecret {
      createdAt
    }
  }
`);

const operations: Operation[] = [
  operation(VIEWER)({ name: 'viewer', variables: () => ({}) }),
  operation(PLANS)({ name: 'plans', variables: () => ({}) }),
  operation(MODELS)({ name: 'models', variables: () => ({}) }),
  operation(USERS)({ name: 'users', variables: () => ({}), minRole: 'ADMIN' }),
  operation(USER)({
    name: 'user',
    variables: (w) => ({ id: w.a.ownerId }),
    foreign: (w) => ({ id: w.b.ownerId }),
    minRole: 'ADMIN',
  }),
  operation(API_KEYS)({ name: 'apiKeys', variables: () => ({}), minRole: 'ADMIN' }),
  operation(AGENTS)({ name: 'agents', variables: () => ({}) }),
  operation(AGENT)({
    name: 'agent',
    variables: (w) => ({ id: w.a.agentId }),
    foreign: (w) => ({ id: w.b.agentId }),
  }),
  operation(UPDATE_TENANT)({
    name: 'updateTenant',
    variables: () => ({ input: { name: 'Renamed' } }),
    minRole: 'ADMIN',
  }),
  operation(CREATE_USER)({
    name: 'createUser',
    variables: () => ({ input: { email: `${unique()}@example.com` } }),
    minRole: 'ADMIN',
  }),
  operation(UPDATE_USER)({
    name: 'updateUser',
    variables: (w) => ({ input: { id: w.a.member.id, name: 'Changed' } }),
    foreign: (w) => ({ input: { id: w.b.member.id, name: 'Hijacked' } }),
    minRole: 'ADMIN',
  }),
  operation(CREATE_API_KEY)({
    name: 'createApiKey (service)',
    variables: () => ({ input: { name: 'svc', kind: 'SERVICE' } }),
    minRole: 'ADMIN',
  }),
  operation(CREATE_API_KEY)({
    name: 'createApiKey (for a user)',
    variables: (w) => ({ input: { name: 'k', kind: 'USER', userId: w.a.ownerId } }),
    foreign: (w) => ({ input: { name: 'k', kind: 'USER', userId: w.b.member.id } }),
    minRole: 'ADMIN',
  }),
  operation(REVOKE_API_KEY)({
    name: 'revokeApiKey',
    variables: () => ({ id: 'key_00000000000000000000000000' }),
    foreign: (w) => ({ id: w.b.memberKeyId }),
  }),
  operation(CREATE_AGENT)({
    name: 'createAgent',
    variables: () => ({ input: { name: unique('Bot '), instructions: 'Be brief.' } }),
    minRole: 'ADMIN',
  }),
  operation(UPDATE_AGENT)({
    name: 'updateAgent',
    variables: (w) => ({ input: { id: w.a.agentId, instructions: 'Changed.' } }),
    foreign: (w) => ({ input: { id: w.b.agentId, instructions: 'Hijacked.' } }),
    minRole: 'ADMIN',
  }),
  operation(ARCHIVE_AGENT)({
    name: 'archiveAgent',
    variables: () => ({ id: 'agt_00000000000000000000000000' }),
    foreign: (w) => ({ id: w.b.agentId }),
    minRole: 'ADMIN',
  }),
  operation(BUDGET_STATUS)({
    name: 'budgetStatus',
    variables: (w) => ({ id: w.a.ownerId }),
    foreign: (w) => ({ id: w.b.member.id }),
    minRole: 'ADMIN',
  }),
  operation(SET_USER_BUDGET)({
    name: 'setUserBudget',
    variables: (w) => ({ input: { userId: w.a.member.id, dailyTokenLimit: 10 } }),
    foreign: (w) => ({ input: { userId: w.b.member.id, dailyTokenLimit: 10 } }),
    minRole: 'ADMIN',
  }),
  operation(RUN_AGENT)({
    name: 'runAgent',
    variables: (w) => ({ input: { agent: w.a.agentId, message: 'hello' } }),
    foreign: (w) => ({ input: { agent: w.b.agentId, message: 'hello' } }),
  }),
  operation(RUN_AGENT_EVENTS)({
    name: 'runAgentEvents',
    variables: (w) => ({ input: { agent: w.a.agentId, message: 'hello' } }),
    foreign: (w) => ({ input: { agent: w.b.agentId, message: 'hello' } }),
  }),
  operation(AGENT_RUNS)({ name: 'agentRuns', variables: () => ({}) }),
  // A MEMBER may ask: it counts its own runs (the closest-to-limit tests check whose).
  operation(RUN_OUTCOMES)({ name: 'runOutcomes', variables: () => ({}) }),
  operation(START_SESSION)({ name: 'startSession', variables: () => ({}) }),
  operation(ROUTE_PREVIEW)({
    name: 'routePreview',
    variables: (w) => ({ agent: w.a.agentId }),
    foreign: (w) => ({ agent: w.b.agentId }),
  }),
  operation(START_UPGRADE)({ name: 'startUpgrade', variables: () => ({}), minRole: 'ADMIN' }),
  operation(BILLING_PORTAL)({ name: 'openBillingPortal', variables: () => ({}), minRole: 'ADMIN' }),
  // A MEMBER may ask: it gets its own usage (the usage tests check whose rows it gets).
  operation(USAGE)({ name: 'usage', variables: () => ({}) }),
  operation(ALERTS)({ name: 'alerts', variables: () => ({}), minRole: 'ADMIN' }),
  operation(TEST_ALERT_WEBHOOK)({ name: 'testAlertWebhook', variables: () => ({}), minRole: 'ADMIN' }),
  operation(ROTATE_ALERT_SECRET)({ name: 'rotateAlertSigningSecret', variables: () => ({}), minRole: 'ADMIN' }),
];

securityTrio(operations);

/** Root fields with a security test of their own instead of the trio (they take no tenant key). */
const OUTSIDE_THE_TRIO: Record<string, string> = {
  createTenant: 'sign-up: anonymous while open, the operator token otherwise (create-tenant tests)',
  setModelPrice: 'operator only (below)',
  setPlanStripePrice: 'operator only (billing webhook security tests)',
  rateRun: "needs a run: the routing feedback tests rate one, and another tenant's run id gets NOT_FOUND",
  endSession: 'needs a session (a key gets BAD_USER_INPUT): the sessions tests end one and see it refused after',
  acknowledgeAlert: "needs an alert: the alert rules test acknowledges one, and another tenant's gets NOT_FOUND",
};

describe('the trio table', () => {
  it('covers every root field of the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((t) => (t ? Object.keys(t.getFields()) : []));
    const covered = new Set(
      operations.map((op) => {
        const def = op.document.definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        )!;
        const first = def.selectionSet.selections[0]!;
        return first.kind === Kind.FIELD ? first.name.value : '';
      }),
    );
    expect(fields.filter((f) => !covered.has(f) && !(f in OUTSIDE_THE_TRIO))).toEqual([]);
  });
});

const RUN_ID = graphql(`
  mutation TenantRunId($input: RunAgentInput!) {
    runAgent(input: $input) {
      ... on AgentRunCompleted {
        run {
          id
        }
      }
    }
  }
`);
type RunIdCompleted = Extract<ResultOf<typeof RUN_ID>['runAgent'], { run: unknown }>;
const RUN_IDS = graphql(`
  query TenantRunIds {
    agentRuns(first: 100) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const RUNS_OF = graphql(`
  query TenantRunsOf($u: ID) {
    agentRuns(filter: { userId: $u }) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const OWN_RUNS = graphql(`
  query TenantOwnRuns {
    agentRuns {
      edges {
        node {
          user {
            id
          }
        }
      }
    }
  }
`);

describe('runs stay within their tenant', () => {
  it("never lists another tenant's runs, nor lets a MEMBER see another user's", async () => {
    const w = await sharedWorld();
    const input = { agent: 'assistant', message: 'tenant b secret question' };
    const b = (await ok(w.app, RUN_ID, { input }, w.b.ownerKey)).runAgent as RunIdCompleted;
    const a = await ok(w.app, RUN_IDS, {}, w.a.ownerKey);
    expect(a.agentRuns.edges.map((e) => e.node.id)).not.toContain(b.run.id);
    const filtered = await ok(w.app, RUNS_OF, { u: w.b.ownerId }, w.a.ownerKey);
    expect(filtered.agentRuns.edges).toEqual([]);
    expectCode(await gql(w.app, RUNS_OF, { u: w.a.ownerId }, w.a.member.key), 'FORBIDDEN');
    const own = await ok(w.app, OWN_RUNS, {}, w.b.member.key);
    expect(own.agentRuns.edges.every((e) => e.node.user?.id === w.b.member.id)).toBe(true);
  });
});

const TENANT_B = graphql(`
  query ProbedTenant($u: ID!, $a: String!) {
    user(id: $u) {
      name
    }
    agent(idOrSlug: $a) {
      instructions
      version
      archived
    }
    apiKeys {
      edges {
        node {
          id
          revokedAt
        }
      }
    }
  }
`);
const OVERRIDE = graphql(`
  query ProbedOverride($u: ID!) {
    user(id: $u) {
      budgetOverride {
        dailyTokenLimit
      }
    }
  }
`);

describe('cross-tenant probes change nothing', () => {
  it("leaves tenant B's member, key and agent as they were", async () => {
    const w = await sharedWorld();
    const b = await ok(w.app, TENANT_B, { u: w.b.member.id, a: w.b.agentId }, w.b.ownerKey);
    expect(b.user!.name).toBeNull();
    const budget = await ok(w.app, OVERRIDE, { u: w.b.member.id }, w.b.ownerKey);
    expect(budget.user!.budgetOverride).toBeNull();
    expect(b.agent).toMatchObject({ version: 1, archived: false });
    expect(b.agent!.instructions).not.toContain('Hijacked');
    expect(b.apiKeys.edges.every((e) => e.node.revokedAt === null)).toBe(true);
  });
});

const MEMBER_USER = graphql(`
  query MemberUser($id: ID!) {
    user(id: $id) {
      id
    }
  }
`);
const MEMBER_KEYS = graphql(`
  query MemberKeys {
    apiKeys {
      edges {
        node {
          id
          user {
            id
          }
        }
      }
    }
  }
`);

describe('a MEMBER', () => {
  it('may read itself, not another user', async () => {
    const w = await sharedWorld();
    await ok(w.app, MEMBER_USER, { id: w.a.member.id }, w.a.member.key);
    expectCode(await gql(w.app, MEMBER_USER, { id: w.a.ownerId }, w.a.member.key), 'FORBIDDEN');
  });
  it("may not revoke another user's key", async () => {
    const w = await sharedWorld();
    const keys = await ok(w.app, MEMBER_KEYS, {}, w.a.ownerKey);
    const ownerKeyId = keys.apiKeys.edges.find((e) => e.node.user?.id === w.a.ownerId)!.node.id;
    expectCode(await gql(w.app, REVOKE_API_KEY, { id: ownerKeyId }, w.a.member.key), 'FORBIDDEN');
  });
});

describe('setModelPrice (operator only)', () => {
  const doc = graphql(`
    mutation OperatorPrice($input: SetModelPriceInput!) {
      setModelPrice(input: $input) {
        id
        inputPricePerMTokUsd
      }
    }
  `);
  const input = { modelId: 'ollama/llama3.2', inputPricePerMTokUsd: 0, outputPricePerMTokUsd: 0 };
  it('answers UNAUTHENTICATED without a token and FORBIDDEN to a tenant OWNER', async () => {
    const w = await sharedWorld();
    expectCode(await gql(w.app, doc, { input }), 'UNAUTHENTICATED');
    expectCode(await gql(w.app, doc, { input }, w.a.ownerKey), 'FORBIDDEN');
  });
  it('works with the operator token', async () => {
    const w = await sharedWorld();
    const res = await ok(w.app, doc, { input }, ADMIN_TOKEN);
    expect(res.setModelPrice).toEqual({ id: 'ollama/llama3.2', inputPricePerMTokUsd: 0 });
  });
});
