import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { compose, type Runtime } from '../../src/main.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Logger } from '../../src/lib/logger.js';

export const ADMIN_TOKEN = 'test-operator-token-0123456789abcdef';
/** The key that encrypts webhook signing secrets in tests (32 bytes, base64). */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

export type TestApp = { url: string; runtime: Runtime; config: Config; close(): Promise<void> };

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl') ?? '',
    REDIS_URL: inject('redisUrl') ?? '',
    REDIS_KEY_PREFIX: inject('redisPrefix'),
    DATA_DIR: 'memory://',
    SIGNUP: 'open',
    ADMIN_TOKEN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SECRETS_KEY: TEST_SECRETS_KEY,
    // Every test app shares one database: only the apps of the alert tests deliver alerts.
    ALERT_POLL_MS: '3600000',
    // The rules look at once (no gathering), so a test reads their alerts right after a flush.
    ALERT_EVAL_MS: '0',
    ALERT_SPIKE_EVERY_MS: '0',
    PROVIDER_RETRY_BASE_MS: '1',
    // Every test signs up from 127.0.0.1: the per-IP limit has a test of its own.
    SIGNUPS_PER_IP_PER_HOUR: '0',
    ...env,
  });
}

/** A server on a port the OS picks, over the run's database and store (or embedded ones). */
export async function startApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    database?: DatabaseHandle;
    random?: () => number;
    log?: Logger;
    /** Changes the parsed configuration (to run as production mode without its services, say). */
    configure?: (config: Config) => Config;
  } = {},
): Promise<TestApp> {
  const config = (options.configure ?? ((c) => c))(testConfig(options.env));
  const runtime = await compose(config, {
    clock: options.clock,
    database: options.database,
    random: options.random,
    log: options.log,
  });
  const address = await runtime.http.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, runtime, config, close: () => runtime.close() };
}

const shared = globalThis as typeof globalThis & { __governorApp?: Promise<TestApp> };

/** The server every test file shares (one worker, one process): tests isolate by tenant. */
export function sharedApp(): Promise<TestApp> {
  shared.__governorApp ??= startApp();
  return shared.__governorApp;
}
