import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { gql } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const VIEWER = graphql(`
  query DependencyFailureViewer {
    viewer {
      tenant {
        id
      }
    }
  }
`);
const SIGN_UP = graphql(`
  mutation DependencyFailureSignUp {
    createTenant(input: { name: "X", ownerEmail: "x@example.com" }) {
      secret
    }
  }
`);

/** A server whose database has gone away: readiness says so and faults stay coded. */
describe('when the database is gone', () => {
  let app: TestApp;
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    app = await startApp({ database, env: { DATABASE_URL: '' } });
    await database.close();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports not ready', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).checks.database).toBe('unavailable');
  });

  it('answers a keyed request with SERVICE_UNAVAILABLE', async () => {
    const res = await gql(app, VIEWER, {}, `gov_${'A'.repeat(43)}`);
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('masks an unexpected fault, keeping only the request id', async () => {
    const res = await gql(app, SIGN_UP, {});
    expect(res.status).toBeLessThan(500);
    const [error] = res.errors ?? [];
    expect(error?.message).toBe('Internal server error');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res)).not.toMatch(/PGlite|closed|stack/i);
  });
});
