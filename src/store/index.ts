import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** One Redis, or a Redis Cluster (REDIS_CLUSTER_NODES): every key of a tenant shares its slot. */
export type RedisClient = Redis | Cluster;

/** The counter and cache store: Redis in the services mode, process memory in the embedded one. */
export type StoreHandle =
  | { kind: 'redis'; redis: RedisClient; prefix: string; ping(): Promise<void>; close(): Promise<void> }
  | { kind: 'memory'; prefix: string; ping(): Promise<void>; close(): Promise<void> };

const CLIENT_OPTIONS = {
  // Fail fast instead of queueing requests while Redis is away: budgets fail closed.
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
} satisfies RedisOptions;

/** `host:port` pairs, comma-separated (a few of the cluster's nodes; the rest are discovered). */
export function parseClusterNodes(list: string): { host: string; port: number }[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((node) => {
      const at = node.lastIndexOf(':');
      const port = Number(node.slice(at + 1));
      if (at < 1 || !Number.isInteger(port)) throw new Error(`a cluster node is host:port, not "${node}"`);
      const host = node.slice(0, at);
      // An IPv6 address comes in brackets ([::1]:7000).
      return { host: host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host, port };
    });
}

export async function openStore(options: {
  redisUrl: string | undefined;
  clusterNodes?: string | undefined;
  prefix: string;
}): Promise<StoreHandle> {
  const redis = options.clusterNodes
    ? new Cluster(parseClusterNodes(options.clusterNodes), {
        keyPrefix: options.prefix,
        // No auto-pipelining: a batch is grouped by the slot map when it is queued and checked
        // against the map when it is sent, so a failover in between fails it for healthy slots too.
        enableAutoPipelining: false,
        enableOfflineQueue: false,
        lazyConnect: true,
        redisOptions: { ...CLIENT_OPTIONS, ...urlOptions(options.redisUrl) },
        clusterRetryStrategy: (times) => Math.min(100 * times, 1000),
        // Connect by the names the cluster announces: managed clusters with TLS certify names, not IPs.
        dnsLookup: (address, callback) => callback(null, address),
      })
    : options.redisUrl
      ? new Redis(options.redisUrl, {
          ...CLIENT_OPTIONS,
          keyPrefix: options.prefix,
          enableOfflineQueue: false,
          // No auto-pipelining: a Pipeline per tick cost more CPU than the socket write it saved
          // (commands still go out without waiting for earlier replies).
          enableAutoPipelining: false,
          lazyConnect: true,
        })
      : undefined;
  if (!redis) {
    return { kind: 'memory', prefix: options.prefix, ping: async () => undefined, close: async () => undefined };
  }
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

/** A cluster's credentials and TLS come from REDIS_URL when it is set beside the node list. */
function urlOptions(url: string | undefined): RedisOptions {
  if (!url) return {};
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** The key prefix a client adds to every key (a run's or a deployment's namespace). */
export function keyPrefixOf(redis: RedisClient): string {
  const prefix = redis.options.keyPrefix;
  return typeof prefix === 'string' ? prefix : '';
}

/**
 * Keys matching `pattern` (without the prefix), on every master of a cluster: a SCAN of one node
 * sees only its own slots. Returned without the prefix, each once.
 */
export async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const prefix = keyPrefixOf(redis);
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const found = new Set<string>();
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 1000);
      for (const k of keys) found.add(k.slice(prefix.length));
      cursor = next;
    } while (cursor !== '0');
  }
  return [...found];
}

/** A second connection for pub/sub (a subscribed connection serves nothing else). */
export function subscriberOf(redis: RedisClient): RedisClient {
  // Plain pub/sub: a message published on any node of a cluster reaches every subscriber.
  return redis instanceof Cluster
    ? redis.duplicate([], { keyPrefix: '', enableOfflineQueue: true, lazyConnect: true })
    : redis.duplicate({ keyPrefix: '', enableOfflineQueue: true, lazyConnect: true });
}
