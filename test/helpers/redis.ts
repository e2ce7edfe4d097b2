import { Redis } from 'ioredis';
import { inject } from 'vitest';

export const redisUrl = () => inject('redisUrl');

/** A client under this run's key prefix, plus a sub-prefix so one test's keys stay its own. */
export function testRedis(subPrefix: string): Redis {
  const url = redisUrl();
  if (!url) throw new Error('no REDIS_URL');
  return new Redis(url, { keyPrefix: `${inject('redisPrefix')}${subPrefix}:`, maxRetriesPerRequest: 1 });
}

/** Deletes every key under a prefix (never FLUSHALL: the server is shared). */
export async function deleteKeys(fullPrefix: string): Promise<number> {
  const raw = new Redis(redisUrl()!);
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await raw.scan(cursor, 'MATCH', `${fullPrefix}*`, 'COUNT', 1000);
    if (keys.length) n += await raw.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await raw.quit();
  return n;
}

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
