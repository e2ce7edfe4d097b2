import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Things a run of the tests or of a benchmark makes for itself on servers other programs share,
 * and removes again: a database of its own, Redis keys under a prefix of its own, a free port.
 * (No vitest here: the benchmarks use it too.)
 */
export const runId = () => `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

async function admin<T>(baseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database and answers its URL. */
export async function createScratchDatabase(baseUrl: string, name: string): Promise<string> {
  await admin(baseUrl, (c) => c.query(`create database "${name}"`));
  return Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  await admin(baseUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Deletes every key under a prefix (never FLUSHALL: the server is shared). */
export async function unlinkByPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  let n = 0;
  try {
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) n += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return n;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
