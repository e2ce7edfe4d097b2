import type { CachedAnswer } from '../cache/response-cache.js';
import type { LedgerEntry, StreamEntry } from '../ledger/index.js';

/** A window as the store sees it: a key, a limit and how long to keep the counter. */
export type WindowSpec = { key: string; limit: number; ttlSeconds: number };
export type WindowUsage = { used: number; reserved: number };
/** A fixed request-rate window: its key names the window. */
export type RateSpec = { key: string; limit: number; windowSeconds: number };

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

/**
 * A new run's admission, one atomic step: count the caller's rate, look in the response cache,
 * and hold the estimate. On a fresh hit, the hit's entry (`cacheProbe.hit`, filled in with the
 * answer's facts) is made durable and nothing is held.
 */
export type GateRequest = HoldRequest & {
  rateLimit?: RateSpec | undefined;
  cacheProbe?: { key: string; hit: LedgerEntry } | undefined;
  /** The run this call belongs to, when it may span several calls (a client-side tool loop). */
  span?: SpanRequest | undefined;
};

/** Why a run stopped, or stops this call. */
export type SpanStop = 'TOOL_CALLS' | 'TOKENS' | 'COST' | 'DURATION';

/**
 * A run that spans calls: its store record, who may continue it (tenant by the key's hash tag,
 * then user and agent), the record id a new one gets, and the limits every call is checked against.
 */
export type SpanRequest = {
  key: string;
  /** Remembers an id for a day: a call on an expired run is refused, never a fresh run. */
  seenKey: string;
  scope: string;
  recordId: string;
  ttlMs: number;
  limits: { toolCalls: number; tokens: number; costMicros: number; durationMs: number };
};

/** A run's totals over the calls settled so far. */
export type SpanState = {
  started: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
  toolCalls: number;
  calls: number;
  /** The run's record (one agent_runs row for all its calls). */
  record: string;
};

/** What a call adds to its run when it settles, and whether it ended the run. */
export type SpanCharge = {
  key: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
  toolCalls: number;
  ended?: SpanStop | undefined;
};

/** Counters of these windows are missing: rebuild them from the ledger, then retry. */
export type Seed = { kind: 'seed'; indexes: number[] };

export type GateOutcome =
  | { kind: 'rate_limited' }
  /** The run this call continues is over (a limit), expired, or not the caller's. */
  | { kind: 'run_refused'; reason: SpanStop | 'EXPIRED' | 'FOREIGN'; span?: SpanState | undefined }
  | {
      kind: 'hit';
      answer: CachedAnswer;
      entry: LedgerEntry;
      streamEntry?: StreamEntry | undefined;
      span?: SpanState | undefined;
    }
  | { kind: 'held'; usage: WindowUsage[]; span?: SpanState | undefined }
  | { kind: 'denied'; index: number; usage: WindowUsage; span?: SpanState | undefined }
  | Seed;

export type HoldOutcome =
  | { kind: 'held'; usage: WindowUsage[] }
  | { kind: 'denied'; index: number; usage: WindowUsage }
  /** extend and force only: the hold expired or was lost. */
  | { kind: 'gone' }
  | Seed;

/** An idempotency key's record in the store: who holds it, for which request, and its answer once done. */
export type ClaimRecord = { runId: string; hash: string; state: 'running' | 'done'; result?: unknown };
export type ClaimWrite = { key: string; record: ClaimRecord; ttlSeconds: number };

export type ClaimOutcome =
  | { kind: 'claimed' }
  | { kind: 'taken'; record: ClaimRecord }
  /** The store does not know this tenant's claims (it lost its data): restore them, then retry. */
  | { kind: 'rebuild' };

export type SettleRequest = {
  tenantId: string;
  reservationId: string;
  windows: WindowSpec[];
  /** Per window: what to charge (never more than held: the caller clamps). */
  charges: number[];
  /** The ledger events (and run record) written in the same step as the counters move. */
  entry: LedgerEntry;
  /** A claimed idempotency key, marked done with its answer in the same step. */
  claim?: ClaimWrite | undefined;
  /** The run this call belongs to: its totals grow by this call's in the same step. */
  span?: SpanCharge | undefined;
  now: number;
};

export type SettleOutcome = { kind: 'settled'; streamEntry?: StreamEntry | undefined } | { kind: 'duplicate' } | Seed;

/**
 * Budget counters, changed only atomically. Two implementations pass one contract suite:
 * Redis (Lua scripts; several processes) and process memory (the embedded mode, one process).
 */
export interface BudgetStore {
  readonly kind: 'redis' | 'memory';
  /** Whether `gate` can look in the response cache (it lives with the counters). */
  readonly probesCache: boolean;
  gate(req: GateRequest): Promise<GateOutcome>;
  /** A further hold for a run already admitted (the degradation ladder's second try). */
  reserve(req: HoldRequest): Promise<HoldOutcome>;
  extend(req: HoldRequest): Promise<HoldOutcome>;
  /** Grows a live hold past the limit if need be: for usage already incurred (a true-up). */
  force(req: HoldRequest): Promise<HoldOutcome>;
  settle(req: SettleRequest): Promise<SettleOutcome>;
  release(tenantId: string, reservationId: string, now: number): Promise<void>;
  read(tenantId: string, windows: WindowSpec[], now: number): Promise<{ kind: 'ok'; usage: WindowUsage[] } | Seed>;
  /** Creates a missing counter with `used` from the ledger; a counter that exists is left alone. */
  seed(window: WindowSpec, used: number): Promise<void>;
  /** Drops counters so the next use rebuilds them from the ledger. */
  invalidate(keys: string[]): Promise<void>;
  /** Counts one request in a rate window; answers whether it is over the limit. */
  countRate(rate: RateSpec): Promise<boolean>;
  /** Makes an entry that moves no counter durable (a refusal, a cache hit read from a separate cache). */
  append(tenantId: string, entry: LedgerEntry): Promise<StreamEntry | undefined>;
  /** Claims an idempotency key for a run, atomically across processes; or says who has it. */
  claim(tenantId: string, claim: ClaimWrite): Promise<ClaimOutcome>;
  /** Forgets a claim whose run did not charge (a retry then runs again), if it is still that run's. */
  unclaim(tenantId: string, key: string, runId: string): Promise<void>;
  /** Puts back the charged runs a rebuild found (never over a newer claim), then knows the tenant's claims. */
  restoreClaims(tenantId: string, claims: ClaimWrite[], knownForSeconds: number): Promise<void>;
}
