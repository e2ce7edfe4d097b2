import { request } from 'node:http';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { unique } from '../helpers/graphql.js';

const SIGN_UP_FROM = graphql(`
  mutation SignUpFrom($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
      }
    }
  }
`);

/** A sign-up sent from a given local address (127.0.0.x), optionally through a proxy's header. */
function signUpFrom(
  app: TestApp,
  localAddress: string,
  input: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const body = JSON.stringify({ query: print(SIGN_UP_FROM), variables: { input } });
  const url = new URL(`${app.url}/graphql`);
  return new Promise<{ code: string | undefined }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/graphql',
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let raw = '';
        res.on('data', (c: Buffer) => (raw += c));
        res.on('end', () => {
          const parsed = JSON.parse(raw) as { errors?: { extensions?: { code?: string } }[] };
          resolve({ code: parsed.errors?.[0]?.extensions?.code });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const valid = () => ({ name: unique('Limited '), ownerEmail: `${unique('o')}@example.com` });

describe('per-address sign-up limits', () => {
  let app: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    const database = (await sharedApp()).runtime.database;
    app = await startApp({ env: { SIGNUPS_PER_IP_PER_HOUR: '2' }, database });
    proxied = await startApp({ env: { SIGNUPS_PER_IP_PER_HOUR: '1', TRUST_PROXY: 'true' }, database });
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
  });

  it('count each address on its own', async () => {
    expect((await signUpFrom(app, '127.0.0.1', valid())).code).toBeUndefined();
    expect((await signUpFrom(app, '127.0.0.1', valid())).code).toBeUndefined();
    expect((await signUpFrom(app, '127.0.0.1', valid())).code).toBe('RATE_LIMITED');
    // Another address still gets in.
    expect((await signUpFrom(app, '127.0.0.2', valid())).code).toBeUndefined();
  });

  it('count only well-formed attempts: malformed ones block nobody', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signUpFrom(app, '127.0.0.3', { name: '', ownerEmail: 'nope' })).code).toBe('BAD_USER_INPUT');
    expect((await signUpFrom(app, '127.0.0.3', valid())).code).toBeUndefined();
  });

  it('read X-Forwarded-For only behind a trusted proxy', async () => {
    // Not trusted: the header is ignored, the socket's address counts.
    expect((await signUpFrom(app, '127.0.0.4', valid(), { 'x-forwarded-for': '203.0.113.1' })).code).toBeUndefined();
    expect((await signUpFrom(app, '127.0.0.4', valid(), { 'x-forwarded-for': '203.0.113.2' })).code).toBeUndefined();
    expect((await signUpFrom(app, '127.0.0.4', valid(), { 'x-forwarded-for': '203.0.113.3' })).code).toBe(
      'RATE_LIMITED',
    );
    // Trusted (TRUST_PROXY=true): each forwarded client has its own count.
    expect(
      (await signUpFrom(proxied, '127.0.0.5', valid(), { 'x-forwarded-for': '203.0.113.1' })).code,
    ).toBeUndefined();
    expect(
      (await signUpFrom(proxied, '127.0.0.5', valid(), { 'x-forwarded-for': '203.0.113.2' })).code,
    ).toBeUndefined();
    expect((await signUpFrom(proxied, '127.0.0.5', valid(), { 'x-forwarded-for': '203.0.113.1' })).code).toBe(
      'RATE_LIMITED',
    );
  });
});
