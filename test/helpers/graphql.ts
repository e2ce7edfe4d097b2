import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

export type GqlError = { message: string; extensions?: { code?: string; [k: string]: unknown } };
export type GqlResponse<T> = { status: number; data?: T | null; errors?: GqlError[] };

/** A real HTTP request to the server. */
export async function gql<T = Record<string, any>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<GqlResponse<T>> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
  return { status: res.status, ...body };
}

/** Asserts success and returns the data. */
export async function ok<T = Record<string, any>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<T> {
  const res = await gql<T>(app, query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Asserts the request failed with exactly this code, never a 500. */
export function expectCode(res: GqlResponse<unknown>, code: string): void {
  expect(res.status, JSON.stringify(res)).toBeLessThan(500);
  expect(
    res.errors?.map((e) => e.extensions?.code),
    JSON.stringify(res.errors),
  ).toEqual([code]);
}

export const unique = (label = 't') => `${label}${randomBytes(5).toString('hex')}`;

export type Tenant = { tenantId: string; slug: string; ownerId: string; ownerKey: string; agentId: string };

export async function signUp(app: TestApp, name = unique('Acme ')): Promise<Tenant> {
  const data = await ok<any>(
    app,
    `mutation($input: CreateTenantInput!) { createTenant(input: $input) {
       tenant { id slug } owner { id } secret } }`,
    { input: { name, ownerEmail: `${unique('owner')}@example.com` } },
  );
  const agents = await ok<any>(app, '{ agents { id slug } }', {}, data.createTenant.secret);
  return {
    tenantId: data.createTenant.tenant.id,
    slug: data.createTenant.tenant.slug,
    ownerId: data.createTenant.owner.id,
    ownerKey: data.createTenant.secret,
    agentId: agents.agents[0].id,
  };
}

/** A user of the given role with a key of its own. */
export async function addUser(
  app: TestApp,
  t: Tenant,
  role: 'OWNER' | 'ADMIN' | 'MEMBER',
): Promise<{ id: string; key: string }> {
  const created = await ok<any>(
    app,
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: `${unique(role.toLowerCase())}@example.com`, role } },
    t.ownerKey,
  );
  const id = created.createUser.id as string;
  const key = await ok<any>(
    app,
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { name: `${role} key`, kind: 'USER', userId: id } },
    t.ownerKey,
  );
  return { id, key: key.createApiKey.secret };
}
