import type { TestProject } from 'vitest/node';
import { canRunCluster, startCluster } from './helpers/redis-cluster.js';
import { createScratchDatabase, dropScratchDatabase, runId, unlinkByPrefix } from './helpers/scratch.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
    redisUrl: string | undefined;
    redisPrefix: string;
    /** A three-master Redis Cluster of this run's own (services runs, where redis-server is installed). */
    redisClusterNodes: string | undefined;
  }
}

/**
 * Each run gets its own database and its own Redis key prefix, and removes only those:
 * other programs share these servers.
 */
export default async function setup(project: TestProject) {
  const id = runId();
  const baseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const redisPrefix = `governor-test:${id}:`;
  const dbName = `governor_test_${id}`;
  project.provide('databaseUrl', baseUrl ? await createScratchDatabase(baseUrl, dbName) : undefined);
  project.provide('redisUrl', redisUrl);
  project.provide('redisPrefix', redisPrefix);
  // The services run also runs on a Redis Cluster: its own nodes, gone when the run ends.
  const cluster = redisUrl && (await canRunCluster()) ? await startCluster({ masters: 3, replicas: 0 }) : undefined;
  project.provide('redisClusterNodes', cluster?.nodes);

  return async () => {
    await cluster?.stop();
    if (baseUrl) await dropScratchDatabase(baseUrl, dbName);
    if (redisUrl) await unlinkByPrefix(redisUrl, redisPrefix);
  };
}
