import { createHash } from 'node:crypto';
import { tenantKey } from '../lib/keys.js';
import type { CacheKv } from './kv.js';

export type CacheMode = 'USE' | 'BYPASS' | 'REFRESH';

/** What a hit answers with, and what the original run cost (the hit's saving). */
export type CachedAnswer = {
  output: string;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
  runId: string;
  expiresAt: number;
};

/** Entries above this are not cached: a cache entry never crowds out the budget counters. */
export const MAX_ENTRY_BYTES = 256 * 1024;

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Exact-match key: the tenant (in the hash tag and in the hash), the agent and its version, the
 * caller's routing override and output cap, and the normalized conversation. Two tenants never
 * share a key.
 */
export function responseCacheKey(parts: {
  tenantId: string;
  agentId: string;
  agentVersion: number;
  routing: string;
  /** The output cap: an answer cut short for one caller must not be served to another. */
  maxOutputTokens: number;
  history: { role: string; content: string }[];
  message: string;
}): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        parts.tenantId, parts.agentId, parts.agentVersion, parts.routing, parts.maxOutputTokens,
        parts.history.map((m) => [m.role, normalize(m.content)]), normalize(parts.message),
      ]),
    )
    .digest('hex');
  return tenantKey(parts.tenantId, 'rc', digest);
}

/** Reads a fresh entry; the entry's own expiry is checked against the injected clock. */
export async function readCachedAnswer(kv: CacheKv, key: string, now: number): Promise<CachedAnswer | undefined> {
  const raw = await kv.get(key);
  if (!raw) return undefined;
  const answer = JSON.parse(raw) as CachedAnswer;
  return answer.expiresAt > now ? answer : undefined;
}

export async function storeCachedAnswer(kv: CacheKv, key: string, answer: CachedAnswer, ttlSeconds: number): Promise<boolean> {
  const value = JSON.stringify(answer);
  if (ttlSeconds <= 0 || Buffer.byteLength(value) > MAX_ENTRY_BYTES) return false;
  await kv.set(key, value, ttlSeconds);
  return true;
}
