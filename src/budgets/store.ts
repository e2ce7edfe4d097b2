import type { LedgerEntry } from './ledger-entry.js';

/** Fills a cache-hit entry template (see PROBE in redis-scripts.ts) with the cached answer's facts. */
export function fillHitEntry(template: string, answer: { costMicros: number; modelId: string; runId: string }): string {
  return template
    .replaceAll('"@@SAVED@@"', String(answer.costMicros))
    .replaceAll('"@@MODEL@@"', JSON.stringify(answer.modelId))
    .replaceAll('@@RUNID@@', answer.runId);
}

/** A window as the store sees it: a key, a limit and how long to keep the counter. */
export type WindowSpec = { key: string; limit: number; ttlSeconds: number };
export type WindowUsage = { used: number; reserved: number };

export type HoldRequest = {
  tenantId: string;
  reservationId: string;
  windows: WindowSpec[];
  /** Per window: what to add to the hold. */
  amounts: number[];
  now: number;
  /** When an unsettled hold is given back (a crashed run). */
  expiresAt: number;
  /**
   * reserve only: look in the response cache first, in the same round trip. On a fresh hit the
   * hit's ledger entry (the template with its placeholders filled in) is made durable and nothing
   * is held.
   */
  cacheProbe?: { key: string; entryTemplate: string };
  /** reserve only: counts this request against the caller's rate, first of all. */
  rateLimit?: { key: string; limit: number; windowSeconds: number };
};

export type HoldOutcome =
  | { kind: 'held'; usage: WindowUsage[] }
  | { kind: 'denied'; index: number; usage: WindowUsage }
  /** These windows' counters are missing: rebuild them from the ledger, then retry. */
  | { kind: 'seed'; indexes: number[] }
  /** extend only: the reservation expired or was lost. */
  | { kind: 'gone' }
  /** reserve with a cache probe: the cached answer, and the hit's entry (already durable). */
  | { kind: 'cached'; answer: string; entry: LedgerEntry; streamEntry?: StreamEntry }
  /** reserve with a rate limit: the caller is over it; nothing was probed or held. */
  | { kind: 'rate_limited' };

export type SettleRequest = {
  tenantId: string;
  reservationId: string;
  windows: WindowSpec[];
  /** Per window: what to charge (never more than held: the caller clamps). */
  charges: number[];
  /** The ledger event (and run record) written in the same step as the counters move. */
  entry: LedgerEntry;
  now: number;
};

export type StreamEntry = { stream: string; id: string };

export type SettleOutcome =
  | { kind: 'settled'; streamEntry?: StreamEntry }
  | { kind: 'duplicate' }
  | { kind: 'seed'; indexes: number[] };

/**
 * Budget counters, changed only atomically. Two implementations pass one contract suite:
 * Redis (Lua scripts; several processes) and process memory (the embedded mode, one process).
 */
export interface BudgetStore {
  readonly kind: 'redis' | 'memory';
  /** Whether `reserve` can probe the response cache (it lives with the counters). */
  readonly probesCache: boolean;
  reserve(req: HoldRequest): Promise<HoldOutcome>;
  extend(req: HoldRequest): Promise<HoldOutcome>;
  /** Grows a live hold past the limit if need be: for usage already incurred (a true-up). */
  force(req: HoldRequest): Promise<HoldOutcome>;
  settle(req: SettleRequest): Promise<SettleOutcome>;
  release(tenantId: string, reservationId: string, now: number): Promise<void>;
  read(tenantId: string, windows: WindowSpec[], now: number): Promise<{ kind: 'ok'; usage: WindowUsage[] } | { kind: 'seed'; indexes: number[] }>;
  /** Creates a missing counter with `used` from the ledger; a counter that exists is left alone. */
  seed(window: WindowSpec, used: number): Promise<void>;
  /** Drops counters so the next use rebuilds them from the ledger. */
  invalidate(keys: string[]): Promise<void>;
  /** Counts one request in a rate window; answers whether it is over the limit. */
  countRate(rate: { key: string; limit: number; windowSeconds: number }): Promise<boolean>;
  /** Makes an entry that moves no counter durable (a refusal, a cache hit). */
  append(tenantId: string, entry: LedgerEntry): Promise<StreamEntry | undefined>;
}
