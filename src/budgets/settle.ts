import { AppError } from '../lib/errors.js';
import type { LedgerEntry, LedgerEvent, RunRecord } from './ledger-entry.js';
import { unavailable, withSeeding, type BudgetDeps, type Reservation } from './service.js';
import { amountsFor } from './windows.js';

/** Settling: the hold becomes what was used, and the ledger gets exactly one entry for it. */

const heldOf = (r: Reservation, unit: 'TOKENS' | 'USD') =>
  Math.min(...r.windows.flatMap((w, i) => (w.unit === unit ? [r.held[i]!] : [])), Number.MAX_SAFE_INTEGER);

/**
 * A true-up: when a provider reports more than was held (its count differs from the tokenizer's
 * estimate), the hold grows to cover what was really spent, past the limit if need be. Money
 * spent is charged; the next reservation or extension is then refused.
 */
export async function trueUp(
  deps: BudgetDeps,
  reservation: Reservation,
  spent: { tokens: number; costMicros: number },
  now: Date,
  /** How long the hold must still live: a live run's remaining time, not less. */
  holdMs = 60_000,
): Promise<void> {
  const tokens = Math.max(0, spent.tokens - heldOf(reservation, 'TOKENS'));
  const cost = Math.max(0, spent.costMicros - heldOf(reservation, 'USD'));
  if (!reservation.guarded || (tokens === 0 && cost === 0)) return;
  const amounts = amountsFor(reservation.windows, tokens, cost);
  const hold = {
    tenantId: reservation.tenantId, reservationId: reservation.id, windows: reservation.windows, amounts,
    now: now.getTime(), expiresAt: now.getTime() + holdMs,
  };
  try {
    const outcome = await withSeeding(deps, reservation.tenantId, reservation.windows, () => deps.store.force(hold));
    // A hold that expired is charged in full at settle anyway.
    if (outcome.kind === 'held') reservation.held = reservation.held.map((h, i) => h + amounts[i]!);
  } catch (err) {
    throw err instanceof AppError ? err : unavailable(deps, err);
  }
}

export type Usage = {
  kind: string;
  agentId?: string | null;
  runId?: string | null;
  modelId?: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  costMicros: number;
  savedCostMicros?: number;
};

/**
 * Replaces the hold by what was used and refunds the rest, appending exactly one ledger event (and
 * the run record, when given) in the same step. Usage above the hold is first held by a true-up,
 * so the settlement never exceeds what was reserved. Idempotent on the reservation.
 */
export async function settleReservation(
  deps: BudgetDeps,
  reservation: Reservation,
  usage: Usage,
  now: Date,
  run: RunRecord | null = null,
): Promise<LedgerEvent> {
  const tokens = usage.inputTokens + usage.outputTokens;
  const costMicros = usage.costMicros;
  const event: LedgerEvent = {
    id: reservation.id,
    tenantId: reservation.tenantId,
    userId: reservation.userId,
    agentId: usage.agentId ?? null,
    runId: usage.runId ?? null,
    modelId: usage.modelId ?? null,
    kind: usage.kind,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cachedInputTokens: usage.cachedInputTokens ?? 0,
    totalTokens: tokens,
    costMicros,
    savedCostMicros: usage.savedCostMicros ?? 0,
    occurredAt: reservation.occurredAt.toISOString(),
  };
  const entry: LedgerEntry = { event, run };
  const charges = amountsFor(reservation.windows, tokens, costMicros);
  if (reservation.guarded) {
    try {
      // After the true-up the hold covers the usage (unless it had expired: then all is charged).
      await trueUp(deps, reservation, { tokens, costMicros }, now);
      const outcome = await withSeeding(deps, reservation.tenantId, reservation.windows, () =>
        deps.store.settle({ tenantId: reservation.tenantId, reservationId: reservation.id, windows: reservation.windows, charges, entry, now: now.getTime() }),
      );
      if (outcome.kind === 'settled' && outcome.streamEntry) deps.ledger.enqueue(entry, outcome.streamEntry);
      return event;
    } catch (err) {
      // The usage happened whatever the store says: it goes to the ledger, never lost.
      deps.log.warn({ err }, 'budget store unavailable at settle: writing the ledger directly');
    }
  }
  // Unguarded, or the store failed: the ledger gets the row now (idempotent on its id) and the
  // counters it touches are rebuilt from the ledger once the store answers.
  await deps.ledger.insertNow([entry]);
  for (const w of reservation.windows) deps.stale.add(w.key);
  return event;
}

/** Makes an entry durable that moves no counter: a refused run, a cache hit. */
export async function recordEntry(deps: BudgetDeps, tenantId: string, entry: LedgerEntry): Promise<void> {
  try {
    const stream = await deps.store.append(tenantId, entry);
    if (stream) deps.ledger.enqueue(entry, stream);
  } catch (err) {
    deps.log.warn({ err }, 'budget store unavailable: writing the ledger directly');
    await deps.ledger.insertNow([entry]);
  }
}
