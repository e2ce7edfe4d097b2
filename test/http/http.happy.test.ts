import { auditServer } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';

describe('HTTP surface', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', store: 'ok' } });
  });

  it("echoes the caller's request id, or makes one", async () => {
    const given = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'req-from-client-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-from-client-123');
    const made = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    const failedMusts = results.filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'));
    expect(failedMusts.map((r) => r.name)).toEqual([]);
  });
});
