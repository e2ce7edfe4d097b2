import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';
import type { CreateAgentInput } from '../__generated__/graphql.js';

// What every agent mutation below returns: spread by name, codegen adds its definition.
graphql(`
  fragment AgentFields on Agent {
    id
    slug
    name
    instructions
    version
    archived
    routing
    cheapModel {
      id
    }
    strongModel {
      id
    }
    localModel {
      id
      tier
    }
    cacheTtlSeconds
    contextTokenBudget
    tools
    storeTranscripts
  }
`);
const CREATE = graphql(`
  mutation AgentsCreate($input: CreateAgentInput!) {
    createAgent(input: $input) {
      ...AgentFields
    }
  }
`);
const UPDATE = graphql(`
  mutation AgentsUpdate($input: UpdateAgentInput!) {
    updateAgent(input: $input) {
      ...AgentFields
    }
  }
`);
const ARCHIVE = graphql(`
  mutation AgentsArchive($id: ID!) {
    archiveAgent(id: $id) {
      ...AgentFields
    }
  }
`);
const VERSION = graphql(`
  query AgentsVersion($k: String!) {
    agent(idOrSlug: $k) {
      id
      version
    }
  }
`);
const ARCHIVED = graphql(`
  query AgentsArchived($k: String!) {
    agent(idOrSlug: $k) {
      archived
    }
  }
`);
const LISTS = graphql(`
  query AgentsLists {
    agents {
      id
    }
    all: agents(includeArchived: true) {
      id
    }
  }
`);
const TEMP = graphql(`
  query AgentsTemp {
    agent(idOrSlug: "temp") {
      id
    }
  }
`);
const ASSISTANT = graphql(`
  query AgentsAssistant {
    agent(idOrSlug: "assistant") {
      slug
    }
  }
`);

describe('agents', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('creates an agent with the documented defaults', async () => {
    const { createAgent } = await ok(
      app,
      CREATE,
      { input: { name: 'Support Bot', instructions: 'Help customers.' } },
      t.ownerKey,
    );
    expect(createAgent).toMatchObject({
      slug: 'support-bot',
      version: 1,
      archived: false,
      routing: 'HEURISTIC',
      cheapModel: { id: 'sim/sim-small' },
      strongModel: { id: 'sim/sim-large' },
      localModel: null,
      cacheTtlSeconds: 3600,
      contextTokenBudget: 8000,
      tools: [],
      storeTranscripts: false,
    });
  });

  it('takes explicit models, tools and routing, and checks the models', async () => {
    const input: CreateAgentInput = {
      name: 'Coder',
      slug: 'coder',
      instructions: 'Write code.',
      routing: 'CLASSIFIER',
      cheapModel: 'openai/gpt-4o-mini',
      strongModel: 'anthropic/claude-sonnet-4-5',
      localModel: 'ollama/llama3.2',
      tools: ['calculator', 'current_time'],
      cacheTtlSeconds: 0,
    };
    const { createAgent } = await ok(app, CREATE, { input }, t.ownerKey);
    expect(createAgent).toMatchObject({
      routing: 'CLASSIFIER',
      localModel: { id: 'ollama/llama3.2', tier: 'LOCAL' },
      tools: ['calculator', 'current_time'],
    });
    expectCode(
      await gql(app, CREATE, { input: { ...input, slug: 'coder-2', cheapModel: 'openai/gpt-99' } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, CREATE, { input: { ...input, slug: 'coder-3', localModel: 'openai/gpt-4o' } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(
      await gql(app, CREATE, { input: { ...input, slug: 'coder-4', tools: ['rm_rf'] } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    // A STRONG model as the cheap one would slip past a plan without STRONG.
    expectCode(
      await gql(app, CREATE, { input: { ...input, slug: 'coder-5', cheapModel: 'openai/gpt-4o' } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
    expectCode(await gql(app, CREATE, { input }, t.ownerKey), 'CONFLICT');
  });

  it('bumps the version on every update and finds agents by id or slug', async () => {
    const { createAgent } = await ok(app, CREATE, { input: { name: 'Versioned', instructions: 'v1' } }, t.ownerKey);
    const { updateAgent } = await ok(
      app,
      UPDATE,
      { input: { id: createAgent.id, instructions: 'v2', routing: 'FIXED_STRONG' } },
      t.ownerKey,
    );
    expect(updateAgent).toMatchObject({ version: 2, instructions: 'v2', routing: 'FIXED_STRONG', name: 'Versioned' });
    const again = await ok(app, UPDATE, { input: { id: createAgent.id, name: 'Versioned Two' } }, t.ownerKey);
    expect(again.updateAgent.version).toBe(3);
    const bySlug = await ok(app, VERSION, { k: 'versioned' }, t.ownerKey);
    expect(bySlug.agent).toEqual({ id: createAgent.id, version: 3 });
  });

  it('archives instead of deleting: the agent stays readable by id and its slug is free again', async () => {
    const { createAgent } = await ok(
      app,
      CREATE,
      { input: { name: 'Temp', slug: 'temp', instructions: 'x' } },
      t.ownerKey,
    );
    const { archiveAgent } = await ok(app, ARCHIVE, { id: createAgent.id }, t.ownerKey);
    expect(archiveAgent.archived).toBe(true);
    const list = await ok(app, LISTS, {}, t.ownerKey);
    expect(list.agents.map((a) => a.id)).not.toContain(createAgent.id);
    expect(list.all.map((a) => a.id)).toContain(createAgent.id);
    const byId = await ok(app, ARCHIVED, { k: createAgent.id }, t.ownerKey);
    expect(byId.agent!.archived).toBe(true);
    expectCode(await gql(app, TEMP, {}, t.ownerKey), 'NOT_FOUND');
    expectCode(await gql(app, UPDATE, { input: { id: createAgent.id, name: 'Nope' } }, t.ownerKey), 'CONFLICT');
    await ok(app, CREATE, { input: { name: 'Temp again', slug: 'temp', instructions: 'y' } }, t.ownerKey);
  });

  it('lets a MEMBER read agents but not change them', async () => {
    const { addUser } = await import('../helpers/graphql.js');
    const member = await addUser(app, t, 'MEMBER');
    const res = await ok(app, ASSISTANT, {}, member.key);
    expect(res.agent!.slug).toBe('assistant');
    expectCode(await gql(app, CREATE, { input: { name: 'Mine', instructions: 'x' } }, member.key), 'FORBIDDEN');
  });
});
