import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';

/**
 * GraphQL over HTTP, as the spec reads: the audit passes with no warnings in either mode (the only
 * notices left are the GET forms, which Apollo's CSRF prevention asks a preflight header for).
 */
describe.each(['development', 'production'] as const)('GraphQL over HTTP in %s mode', (mode) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ database: (await sharedApp()).runtime.database, configure: (c) => ({ ...c, env: mode }) });
  });
  afterAll(() => app.close());

  it('passes the graphql-http audit with no failure and no warning', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    // The {variables} checks query `__type`: with introspection off in production they cannot pass.
    const introspects = (name: string) => mode === 'production' && /allow map \{variables\} parameter/.test(name);
    const left = (status: string) =>
      results.filter((r) => r.status === status && !introspects(r.name)).map((r) => r.name);
    expect(left('error')).toEqual([]);
    expect(left('warn')).toEqual([]);
    if (mode === 'production') expect(results.filter((r) => introspects(r.name)).length).toBeGreaterThan(0);
  });

  it('answers a syntax error with 200 for application/json and 400 for application/graphql-response+json', async () => {
    const post = (accept: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: '{ viewer {' }),
      });
    const json = await post('application/json');
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(((await json.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await post('application/graphql-response+json')).status).toBe(400);
  });

  it('has introspection only outside production', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (mode === 'production') expect(body.errors).toHaveLength(1);
    else expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
