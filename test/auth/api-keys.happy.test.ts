import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const CREATE_KEY = graphql(`
  mutation ApiKeysCreate($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        kind
        prefix
        user {
          id
        }
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation ApiKeysRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);
const VIEWER = graphql(`
  query ApiKeysViewer {
    viewer {
      tenant {
        id
      }
      user {
        id
      }
      apiKey {
        id
        kind
        lastUsedAt
      }
    }
  }
`);
const SERVICE_USER = graphql(`
  mutation ApiKeysServiceUser {
    createUser(input: { email: "svc-made@example.com" }) {
      id
    }
  }
`);
const PREFIXES = graphql(`
  query ApiKeysPrefixes {
    apiKeys {
      edges {
        node {
          id
          prefix
        }
      }
    }
  }
`);
const LAST_USED = graphql(`
  query ApiKeysLastUsed {
    apiKeys(first: 100) {
      edges {
        node {
          id
          lastUsedAt
        }
      }
    }
  }
`);
const TENANT_ID = graphql(`
  query ApiKeysTenantId {
    viewer {
      tenant {
        id
      }
    }
  }
`);

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-28T12:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describe('API keys', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('mints a service key that acts for the tenant with no user', async () => {
    const { createApiKey } = await ok(app, CREATE_KEY, { input: { name: 'Backend', kind: 'SERVICE' } }, t.ownerKey);
    expect(createApiKey.apiKey).toMatchObject({ kind: 'SERVICE', user: null });
    const me = await ok(app, VIEWER, {}, createApiKey.secret);
    expect(me.viewer).toMatchObject({ tenant: { id: t.tenantId }, user: null, apiKey: { kind: 'SERVICE' } });
    // A service key administers users, as the tenant's backend needs to.
    await ok(app, SERVICE_USER, {}, createApiKey.secret);
  });

  it('lets a MEMBER mint and revoke a key of its own', async () => {
    const member = await addUser(app, t, 'MEMBER');
    const { createApiKey } = await ok(app, CREATE_KEY, { input: { name: 'Laptop', kind: 'USER' } }, member.key);
    expect(createApiKey.apiKey.user).toEqual({ id: member.id });
    const revoked = await ok(app, REVOKE, { id: createApiKey.apiKey.id }, member.key);
    expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
    expectCode(await gql(app, VIEWER, {}, createApiKey.secret), 'UNAUTHENTICATED');
    await ok(app, VIEWER, {}, member.key);
  });

  it('never returns the secret or its hash in listings', async () => {
    const res = await gql(app, PREFIXES, {}, t.ownerKey);
    expect(JSON.stringify(res)).not.toContain(t.ownerKey);
    expect(
      res.data!.apiKeys.edges.every((e) => t.ownerKey.startsWith(e.node.prefix) || e.node.prefix.startsWith('gov_')),
    ).toBe(true);
  });

  it('records when a key was last used', async () => {
    const { createApiKey } = await ok(app, CREATE_KEY, { input: { name: 'Used', kind: 'SERVICE' } }, t.ownerKey);
    await ok(app, VIEWER, {}, createApiKey.secret);
    // The touch is written off the request path; poll the read side rather than sleep a fixed time.
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 50 && !lastUsedAt; i++) {
      const keys = await ok(app, LAST_USED, {}, t.ownerKey);
      lastUsedAt = keys.apiKeys.edges.find((e) => e.node.id === createApiKey.apiKey.id)!.node.lastUsedAt;
      if (!lastUsedAt) await new Promise((r) => setImmediate(r));
    }
    expect(lastUsedAt).toBeTruthy();
  });

  it('stops a revoked key on another process at once over pub/sub, and within the cache TTL (5 s) without it', async () => {
    const clock = manualClock();
    const other = await startApp({ clock, database: app.runtime.database });
    try {
      const { createApiKey } = await ok(app, CREATE_KEY, { input: { name: 'Roaming', kind: 'SERVICE' } }, t.ownerKey);
      await ok(other, VIEWER, {}, createApiKey.secret); // now cached on the other process
      await ok(app, REVOKE, { id: createApiKey.apiKey.id }, t.ownerKey);
      expectCode(await gql(app, VIEWER, {}, createApiKey.secret), 'UNAUTHENTICATED'); // at once where revoked
      if (app.runtime.store.kind === 'redis') {
        // The other process hears of it on pub/sub, without its clock moving.
        for (let i = 0; i < 200 && !(await gql(other, VIEWER, {}, createApiKey.secret)).errors; i++)
          await new Promise((r) => setTimeout(r, 10));
        expectCode(await gql(other, VIEWER, {}, createApiKey.secret), 'UNAUTHENTICATED');
      } else {
        clock.advance(4_000);
        await ok(other, VIEWER, {}, createApiKey.secret); // still inside the 5 s window there
        clock.advance(1_001);
        expectCode(await gql(other, VIEWER, {}, createApiKey.secret), 'UNAUTHENTICATED');
      }
    } finally {
      await other.close();
    }
  });

  it('answers UNAUTHENTICATED to a revoked, a malformed and a non-Bearer credential', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      body: JSON.stringify({ query: print(TENANT_ID) }),
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expectCode(
      await gql(app, VIEWER, {}, `${t.ownerKey.slice(0, -1)}${t.ownerKey.endsWith('A') ? 'B' : 'A'}`),
      'UNAUTHENTICATED',
    );
    expectCode(await gql(app, VIEWER, {}, 'x'.repeat(10_000)), 'UNAUTHENTICATED');
  });

  it('refuses a key for a user who outranks the caller', async () => {
    const admin = await addUser(app, t, 'ADMIN');
    expectCode(
      await gql(app, CREATE_KEY, { input: { name: 'x', kind: 'USER', userId: t.ownerId } }, admin.key),
      'FORBIDDEN',
    );
    expectCode(
      await gql(app, CREATE_KEY, { input: { name: 'x', kind: 'SERVICE', userId: t.ownerId } }, t.ownerKey),
      'BAD_USER_INPUT',
    );
  });
});
