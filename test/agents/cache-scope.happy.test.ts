import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgent } from '../helpers/runs.js';

const CREATE = graphql(`
  mutation CacheScopeAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      slug
      cacheScope
    }
  }
`);

/** A cached answer is shared by the tenant's users (a FAQ agent), or kept to the user who asked. */
describe('the response cache scope', () => {
  let app: TestApp;
  let t: Tenant;
  let member: { id: string; key: string };
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
    member = await addUser(app, t, 'MEMBER');
  });

  it('is the tenant by default: another user gets the cached answer', async () => {
    const faq = await ok(app, CREATE, { input: { name: 'FAQ', instructions: 'Answer FAQs.' } }, t.ownerKey);
    expect(faq.createAgent.cacheScope).toBe('TENANT');
    const first = await runAgent(app, t.ownerKey, {
      agent: faq.createAgent.slug,
      message: 'What are your opening hours?',
    });
    const second = await runAgent(app, member.key, {
      agent: faq.createAgent.slug,
      message: 'What are your opening hours?',
    });
    expect(first.run.status).toBe('COMPLETED');
    expect(second.run.status).toBe('CACHED');
  });

  it('is the user with cacheScope USER: another user is answered afresh, the same user from the cache', async () => {
    const personal = await ok(
      app,
      CREATE,
      { input: { name: 'Mine', instructions: 'Use what you know of me.', cacheScope: 'USER' } },
      t.ownerKey,
    );
    const slug = personal.createAgent.slug;
    expect(personal.createAgent.cacheScope).toBe('USER');
    expect((await runAgent(app, t.ownerKey, { agent: slug, message: 'What is on my calendar?' })).run.status).toBe(
      'COMPLETED',
    );
    expect((await runAgent(app, member.key, { agent: slug, message: 'What is on my calendar?' })).run.status).toBe(
      'COMPLETED',
    );
    expect((await runAgent(app, member.key, { agent: slug, message: 'What is on my calendar?' })).run.status).toBe(
      'CACHED',
    );
  });
});
