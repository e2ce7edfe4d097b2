import type { Db } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { tenantKey } from '../lib/keys.js';
import type { Logger } from '../lib/logger.js';
import type { LedgerEntry } from './ledger-entry.js';
import { ledgerTotal, type LedgerWriter } from './ledger.js';
import type { BudgetStore, HoldOutcome, WindowUsage } from './store.js';
import { amountsFor, type BudgetWindow } from './windows.js';

export type BudgetFailMode = 'closed' | 'open';

/** What the budget verbs need; built once in main.ts. */
export type BudgetDeps = {
  store: BudgetStore;
  ledger: LedgerWriter;
  db: Db;
  failMode: BudgetFailMode;
  log: Logger;
  /** Open mode: counters that missed usage while the store was down, dropped once it is back. */
  stale: Set<string>;
};

export type Reservation = {
  id: string;
  tenantId: string;
  userId: string | null;
  windows: BudgetWindow[];
  /** Per window: what is held now. */
  held: number[];
  occurredAt: Date;
  /** False when the store was down and BUDGET_FAIL_MODE=open admitted the request unguarded. */
  guarded: boolean;
};

export type Denial = { window: BudgetWindow; usage: WindowUsage; requested: number };
export type HoldResult = { ok: true; usage: WindowUsage[] } | { ok: false; denial: Denial };

const MAX_SEED_ROUNDS = 3;

export function unavailable(deps: BudgetDeps, err: unknown): AppError {
  deps.log.error({ err }, 'budget store unavailable');
  return new AppError('SERVICE_UNAVAILABLE', 'Budgets cannot be checked right now, so the request was refused; retry shortly.', {
    reason: 'BUDGET_STORE_UNAVAILABLE',
  });
}

/** Rebuilds missing counters from the ledger, never from zero, then retries the operation. */
export async function withSeeding<T extends { kind: string }>(
  deps: BudgetDeps,
  tenantId: string,
  windows: BudgetWindow[],
  op: () => Promise<T | { kind: 'seed'; indexes: number[] }>,
): Promise<T> {
  if (deps.stale.size) {
    await deps.store.invalidate([...deps.stale]);
    deps.stale.clear();
  }
  for (let round = 0; ; round++) {
    const outcome = await op();
    if (outcome.kind !== 'seed') return outcome as T;
    if (round >= MAX_SEED_ROUNDS) throw new Error('budget counters could not be rebuilt');
    // Everything settled but not yet in Postgres goes there first, so the ledger total is whole.
    await deps.ledger.flush();
    await deps.ledger.recoverOrphans({ tenantId, olderThanMs: 0 });
    for (const i of (outcome as { indexes: number[] }).indexes) {
      const window = windows[i]!;
      await deps.store.seed(window, await ledgerTotal(deps.db, tenantId, window));
    }
  }
}

function toHoldResult(windows: BudgetWindow[], amounts: number[], outcome: HoldOutcome): HoldResult | 'gone' {
  if (outcome.kind === 'held') return { ok: true, usage: outcome.usage };
  if (outcome.kind === 'cached' || outcome.kind === 'rate_limited') throw new Error('unreachable: only reserveBudget probes the cache or counts the rate');
  if (outcome.kind === 'gone') return 'gone';
  if (outcome.kind === 'denied') {
    return { ok: false, denial: { window: windows[outcome.index]!, usage: outcome.usage, requested: amounts[outcome.index]! } };
  }
  throw new Error('unreachable: seeding is handled by withSeeding');
}

export type CacheHit = { answer: string; entry: LedgerEntry };
type ReserveRequest = { tenantId: string; userId: string | null; windows: BudgetWindow[]; tokens: number; costMicros: number; now: Date; holdMs: number };
type Reserved = { ok: true; reservation: Reservation; usage: WindowUsage[] };
type Denied = { ok: false; denial: Denial };
type Probe = { key: string; entryTemplate: string };
type Rate = { keyId: string; perMinute: number };

const RATE_WINDOW_MS = 60_000;

/** A fixed one-minute window per API key. */
function rateSpec(tenantId: string, rate: Rate | undefined, now: Date) {
  if (!rate || rate.perMinute <= 0) return undefined;
  const window = Math.floor(now.getTime() / RATE_WINDOW_MS);
  return { key: tenantKey(tenantId, 'rl', rate.keyId, window), limit: rate.perMinute, windowSeconds: RATE_WINDOW_MS / 1000 };
}

