import type { StoredAgentRun } from '../db/schema/index.js';
import type { AlertDraft, LedgerEntry, UsageEvent } from '../ledger/index.js';
import { claimsKnownKey } from './claims.js';
import { asStoreFault, holdRequest, withSeeding, type BudgetDeps, type Reservation } from './service.js';
import type { ClaimWrite, SpanCharge } from './store.js';
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
  try {
    const outcome = await withSeeding(deps, reservation.tenantId, reservation.windows, () =>
      deps.store.force(holdRequest(reservation, amounts, now, holdMs)),
    );
    // A hold that expired is charged in full at settle anyway.
    if (outcome.kind === 'held') reservation.held = reservation.held.map((h, i) => h + amounts[i]!);
  } catch (err) {
    throw asStoreFault(deps, err);
  }
}

/** One line of what a settlement charges: a kind of call on one model. */
export type UsageLine = {
  kind: string;
  modelId: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
  /** What routing saved on this line (its cost on the agent's strong model, minus its cost). */
  savedCostMicros?: number;
};

/** Who the usage belongs to beyond the reservation's tenant and user. */
export type UsageOwner = {
  agentId?: string | null;
  runId?: string | null;
  /** This call is its run's first (default): its first line counts the run in usage reports. */
  opensRun?: boolean;
};

/** The ledger events of a settlement: one per line, with ids derived from the reservation's (so a retry is a duplicate). */
export function usageEvents(reservation: Reservation, owner: UsageOwner, lines: UsageLine[]): UsageEvent[] {
  return lines.map((line, i) => ({
    id: i === 0 ? reservation.id : `${reservation.id}.${i}`,
    tenantId: reservation.tenantId,
    userId: reservation.userId,
    agentId: owner.agentId ?? null,
    runId: owner.runId ?? null,
    modelId: line.modelId,
    kind: line.kind,
    inputTokens: line.inputTokens,
    outputTokens: line.outputTokens,
    cachedInputTokens: line.cachedInputTokens,
    totalTokens: line.inputTokens + line.outputTokens,
    costMicros: line.costMicros,
    savedCostMicros: line.savedCostMicros ?? 0,
    opensRun: i === 0 && owner.opensRun !== false,
    occurredAt: reservation.occurredAt.toISOString(),
  }));
}

/**
 * Replaces the hold by what was used and refunds the rest, appending the settlement's ledger
 * events (and the run record, when given) in the same step. Usage above the hold is first held by
 * a true-up, so the settlement never exceeds what was reserved. Idempotent on the reservation.
 */
export async function settleReservation(
  deps: BudgetDeps,
  reservation: Reservation,
  owner: UsageOwner,
  lines: UsageLine[],
  now: Date,
  run: StoredAgentRun | null = null,
  /** A claimed idempotency key, marked done with its answer in the same step as the charge. */
  claim?: ClaimWrite,
  /** The run (spanning calls) this call belongs to: its totals grow in the same step. */
  span?: SpanCharge,
  /** Alerts the settlement raises (a run's cost): stored with its ledger entry, so never lost. */
  alerts: AlertDraft[] = [],
): Promise<UsageEvent[]> {
  const events = usageEvents(reservation, owner, lines);
  const tokens = events.reduce((n, e) => n + e.totalTokens, 0);
  const costMicros = events.reduce((n, e) => n + e.costMicros, 0);
  const entry: LedgerEntry = { events, run, ...(alerts.length ? { alerts } : {}) };
  const charges = amountsFor(reservation.windows, tokens, costMicros);
  if (reservation.guarded) {
    try {
      // After the true-up the hold covers the usage (unless it had expired: then all is charged).
      await trueUp(deps, reservation, { tokens, costMicros }, now);
      const outcome = await withSeeding(deps, reservation.tenantId, reservation.windows, () =>
        deps.store.settle({
          tenantId: reservation.tenantId,
          reservationId: reservation.id,
          windows: reservation.windows,
          charges,
          entry,
          claim,
          span,
          now: now.getTime(),
        }),
      );
      if (outcome.kind === 'settled' && outcome.streamEntry) deps.outbox.track(entry, outcome.streamEntry);
      return events;
    } catch (err) {
      // The usage happened whatever the store says: it goes to the ledger, never lost.
      deps.log.warn({ err }, 'budget store unavailable at settle: writing the ledger directly');
    }
  }
  // Unguarded, or the store failed: the ledger gets the rows now (idempotent on their ids) and the
  // counters they touch are rebuilt from the ledger once the store answers.
  await deps.outbox.insertNow([entry]);
  for (const w of reservation.windows) deps.stale.add(w.key);
  // The claim was not marked done in the store: the next claim restores it from the ledger.
  if (claim) deps.stale.add(claimsKnownKey(reservation.tenantId));
  return events;
}

/** Makes an entry durable that moves no counter: a refused run. */
export async function recordEntry(deps: BudgetDeps, tenantId: string, entry: LedgerEntry): Promise<void> {
  try {
    const stream = await deps.store.append(tenantId, entry);
    if (stream) deps.outbox.track(entry, stream);
  } catch (err) {
    deps.log.warn({ err }, 'budget store unavailable: writing the ledger directly');
    await deps.outbox.insertNow([entry]);
  }
}
