import { Cluster, Redis } from 'ioredis';
import { inject } from 'vitest';
import { parseClusterNodes, scanKeys } from '../../src/store/index.js';
import { unlinkByPrefix } from './scratch.js';

export const redisUrl = () => inject('redisUrl');

/** A client under this run's key prefix, plus a sub-prefix so one test's keys stay its own. */
export function testRedis(subPrefix: string): Redis {
  const url = redisUrl();
  if (!url) throw new Error('no REDIS_URL');
  return new Redis(url, { keyPrefix: `${inject('redisPrefix')}${subPrefix}:`, maxRetriesPerRequest: 1 });
}

/** A client of the run's own Redis Cluster, under this run's key prefix and a sub-prefix. */
export function testCluster(subPrefix: string): Cluster {
  const nodes = inject('redisClusterNodes');
  if (!nodes) throw new Error('no test cluster');
  return new Cluster(parseClusterNodes(nodes), {
    keyPrefix: `${inject('redisPrefix')}${subPrefix}:`,
    redisOptions: { maxRetriesPerRequest: 1 },
  });
}

/** Deletes the keys a cluster client sees under `pattern` (after its own prefix), on every master. */
export async function deleteClusterKeys(cluster: Cluster, pattern: string): Promise<number> {
  const keys = await scanKeys(cluster, pattern);
  await Promise.all(keys.map((k) => cluster.unlink(k)));
  return keys.length;
}

/** Deletes every key under a prefix of this run's (never FLUSHALL: the server is shared). */
export const deleteKeys = (fullPrefix: string) => unlinkByPrefix(redisUrl()!, fullPrefix);

/** A small, seeded PRNG (mulberry32): the same numbers on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
