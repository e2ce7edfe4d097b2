import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import type { TestApp } from './app.js';

export type GqlError = { message: string; extensions?: { code?: string; [k: string]: unknown } };
export type GqlResponse<T> = { status: number; data?: T | null; errors?: GqlError[] };

/** A real HTTP request with a typed document: its variables are checked and its data typed. */
export function gql<R, V>(
  app: TestApp,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  key?: string,
): Promise<GqlResponse<R>>;
export function gql(
  app: TestApp,
  document: TypedDocumentNode,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<GqlResponse<unknown>> {
  return gqlText(app, print(document), variables, key);
}

/** Asserts success and returns the typed data. */
export async function ok<R, V>(
  app: TestApp,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  key?: string,
): Promise<R> {
  const res = await gql(app, document, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as R;
}

/**
 * A document sent as text with unchecked variables. Only for what must not type-check: syntax
 * errors, unknown fields, floods, variables of the wrong type. Everything else goes through `gql`.
 */
export async function gqlText<T = unknown>(
  app: TestApp,
  text: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<GqlResponse<T>> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
  return { status: res.status, ...body };
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

const SIGN_UP = graphql(`
  mutation SignUp($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
        slug
      }
      owner {
        id
      }
      secret
    }
  }
`);
const SIGN_UP_AGENTS = graphql(`
  query SignUpAgents {
    agents {
      id
      slug
    }
  }
`);

export async function signUp(app: TestApp, name = unique('Acme ')): Promise<Tenant> {
  const data = await ok(app, SIGN_UP, { input: { name, ownerEmail: `${unique('owner')}@example.com` } });
  const agents = await ok(app, SIGN_UP_AGENTS, {}, data.createTenant.secret);
  return {
    tenantId: data.createTenant.tenant.id,
    slug: data.createTenant.tenant.slug,
    ownerId: data.createTenant.owner.id,
    ownerKey: data.createTenant.secret,
    agentId: agents.agents[0]!.id,
  };
}

const ADD_USER = graphql(`
  mutation AddUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
const ADD_USER_KEY = graphql(`
  mutation AddUserKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
    }
  }
`);

/** A user of the given role with a key of its own. */
export async function addUser(
  app: TestApp,
  t: Tenant,
  role: 'OWNER' | 'ADMIN' | 'MEMBER',
  name?: string,
): Promise<{ id: string; key: string; email: string }> {
  const email = `${unique(role.toLowerCase())}@example.com`;
  const created = await ok(app, ADD_USER, { input: { email, role, name } }, t.ownerKey);
  const id = created.createUser.id;
  const key = await ok(app, ADD_USER_KEY, { input: { name: `${role} key`, kind: 'USER', userId: id } }, t.ownerKey);
  return { id, key: key.createApiKey.secret, email };
}

/** What a stream of /graphql/stream delivered: every `next` result, in order (or the refusal). */
export type StreamResponse<T> = GqlResponse<T> & {
  results: { data?: T | null; errors?: GqlError[] }[];
  completed: boolean;
};

/**
 * A subscription over real HTTP to /graphql/stream (GraphQL over SSE, one operation per
 * connection), read to its end. `data` and `errors` are the first result's, or the refusal's when
 * the server answered with JSON instead of a stream.
 */
export function gqlStream<R, V>(
  app: TestApp,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  key?: string,
): Promise<StreamResponse<R>>;
export function gqlStream(
  app: TestApp,
  document: TypedDocumentNode,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<StreamResponse<unknown>> {
  return gqlStreamText(app, print(document), variables, { key });
}

/** The same with a document as text and the request's URL and headers to vary. */
export async function gqlStreamText<T = unknown>(
  app: TestApp,
  text: string,
  variables: Record<string, unknown> = {},
  options: { key?: string; path?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<StreamResponse<T>> {
  const res = await fetch(`${app.url}${options.path ?? '/graphql/stream'}`, {
    method: options.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...options.headers,
    },
    body: options.method && options.method !== 'POST' ? undefined : JSON.stringify({ query: text, variables }),
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, ...body, results: [], completed: false };
  }
  const results: { data?: T | null; errors?: GqlError[] }[] = [];
  let completed = false;
  for (const message of (await res.text()).split('\n\n')) {
    const fields = Object.fromEntries(
      message
        .split('\n')
        .filter((l) => l && !l.startsWith(':'))
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
    if (fields.event === 'next' && fields.data) results.push(JSON.parse(fields.data) as (typeof results)[number]);
    if (fields.event === 'complete') completed = true;
  }
  return { status: res.status, ...results[0], results, completed };
}
