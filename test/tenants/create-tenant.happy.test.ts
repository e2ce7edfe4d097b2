import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectCode, gql, ok, unique } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const CREATE = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
        name
        slug
        billingStatus
        plan {
          key
        }
        createdAt
      }
      owner {
        id
        email
        name
        role
        status
      }
      apiKey {
        id
        kind
        prefix
        user {
          id
        }
        revokedAt
      }
      secret
    }
  }
`);
const ME = graphql(`
  query CreateTenantMe {
    viewer {
      tenant {
        id
      }
      user {
        id
        role
      }
      apiKey {
        id
      }
    }
    agents {
      slug
      name
      routing
      cheapModel {
        id
      }
      strongModel {
        id
      }
      version
      archived
    }
  }
`);

describe('createTenant', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await sharedApp();
  });

  it('creates the tenant, its OWNER, an owner key shown once, and the assistant agent', async () => {
    const email = `${unique('Founder')}@Example.com`;
    const { createTenant: c } = await ok(app, CREATE, {
      input: { name: '  Acme Robotics ', ownerEmail: email, ownerName: 'Ada' },
    });
    expect(c.tenant).toMatchObject({ name: 'Acme Robotics', billingStatus: 'FREE', plan: { key: 'free' } });
    expect(c.tenant.id).toMatch(/^ten_/);
    expect(c.tenant.slug).toMatch(/^acme-robotics/);
    expect(c.owner).toMatchObject({ email: email.toLowerCase(), name: 'Ada', role: 'OWNER', status: 'ACTIVE' });
    expect(c.apiKey).toMatchObject({ kind: 'USER', user: { id: c.owner.id }, revokedAt: null });
    expect(c.secret.startsWith(c.apiKey.prefix)).toBe(true);

    const me = await ok(app, ME, {}, c.secret);
    expect(me.viewer).toEqual({
      tenant: { id: c.tenant.id },
      user: { id: c.owner.id, role: 'OWNER' },
      apiKey: { id: c.apiKey.id },
    });
    expect(me.agents).toEqual([
      {
        slug: 'assistant',
        name: 'Assistant',
        routing: 'HEURISTIC',
        cheapModel: { id: 'sim/sim-small' },
        strongModel: { id: 'sim/sim-large' },
        version: 1,
        archived: false,
      },
    ]);
  });

  it('refuses a requested slug that is taken, but suffixes a derived one', async () => {
    const slug = unique('slug-');
    await ok(app, CREATE, { input: { name: 'First', ownerEmail: 'a@example.com', slug } });
    expectCode(await gql(app, CREATE, { input: { name: 'Second', ownerEmail: 'b@example.com', slug } }), 'CONFLICT');

    const name = unique('Same Name ');
    const a = await ok(app, CREATE, { input: { name, ownerEmail: 'a@example.com' } });
    const b = await ok(app, CREATE, { input: { name, ownerEmail: 'a@example.com' } });
    expect(b.createTenant.tenant.slug).not.toBe(a.createTenant.tenant.slug);
    expect(b.createTenant.tenant.slug.startsWith(a.createTenant.tenant.slug)).toBe(true);
  });

  it('limits open sign-ups per client address, but not the operator', async () => {
    const { startApp, ADMIN_TOKEN } = await import('../helpers/app.js');
    const limited = await startApp({ env: { SIGNUPS_PER_IP_PER_HOUR: '2' }, database: app.runtime.database });
    try {
      const input = () => ({ input: { name: unique('Burst '), ownerEmail: 'x@example.com' } });
      await ok(limited, CREATE, input());
      await ok(limited, CREATE, input());
      const third = await gql(limited, CREATE, input());
      expectCode(third, 'RATE_LIMITED');
      expect(third.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
      await ok(limited, CREATE, input(), ADMIN_TOKEN);
    } finally {
      await limited.close();
    }
  });

  it('needs the operator token when sign-up is closed', async () => {
    const { startApp, ADMIN_TOKEN } = await import('../helpers/app.js');
    const closed = await startApp({ env: { SIGNUP: 'closed' }, database: app.runtime.database });
    try {
      const input = { name: 'Closed Co', ownerEmail: 'c@example.com' };
      expectCode(await gql(closed, CREATE, { input }), 'UNAUTHENTICATED');
      const { createTenant } = await ok(closed, CREATE, { input }, ADMIN_TOKEN);
      // A tenant's own key is not the operator's.
      expectCode(await gql(closed, CREATE, { input }, createTenant.secret), 'UNAUTHENTICATED');
    } finally {
      await closed.close();
    }
  });
});
