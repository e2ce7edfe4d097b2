import type { TestProject } from 'vitest/node';
import { createScratchDatabase, dropScratchDatabase, runId, unlinkByPrefix } from './helpers/scratch.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
    redisUrl: string | undefined;
    redisPrefix: string;
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

  return async () => {
    if (baseUrl) await dropScratchDatabase(baseUrl, dbName);
    if (redisUrl) await unlinkByPrefix(redisUrl, redisPrefix);
  };
}
