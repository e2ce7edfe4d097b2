import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/auth/secrets.js';
import { queryRows } from '../../src/db/scoped.js';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { testClock } from '../helpers/billing.js';
import { addUser, expectCode, gql, ok, signUp } from '../helpers/graphql.js';

const START = graphql(`
  mutation SessionsStart {
    startSession {
      token
      expiresAt
    }
  }
`);
const END = graphql(`
  mutation SessionsEnd {
    endSession
  }
`);
const VIEWER = graphql(`
  query SessionsViewer {
    viewer {
      user {
        id
        role
      }
      apiKey {
        id
      }
    }
  }
`);
const USERS = graphql(`
  query SessionsUsers {
    users(first: 5) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const KEYS = graphql(`
  query SessionsKeys {
    apiKeys(first: 20) {
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
const DISABLE = graphql(`
  mutation SessionsDisable($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation SessionsCreateKey {
    createApiKey(input: { name: "from a session", kind: SERVICE }) {
      secret
    }
  }
`);
const REVOKE = graphql(`
  mutation SessionsRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);

/** Dashboard sessions: short-lived bearer tokens with exactly the rights of the key that started them. */
describe('sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it("act with the key's rights, end when signed out, and cannot start another", async () => {
    const t = await signUp(app);
    const member = await addUser(app, t, 'MEMBER');
    const started = (await ok(app, START, {}, member.key)).startSession;
    expect(started.token).toMatch(/^gss_[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(started.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    // The member's rights: its own user, not the tenant's users.
    expect((await ok(app, VIEWER, {}, started.token)).viewer.user).toEqual({ id: member.id, role: 'MEMBER' });
    expectCode(await gql(app, USERS, {}, started.token), 'FORBIDDEN');
    expectCode(await gql(app, START, {}, started.token), 'FORBIDDEN');
    // A key cannot end a session; the session ends itself, and is refused from then on.
    expectCode(await gql(app, END, {}, member.key), 'BAD_USER_INPUT');
    expect((await ok(app, END, {}, started.token)).endSession).toBe(true);
    expectCode(await gql(app, VIEWER, {}, started.token), 'UNAUTHENTICATED');
    // Only the hash is stored.
    const stored = (token: string) =>
      queryRows<{ n: number }>(
        app.runtime.database.db,
        sql`select count(*)::int as n from sessions where token_hash = ${token}`,
      ).then((r) => r[0]!.n);
    expect(await stored(started.token)).toBe(0);
    expect(await stored(hashSecret(started.token))).toBe(1);
  });

  it('end when their key is revoked, and when they expire', async () => {
    const t = await signUp(app);
    const member = await addUser(app, t, 'MEMBER');
    const session = (await ok(app, START, {}, member.key)).startSession.token;
    const keys = await ok(app, KEYS, {}, t.ownerKey);
    const keyId = keys.apiKeys.edges.find((e) => e.node.user?.id === member.id)!.node.id;
    await ok(app, REVOKE, { id: keyId }, t.ownerKey);
    expectCode(await gql(app, VIEWER, {}, session), 'UNAUTHENTICATED');
    // A disabled user's sessions end with it.
    const other = await addUser(app, t, 'ADMIN');
    const its = (await ok(app, START, {}, other.key)).startSession.token;
    await ok(app, DISABLE, { input: { id: other.id, status: 'DISABLED' } }, t.ownerKey);
    expectCode(await gql(app, VIEWER, {}, its), 'UNAUTHENTICATED');
    // A session makes no key that would outlive it.
    const owners = (await ok(app, START, {}, t.ownerKey)).startSession.token;
    expectCode(await gql(app, CREATE_KEY, {}, owners), 'FORBIDDEN');

    const clock = testClock(Date.now());
    const timed = await startApp({ clock, database: app.runtime.database, env: { SESSION_TTL_HOURS: '1' } });
    try {
      const owner = (await ok(timed, START, {}, t.ownerKey)).startSession.token;
      expect((await ok(timed, VIEWER, {}, owner)).viewer.user?.role).toBe('OWNER');
      clock.advance(3_600_001);
      expectCode(await gql(timed, VIEWER, {}, owner), 'UNAUTHENTICATED');
    } finally {
      await timed.close();
    }
  });
});
