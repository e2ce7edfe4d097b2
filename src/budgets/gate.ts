import type { CacheKv } from '../cache/kv.js';
import { fillHit, readCachedAnswer, type CachedAnswer } from '../cache/response-cache.js';
import type { LedgerEntry } from '../ledger/index.js';
import { AppError } from '../lib/errors.js';
import { rateLimited, rateSpec, type RateLimit } from './rate-limit.js';
import {
  admitUnguarded,
  asStoreFault,
  denial,
  holdRequest,
  newReservation,
  withSeeding,
  type BudgetDeps,
  type Denial,
  type HoldAsk,
  type Reservation,
} from './service.js';
import type { GateOutcome, Seed, SpanRequest, SpanState, SpanStop } from './store.js';

/** The response-cache look-up a gate makes: where, and the entry a hit is recorded as. */
export type CacheProbe = { key: string; hit: LedgerEntry; cache: CacheKv };

/** What a new call gets at the door: one typed outcome of one atomic step. */
export type Gate =
  | { kind: 'rate_limited'; error: AppError }
  | { kind: 'run_refused'; reason: SpanStop | 'EXPIRED' | 'FOREIGN'; span: SpanState | undefined }
  | { kind: 'hit'; answer: CachedAnswer; entry: LedgerEntry; span: SpanState | undefined }
  | { kind: 'held'; reservation: Reservation; span: SpanState | undefined }
  | { kind: 'denied'; denial: Denial; span: SpanState | undefined };

/**
 * A new run's admission: the caller's request rate, then the response cache, then the hold of its
 * estimate, in one round trip to the store. Where the cache lives elsewhere (CACHE_REDIS_URL) it
 * is read first and the store does the rest. A hit's run record is durable before this returns.
 */
export async function gateRun(
  deps: BudgetDeps,
  ask: HoldAsk & { rate?: RateLimit; probe?: CacheProbe; span?: SpanRequest },
): Promise<Gate> {
  const rate = rateSpec(ask.tenantId, ask.rate, ask.now);
  const reservation = newReservation(ask);
  const request = {
    ...holdRequest(reservation, reservation.held, ask.now, ask.holdMs),
    rateLimit: rate,
    span: ask.span,
  };
  try {
    const probe = ask.probe;
    // A call inside a run goes through the store's gate (the run's record lives there), cache and all.
    if (probe && !deps.store.probesCache && !ask.span) {
      const answer = await readCachedAnswer(probe.cache, probe.key, ask.now.getTime()).catch((err: unknown) => {
        deps.log.warn({ err }, 'response cache unavailable');
        return undefined;
      });
      if (answer) return await recordHit(deps, ask, rate, fillHit(probe.hit, answer), answer);
    }
    const cacheProbe = probe && deps.store.probesCache ? { key: probe.key, hit: probe.hit } : undefined;
    // A retry after rebuilding counters is the same request: the script counted nothing yet.
    const outcome = await withSeeding<GateOutcome>(deps, ask.tenantId, ask.windows, () =>
      deps.store.gate({ ...request, cacheProbe }),
    );
    return settleGate(deps, ask, outcome, reservation);
  } catch (err) {
    if (err instanceof AppError || deps.failMode === 'closed') throw asStoreFault(deps, err);
    return { kind: 'held', reservation: admitUnguarded(deps, reservation, err), span: undefined };
  }
}

function settleGate(
  deps: BudgetDeps,
  ask: HoldAsk & { rate?: RateLimit },
  outcome: Exclude<GateOutcome, Seed>,
  r: Reservation,
): Gate {
  switch (outcome.kind) {
    case 'rate_limited':
      return { kind: 'rate_limited', error: rateLimited(ask.rate!, ask.now) };
    case 'run_refused':
      return { kind: 'run_refused', reason: outcome.reason, span: outcome.span };
    case 'hit':
      if (outcome.streamEntry) deps.outbox.track(outcome.entry, outcome.streamEntry);
      return { kind: 'hit', answer: outcome.answer, entry: outcome.entry, span: outcome.span };
    case 'held':
      return { kind: 'held', reservation: r, span: outcome.span };
    case 'denied':
      return { kind: 'denied', denial: denial(r.windows, r.held, outcome), span: outcome.span };
  }
}

/** A hit found in a separate cache: counted against the rate, then recorded. */
async function recordHit(
  deps: BudgetDeps,
  ask: HoldAsk & { rate?: RateLimit },
  rate: ReturnType<typeof rateSpec>,
  entry: LedgerEntry,
  answer: CachedAnswer,
): Promise<Gate> {
  if (rate && (await deps.store.countRate(rate)))
    return { kind: 'rate_limited', error: rateLimited(ask.rate!, ask.now) };
  const stream = await deps.store.append(ask.tenantId, entry);
  if (stream) deps.outbox.track(entry, stream);
  return { kind: 'hit', answer, entry, span: undefined };
}
