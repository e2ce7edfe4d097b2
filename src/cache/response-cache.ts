import { createHash } from 'node:crypto';
import type { LedgerEntry } from '../ledger/index.js';
import { tenantKey } from '../lib/keys.js';
import type { CacheKv } from './kv.js';

export type CacheMode = 'USE' | 'BYPASS' | 'REFRESH';

/** What a hit answers with, and what the original run cost (the hit's saving). Stored as JSON. */
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

/** A message as the cache key sees it: its role, its normalized text, and what ties it to tools. */
export type KeyedMessage = { role: string; content: string; toolCalls?: unknown; toolCallId?: string };

/**
 * Exact-match key: the tenant (in the hash tag and in the hash), the agent and its version, the
 * caller's routing override and output cap, the user when the agent's cache is per user, the
 * caller's tools, and the normalized conversation. Two tenants never share a key.
 */
export function responseCacheKey(parts: {
  tenantId: string;
  agentId: string;
  agentVersion: number;
  routing: string;
  /** The output cap: an answer cut short for one caller must not be served to another. */
  maxOutputTokens: number;
  /** Set when the agent's cache scope is USER. */
  userId: string | null;
  tools: unknown;
  messages: KeyedMessage[];
}): string {
  const messages = parts.messages.map((m) => [m.role, normalize(m.content), m.toolCalls ?? null, m.toolCallId ?? null]);
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        parts.tenantId,
        parts.agentId,
        parts.agentVersion,
        parts.routing,
        parts.maxOutputTokens,
        parts.userId,
        parts.tools ?? null,
        messages,
      ]),
    )
    .digest('hex');
  return tenantKey(parts.tenantId, 'rc', digest);
}

export const parseCachedAnswer = (raw: string) => JSON.parse(raw) as CachedAnswer;

/** Reads a fresh entry; the entry's own expiry is checked against the injected clock. */
export async function readCachedAnswer(kv: CacheKv, key: string, now: number): Promise<CachedAnswer | undefined> {
  const raw = await kv.get(key);
  if (!raw) return undefined;
  const answer = parseCachedAnswer(raw);
  return answer.expiresAt > now ? answer : undefined;
}

export async function storeCachedAnswer(
  kv: CacheKv,
  key: string,
  answer: CachedAnswer,
  ttlSeconds: number,
): Promise<boolean> {
  const value = JSON.stringify(answer);
  if (ttlSeconds <= 0 || Buffer.byteLength(value) > MAX_ENTRY_BYTES) return false;
  await kv.set(key, value, ttlSeconds);
  return true;
}

/**
 * A cache hit's ledger entry: the pipeline's entry for the hit (a run at no cost and its one
 * `cache_hit` event) with the cached answer's facts filled in. The Redis GATE script does exactly
 * this in Lua, in the same step as it finds the answer; the contract suite holds the two together.
 */
export function fillHit(entry: LedgerEntry, answer: CachedAnswer): LedgerEntry {
  const run = entry.run && {
    ...entry.run,
    savedCostMicros: answer.costMicros,
    route: { ...entry.run.route, reason: `response cache hit (run ${answer.runId})` },
    transcript: entry.run.transcript ? { ...(entry.run.transcript as object), output: answer.output } : null,
  };
  const events = entry.events.map((e) => ({ ...e, modelId: answer.modelId, savedCostMicros: answer.costMicros }));
  return { events, run };
}
