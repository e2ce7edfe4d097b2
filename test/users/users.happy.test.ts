import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gql, ok, signUp, unique, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';
import type { UsersPageQuery } from '../__generated__/graphql.js';

const CREATE = graphql(`
  mutation UsersCreate($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      name
      role
      status
    }
  }
`);
const UPDATE = graphql(`
  mutation UsersUpdate($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      name
      role
      status
    }
  }
`);
const PAGE = graphql(`
  query UsersPage($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          email
          role
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const VIEWER = graphql(`
  query UsersViewer {
    viewer {
      user {
        id
      }
    }
  }
`);

describe('users', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });

  it('creates a MEMBER by default and refuses the same email twice, whatever its case', async () => {
    const email = `${unique('Dev')}@example.com`;
    const { createUser } = await ok(app, CREATE, { input: { email, name: 'Dev' } }, t.ownerKey);
    expect(createUser).toMatchObject({ email: email.toLowerCase(), name: 'Dev', role: 'MEMBER', status: 'ACTIVE' });
    expectCode(await gql(app, CREATE, { input: { email: email.toUpperCase() } }, t.ownerKey), 'CONFLICT');
  });

  it('lists users a page at a time, with filters', async () => {
    const tenant = await signUp(app);
    for (let i = 0; i < 4; i++)
      await ok(
        app,
        CREATE,
        { input: { email: `member${i}@ex.com`, role: i === 0 ? 'ADMIN' : 'MEMBER' } },
        tenant.ownerKey,
      );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { users }: UsersPageQuery = await ok(app, PAGE, { first: 2, after }, tenant.ownerKey);
      seen.push(...users.edges.map((e) => e.node.email));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const admins = await ok(app, PAGE, { filter: { role: 'ADMIN' } }, tenant.ownerKey);
    expect(admins.users.edges.map((e) => e.node.email)).toEqual(['member0@ex.com']);
    const match = await ok(app, PAGE, { filter: { emailContains: 'MEMBER3' } }, tenant.ownerKey);
    expect(match.users.edges.map((e) => e.node.email)).toEqual(['member3@ex.com']);
    const literal = await ok(app, PAGE, { filter: { emailContains: '%' } }, tenant.ownerKey);
    expect(literal.users.edges).toEqual([]);
  });

  it('lets an ADMIN manage members but not create, promote or change an OWNER', async () => {
    const admin = await addUser(app, t, 'ADMIN');
    const member = await addUser(app, t, 'MEMBER');
    expectCode(
      await gql(app, CREATE, { input: { email: `${unique()}@ex.com`, role: 'OWNER' } }, admin.key),
      'FORBIDDEN',
    );
    expectCode(await gql(app, UPDATE, { input: { id: member.id, role: 'OWNER' } }, admin.key), 'FORBIDDEN');
    expectCode(await gql(app, UPDATE, { input: { id: t.ownerId, status: 'DISABLED' } }, admin.key), 'FORBIDDEN');
    const renamed = await ok(app, UPDATE, { input: { id: member.id, name: 'Renamed', role: 'ADMIN' } }, admin.key);
    expect(renamed.updateUser).toMatchObject({ name: 'Renamed', role: 'ADMIN' });
  });

  it('never demotes or disables the last active OWNER, even two at a time', async () => {
    const tenant = await signUp(app);
    expectCode(await gql(app, UPDATE, { input: { id: tenant.ownerId, role: 'ADMIN' } }, tenant.ownerKey), 'CONFLICT');
    expectCode(
      await gql(app, UPDATE, { input: { id: tenant.ownerId, status: 'DISABLED' } }, tenant.ownerKey),
      'CONFLICT',
    );

    // Two owners each step down at the same moment: only one may.
    const second = await addUser(app, tenant, 'OWNER');
    const results = await Promise.all([
      gql(app, UPDATE, { input: { id: tenant.ownerId, role: 'MEMBER' } }, tenant.ownerKey),
      gql(app, UPDATE, { input: { id: second.id, role: 'MEMBER' } }, second.key),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it("stops a disabled user's keys at once", async () => {
    const member = await addUser(app, t, 'MEMBER');
    await ok(app, VIEWER, {}, member.key);
    await ok(app, UPDATE, { input: { id: member.id, status: 'DISABLED' } }, t.ownerKey);
    expectCode(await gql(app, VIEWER, {}, member.key), 'UNAUTHENTICATED');
    await ok(app, UPDATE, { input: { id: member.id, status: 'ACTIVE' } }, t.ownerKey);
    await ok(app, VIEWER, {}, member.key);
  });
});
