import type { Db } from '../db/client.js';
import { ledgerTotal, type Outbox } from '../ledger/index.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import type { BudgetStore, HoldOutcome, HoldRequest, Seed, WindowUsage } from './store.js';
import { amountsFor, type BudgetWindow } from './windows.js';

export type BudgetFailMode = 'closed' | 'open';

/** What the budget verbs need; built once in main.ts. */
export type BudgetDeps = {
  store: BudgetStore;
  outbox: Outbox;
  db: Db;
  failMode: BudgetFailMode;
  log: Logger;
  /**
   * What missed a write while the store was down (counters, and the marker that says it knows
   * every idempotency claim): dropped once it is back, so that it is rebuilt from the ledger.
   */
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
export type HoldResult = { kind: 'held'; usage: WindowUsage[] } | { kind: 'denied'; denial: Denial };

/** What a new hold asks for: tokens on every token window, micro-dollars on the spend window. */
export type HoldAsk = {
  tenantId: string;
  userId: string | null;
  windows: BudgetWindow[];
  tokens: number;
  costMicros: number;
  now: Date;
  holdMs: number;
};

const MAX_SEED_ROUNDS = 3;

export function unavailable(deps: BudgetDeps, err: unknown): AppError {
  deps.log.error({ err }, 'budget store unavailable');
  return new AppError(
    'SERVICE_UNAVAILABLE',
    'Budgets cannot be checked right now, so the request was refused; retry shortly.',
    {
      reason: 'BUDGET_STORE_UNAVAILABLE',
    },
  );
}

/** Store faults become SERVICE_UNAVAILABLE; our own faults pass as they are. */
export const asStoreFault = (deps: BudgetDeps, err: unknown) =>
  err instanceof AppError ? err : unavailable(deps, err);

/** Drops what missed usage while the store was away, so that it is rebuilt from the ledger. */
export async function flushStale(deps: BudgetDeps): Promise<void> {
  if (!deps.stale.size) return;
  const keys = [...deps.stale];
  await deps.store.invalidate(keys);
  for (const k of keys) deps.stale.delete(k);
}

/** Rebuilds missing counters from the ledger, never from zero, then retries the operation. */
export async function withSeeding<T extends { kind: string }>(
  deps: BudgetDeps,
  tenantId: string,
  windows: BudgetWindow[],
  op: () => Promise<T | Seed>,
): Promise<Exclude<T, Seed>> {
  await flushStale(deps);
  for (let round = 0; ; round++) {
    const outcome = await op();
    if (outcome.kind !== 'seed') return outcome as Exclude<T, Seed>;
    if (round >= MAX_SEED_ROUNDS) throw new Error('budget counters could not be rebuilt');
    // Everything settled but not yet in Postgres goes there first, so the ledger total is whole.
    await deps.outbox.flush();
    await deps.outbox.recoverOrphans({ tenantId, olderThanMs: 0 });
    for (const i of (outcome as Seed).indexes) {
      const window = windows[i]!;
      await deps.store.seed(window, await ledgerTotal(deps.db, tenantId, window));
    }
  }
}

export function newReservation(ask: HoldAsk, guarded = true): Reservation {
  return {
    id: newId('usage', ask.now.getTime()),
    tenantId: ask.tenantId,
    userId: ask.userId,
    windows: ask.windows,
    held: amountsFor(ask.windows, ask.tokens, ask.costMicros),
    occurredAt: ask.now,
    guarded,
  };
}

export const holdRequest = (r: Reservation, amounts: number[], now: Date, holdMs: number): HoldRequest => ({
  tenantId: r.tenantId,
  reservationId: r.id,
  windows: r.windows,
  amounts,
  now: now.getTime(),
  expiresAt: now.getTime() + holdMs,
});

/** A denial names the window that blocked and what it held already. */
export function denial(
  windows: BudgetWindow[],
  amounts: number[],
  outcome: { index: number; usage: WindowUsage },
): Denial {
  return { window: windows[outcome.index]!, usage: outcome.usage, requested: amounts[outcome.index]! };
}

/**
 * A hold for a request already through the gate (the ladder's cheaper or shorter try): all or
 * nothing, like the gate's own.
 */
export async function reserveBudget(
  deps: BudgetDeps,
  ask: HoldAsk,
): Promise<{ kind: 'held'; reservation: Reservation } | { kind: 'denied'; denial: Denial }> {
  const reservation = newReservation(ask);
  try {
    const outcome = await withSeeding(deps, ask.tenantId, ask.windows, () =>
      deps.store.reserve(holdRequest(reservation, reservation.held, ask.now, ask.holdMs)),
    );
    return held(outcome, reservation);
  } catch (err) {
    if (err instanceof AppError || deps.failMode === 'closed') throw asStoreFault(deps, err);
    return { kind: 'held', reservation: admitUnguarded(deps, reservation, err) };
  }
}

function held(outcome: Exclude<HoldOutcome, Seed>, reservation: Reservation) {
  switch (outcome.kind) {
    case 'held':
      return { kind: 'held' as const, reservation };
    case 'denied':
      return { kind: 'denied' as const, denial: denial(reservation.windows, reservation.held, outcome) };
    case 'gone':
      throw new Error('unreachable: a new hold cannot be gone');
  }
}

/** BUDGET_FAIL_MODE=open: the store is away, the request goes ahead and its usage to the ledger. */
export function admitUnguarded(deps: BudgetDeps, reservation: Reservation, err: unknown): Reservation {
  deps.log.warn(
    { err, tenantId: reservation.tenantId },
    'budget store unavailable: admitting unguarded (BUDGET_FAIL_MODE=open)',
  );
  return { ...reservation, guarded: false };
}

/**
 * Grows a live reservation before a further step of a tool loop; all or nothing like reserve.
 * `gone`: the store no longer has the hold (lost with Redis's data, say): nothing is held for
 * this run any more, and the caller must not go on as if it were.
 */
export async function extendReservation(
  deps: BudgetDeps,
  reservation: Reservation,
  req: { tokens: number; costMicros: number; now: Date; holdMs: number },
): Promise<HoldResult | { kind: 'gone' }> {
  if (!reservation.guarded) return { kind: 'held', usage: [] };
  const amounts = amountsFor(reservation.windows, req.tokens, req.costMicros);
  let outcome: Exclude<HoldOutcome, Seed>;
  try {
    outcome = await withSeeding(deps, reservation.tenantId, reservation.windows, () =>
      deps.store.extend(holdRequest(reservation, amounts, req.now, req.holdMs)),
    );
  } catch (err) {
    throw asStoreFault(deps, err);
  }
  switch (outcome.kind) {
    case 'held':
      reservation.held = reservation.held.map((h, i) => h + amounts[i]!);
      return outcome;
    case 'denied':
      return { kind: 'denied', denial: denial(reservation.windows, amounts, outcome) };
    case 'gone':
      return outcome;
  }
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
export async function readWindows(
  deps: BudgetDeps,
  tenantId: string,
  windows: BudgetWindow[],
  now: Date,
): Promise<WindowUsage[]> {
  try {
    const outcome = await withSeeding(deps, tenantId, windows, () => deps.store.read(tenantId, windows, now.getTime()));
    return outcome.usage;
  } catch (err) {
    throw asStoreFault(deps, err);
  }
}