function rateLimited(rate: Rate, now: Date): AppError {
  const retryAfterSeconds = Math.ceil((RATE_WINDOW_MS - (now.getTime() % RATE_WINDOW_MS)) / 1000);
  return new AppError('RATE_LIMITED', `This API key made more than ${rate.perMinute} agent runs this minute; retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
}

/**
 * Counts a request against its key's rate on its own, for the runs that look in the response
 * cache before their admission (which otherwise counts it, in the same script).
 */
export async function countRequest(deps: BudgetDeps, tenantId: string, rate: Rate, now: Date): Promise<void> {
  const spec = rateSpec(tenantId, rate, now);
  if (!spec) return;
  let over: boolean;
  try {
    over = await deps.store.countRate(spec);
  } catch (err) {
    if (deps.failMode === 'open') return;
    throw unavailable(deps, err);
  }
  if (over) throw rateLimited(rate, now);
}

/**
 * All or nothing: holds `tokens` on every token window and `costMicros` on the spend window.
 * With `cacheProbe` (where the store can), a fresh cached answer is returned instead, recorded,
 * with nothing held: a hit and an admission each take one round trip.
 */
export async function reserveBudget(deps: BudgetDeps, req: ReserveRequest & { cacheProbe: Probe; rate?: Rate }): Promise<Reserved | { ok: true; hit: CacheHit } | Denied>;
export async function reserveBudget(deps: BudgetDeps, req: ReserveRequest & { cacheProbe?: undefined; rate?: Rate }): Promise<Reserved | Denied>;
export async function reserveBudget(
  deps: BudgetDeps,
  req: ReserveRequest & { cacheProbe?: Probe; rate?: Rate },
): Promise<Reserved | { ok: true; hit: CacheHit } | Denied> {
  const amounts = amountsFor(req.windows, req.tokens, req.costMicros);
  const reservation: Reservation = {
    id: newId('usage', req.now.getTime()),
    tenantId: req.tenantId,
    userId: req.userId,
    windows: req.windows,
    held: amounts,
    occurredAt: req.now,
    guarded: true,
  };
  const hold = {
    tenantId: req.tenantId, reservationId: reservation.id, windows: req.windows, amounts, now: req.now.getTime(),
    expiresAt: req.now.getTime() + req.holdMs, cacheProbe: req.cacheProbe,
    // Counted in the same script as the admission.
    rateLimit: rateSpec(req.tenantId, req.rate, req.now),
  };
  try {
    let attempt = 0;
    // A retry after rebuilding counters is the same request: its rate is counted once.
    const outcome = await withSeeding(deps, req.tenantId, req.windows, () => deps.store.reserve(attempt++ ? { ...hold, rateLimit: undefined } : hold));
    if (outcome.kind === 'rate_limited') throw rateLimited(req.rate!, req.now);
    if (outcome.kind === 'cached') {
      if (outcome.streamEntry) deps.ledger.enqueue(outcome.entry, outcome.streamEntry);
      return { ok: true, hit: { answer: outcome.answer, entry: outcome.entry } };
    }
    const result = toHoldResult(req.windows, amounts, outcome);
    if (result === 'gone') throw new Error('unreachable: reserve never answers gone');
    return result.ok ? { ok: true, reservation, usage: result.usage } : result;
  } catch (err) {
    if (err instanceof AppError || deps.failMode === 'closed') throw err instanceof AppError ? err : unavailable(deps, err);
    deps.log.warn({ err, tenantId: req.tenantId }, 'budget store unavailable: admitting unguarded (BUDGET_FAIL_MODE=open)');
    return { ok: true, reservation: { ...reservation, guarded: false }, usage: req.windows.map(() => ({ used: 0, reserved: 0 })) };
  }
}

/** Grows a live reservation before a further step of a tool loop; all or nothing like reserve. */
export async function extendReservation(
  deps: BudgetDeps,
  reservation: Reservation,
  req: { tokens: number; costMicros: number; now: Date; holdMs: number },
): Promise<HoldResult | { ok: false; gone: true }> {
  if (!reservation.guarded) return { ok: true, usage: [] };
  const amounts = amountsFor(reservation.windows, req.tokens, req.costMicros);
  const hold = {
    tenantId: reservation.tenantId, reservationId: reservation.id, windows: reservation.windows, amounts,
    now: req.now.getTime(), expiresAt: req.now.getTime() + req.holdMs,
  };
  let result: HoldResult | 'gone';
  try {
    result = toHoldResult(reservation.windows, amounts, await withSeeding(deps, reservation.tenantId, reservation.windows, () => deps.store.extend(hold)));
  } catch (err) {
    throw err instanceof AppError ? err : unavailable(deps, err);
  }
  if (result === 'gone') return { ok: false, gone: true };
  if (result.ok) reservation.held = reservation.held.map((h, i) => h + amounts[i]!);
  return result;
}

/** Gives the whole hold back (a failed call). */
export async function releaseReservation(deps: BudgetDeps, reservation: Reservation, now: Date): Promise<void> {
  if (!reservation.guarded) return;
  try {
    await deps.store.release(reservation.tenantId, reservation.id, now.getTime());
  } catch (err) {
    // The hold expires on its own; nothing is lost by failing here.
    deps.log.warn({ err, reservationId: reservation.id }, 'could not release a reservation; it will expire');
  }
}

/** Current use of each window, rebuilding lost counters from the ledger. */
export async function readWindows(deps: BudgetDeps, tenantId: string, windows: BudgetWindow[], now: Date): Promise<WindowUsage[]> {
  try {
    const outcome = await withSeeding(deps, tenantId, windows, () => deps.store.read(tenantId, windows, now.getTime()));
    return outcome.usage;
  } catch (err) {
    throw err instanceof AppError ? err : unavailable(deps, err);
  }
}
