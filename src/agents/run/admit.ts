import {
  type SpanRequest,
  type SpanState,
  type SpanStop,
  decideLadder,
  degradationsOf,
  gateRun,
  readWindows,
  reserveBudget,
  type BudgetWindow,
  type CacheProbe,
  type Degradation,
  type Reservation,
} from '../../budgets/index.js';
import type { CachedAnswer } from '../../cache/response-cache.js';
import type { TenantContext } from '../../context.js';
import type { ModelRow } from '../../db/schema/index.js';
import type { LedgerEntry } from '../../ledger/index.js';
import { estimateCostMicros } from '../../pricing/cost.js';
import type { PreparedRun } from './prepare.js';

export type Admission =
  | { kind: 'hit'; answer: CachedAnswer; entry: LedgerEntry; span: SpanState | undefined }
  | {
      kind: 'admitted';
      reservation: Reservation;
      model: ModelRow;
      outputCap: number;
      degradations: Degradation[];
      span: SpanState | undefined;
    }
  | { kind: 'refused'; window: BudgetWindow; used: number; span: SpanState | undefined }
  /** The run this call would continue is over, expired, or someone else's. */
  | { kind: 'run_refused'; reason: SpanStop | 'EXPIRED' | 'FOREIGN'; span: SpanState | undefined };

/** What a run asks to hold: its first model call, and the side calls it may make before it. */
export type AdmissionAsk = {
  model: ModelRow;
  cheaper: ModelRow[];
  inputTokens: number;
  outputCap: number;
  side: { tokens: number; costMicros: number };
  holdMs: number;
  probe: CacheProbe | undefined;
  /** The run this call belongs to, when runs span calls. */
  span: SpanRequest | undefined;
};

const ATTEMPTS = 3;

/**
 * The gate (rate, response cache, hold) in one step, optimistically on the routed model. When the
 * estimate doesn't fit, the degradation ladder picks a cheaper model, then a shorter answer, from
 * the windows' current use, and that is held instead; or the run is refused with the blocking
 * window. A caller over its rate is a fault (RATE_LIMITED), thrown.
 */
export async function admitRun(ctx: TenantContext, run: PreparedRun, ask: AdmissionAsk): Promise<Admission> {
  const { deps } = ctx;
  const hold = (model: ModelRow, outputCap: number) => ({
    tenantId: run.tenant.id,
    userId: run.user?.id ?? null,
    windows: run.windows,
    now: deps.clock.now(),
    holdMs: ask.holdMs,
    tokens: ask.side.tokens + ask.inputTokens + outputCap,
    costMicros: ask.side.costMicros + estimateCostMicros(model, ask.inputTokens, outputCap),
  });
  const gate = await gateRun(deps.budgets, {
    ...hold(ask.model, ask.outputCap),
    rate: { keyId: run.apiKeyId, perMinute: deps.config.rateLimitPerMinute },
    probe: ask.probe,
    span: ask.span,
  });
  switch (gate.kind) {
    case 'rate_limited':
      throw gate.error;
    case 'run_refused':
    case 'hit':
      return gate;
    case 'held': {
      const { reservation, span } = gate;
      return { kind: 'admitted', reservation, model: ask.model, outputCap: ask.outputCap, degradations: [], span };
    }
    case 'denied':
      break;
  }
  const span = gate.span;
  let denied = gate.denial;
  for (let attempt = 1; attempt < ATTEMPTS; attempt++) {
    const now = deps.clock.now();
    const usage = await readWindows(deps.budgets, run.tenant.id, run.windows, now);
    // What the side calls may take is not the first call's to use.
    const remaining = run.windows.map((w, i) => ({
      kind: w.kind,
      unit: w.unit,
      remaining:
        w.limit - usage[i]!.used - usage[i]!.reserved - (w.unit === 'USD' ? ask.side.costMicros : ask.side.tokens),
    }));
    const decision = decideLadder({
      routed: ask.model,
      cheaper: ask.cheaper,
      inputTokens: ask.inputTokens,
      outputCap: ask.outputCap,
      remaining,
    });
    if (decision.kind === 'REFUSE') {
      const i = run.windows.findIndex((w) => w.kind === decision.window);
      return { kind: 'refused', window: run.windows[i]!, used: usage[i]!.used + usage[i]!.reserved, span };
    }
    const model = [ask.model, ...ask.cheaper].find((m) => m.id === decision.model.id)!;
    const held = await reserveBudget(deps.budgets, hold(model, decision.outputCap));
    if (held.kind === 'held') {
      const degradations = degradationsOf(decision, ask.model, ask.outputCap);
      return {
        kind: 'admitted',
        reservation: held.reservation,
        model,
        outputCap: decision.outputCap,
        degradations,
        span,
      };
    }
    denied = held.denial;
  }
  return { kind: 'refused', window: denied.window, used: denied.usage.used + denied.usage.reserved, span };
}
