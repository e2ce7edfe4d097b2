import { Redis } from 'ioredis';

/** The counter and cache store: Redis in the services mode, process memory in the embedded one. */
export type StoreHandle =
  | { kind: 'redis'; redis: Redis; prefix: string; ping(): Promise<void>; close(): Promise<void> }
  | { kind: 'memory'; prefix: string; ping(): Promise<void>; close(): Promise<void> };

export async function openStore(options: { redisUrl: string | undefined; prefix: string }): Promise<StoreHandle> {
  if (!options.redisUrl) {
    return { kind: 'memory', prefix: options.prefix, ping: async () => undefined, close: async () => undefined };
  }
  const redis = new Redis(options.redisUrl, {
    keyPrefix: options.prefix,
    // Fail fast instead of queueing requests while Redis is away: budgets fail closed.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    // Commands issued in the same tick (a settlement and its cache write) share one round trip.
    enableAutoPipelining: true,
    lazyConnect: true,
  });
  redis.on('error', () => undefined); // surfaced per command; reconnects on its own
  await redis.connect();
  return {
    kind: 'redis',
    redis,
    prefix: options.prefix,
    ping: async () => void (await redis.ping()),
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}
