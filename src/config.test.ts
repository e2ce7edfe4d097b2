import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded mode with open sign-up and a demo tenant', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      embedded: true,
      port: 4000,
      host: '127.0.0.1',
      dataDir: './.data',
      signupOpen: true,
      demoTenant: true,
    });
  });

  it('switches to services on DATABASE_URL and REDIS_URL, with sign-up closed by default', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      REDIS_URL: 'redis://h:6379',
      ADMIN_TOKEN: 'x'.repeat(32),
    });
    expect(c).toMatchObject({ embedded: false, signupOpen: false, demoTenant: false, redisUrl: 'redis://h:6379' });
  });

  it('takes a Redis Cluster node list instead of REDIS_URL, and leases whose renewal fits twice in their ttl', () => {
    const services = { DATABASE_URL: 'postgres://u@h/db', ADMIN_TOKEN: 'x'.repeat(32) };
    const c = loadConfig({ ...services, REDIS_CLUSTER_NODES: 'r1:7000, [::1]:7001', WORKERS: '2' });
    expect(c).toMatchObject({ redisClusterNodes: 'r1:7000, [::1]:7001', workers: 2 });
    expect(c.leases).toEqual({ ttlMs: 5000, renewMs: 1500, recoveryIntervalMs: 1000 });
    expect(() => loadConfig({ ...services, REDIS_CLUSTER_NODES: 'r1' })).toThrow(
      /REDIS_CLUSTER_NODES: a comma-separated/,
    );
    expect(() =>
      loadConfig({ ...services, REDIS_URL: 'redis://h', LEASE_TTL_MS: '2000', LEASE_RENEW_MS: '1500' }),
    ).toThrow(/LEASE_RENEW_MS must be at most half/);
  });

  it('refuses production without SECRETS_KEY, and a key that is not 32 bytes of base64', () => {
    const services = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      REDIS_URL: 'redis://h',
      METRICS_PORT: '9464',
      ADMIN_TOKEN: 'a'.repeat(30),
    };
    expect(() => loadConfig(services)).toThrow(/SECRETS_KEY/);
    expect(() => loadConfig({ ...services, SECRETS_KEY: 'short' })).toThrow(/32 bytes in base64/);
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ ...services, SECRETS_KEY: key }).secretsKey).toBe(key);
  });

  it('refuses production on the embedded store, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /NODE_ENV=production needs DATABASE_URL and REDIS_URL/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(ConfigError);
  });

  it('lists every bad setting at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://h/db', LOG_LEVEL: 'loud' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('refuses several workers on the embedded store', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS>1 needs DATABASE_URL and REDIS_URL/);
    expect(
      loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h', ADMIN_TOKEN: 'x'.repeat(32) })
        .workers,
    ).toBe(2);
  });

  it('refuses closed sign-up without an operator token, and a short token', () => {
    expect(() => loadConfig({ SIGNUP: 'closed' })).toThrow(/ADMIN_TOKEN/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/at least 24/);
  });
});
