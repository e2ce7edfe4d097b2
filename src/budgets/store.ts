import type { LedgerEntry } from './ledger-entry.js';

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
};

export type HoldOutcome =
  | { kind: 'held'; usage: WindowUsage[] }
  | { kind: 'denied'; index: number; usage: WindowUsage }
  /** These windows' counters are missing: rebuild them from the ledger, then retry. */
  | { kind: 'seed'; indexes: number[] }
  /** extend only: the reservation expired or was lost. */
  | { kind: 'gone' };

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
  /** Makes an entry that moves no counter durable (a refusal, a cache hit). */
  append(tenantId: string, entry: LedgerEntry): Promise<StreamEntry | undefined>;
}
