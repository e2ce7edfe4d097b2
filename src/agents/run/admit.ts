import type { TenantContext } from '../../auth/context.js';
import { readWindows, reserveBudget, type CacheHit, type Reservation } from '../../budgets/index.js';
import { costMicros, decideLadder } from '../../budgets/ladder.js';
import type { BudgetWindow } from '../../budgets/windows.js';
import type { ModelRow } from '../../db/schema/index.js';
import type { RunPlan } from './types.js';

export type Admission =
  | { ok: true; reservation: Reservation; model: ModelRow; outputCap: number; degradations: ('CHEAPER_MODEL' | 'SHORTER_RESPONSE')[] }
  | { ok: true; hit: CacheHit }
  | { ok: false; window: BudgetWindow; used: number };

const ATTEMPTS = 3;

/**
 * Reserves the run's estimate on the routed model, optimistically: one atomic script when it fits.
 * When it doesn't, the degradation ladder picks a cheaper model, then a shorter answer, from the
 * windows' current use, and that is reserved instead; or the run is refused with the blocking window.
 */
export async function admit(
  ctx: TenantContext,
  plan: RunPlan,
  req: {
    model: ModelRow; cheaper: ModelRow[]; inputTokens: number; outputCap: number; holdMs: number;
    cacheProbe?: { key: string; entryTemplate: string };
    /** Counted with the first reservation, unless the caller counted it already. */
    rate?: { keyId: string; perMinute: number };
  },
): Promise<Admission> {
  const { deps } = ctx;
  let choice = { model: req.model, outputCap: req.outputCap, degradations: [] as ('CHEAPER_MODEL' | 'SHORTER_RESPONSE')[] };
  for (let attempt = 0; ; attempt++) {
    const now = deps.clock.now();
    const ask = {
      tenantId: plan.tenant.id, userId: plan.user?.id ?? null, windows: plan.windows, now, holdMs: req.holdMs,
      tokens: req.inputTokens + choice.outputCap, costMicros: costMicros(choice.model, req.inputTokens, choice.outputCap),
    };
    // Only the first attempt counts the caller's rate and looks in the cache.
    const rate = attempt === 0 ? req.rate : undefined;
    const held =
      attempt === 0 && req.cacheProbe
        ? await reserveBudget(deps.budgets, { ...ask, rate, cacheProbe: req.cacheProbe })
        : await reserveBudget(deps.budgets, { ...ask, rate });
    if (held.ok) return 'hit' in held ? held : { ok: true, reservation: held.reservation, ...choice };
    if (attempt === ATTEMPTS - 1) return { ok: false, window: held.denial.window, used: held.denial.usage.used + held.denial.usage.reserved };
    const usage = await readWindows(deps.budgets, plan.tenant.id, plan.windows, now);
    const remaining = plan.windows.map((w, i) => ({ kind: w.kind, unit: w.unit, remaining: w.limit - usage[i]!.used - usage[i]!.reserved }));
    const decision = decideLadder({ routed: req.model, cheaper: req.cheaper, inputTokens: req.inputTokens, outputCap: req.outputCap, remaining });
    if (decision.action === 'REFUSE') {
      const i = plan.windows.findIndex((w) => w.kind === decision.window);
      return { ok: false, window: plan.windows[i]!, used: usage[i]!.used + usage[i]!.reserved };
    }
    const degradations: ('CHEAPER_MODEL' | 'SHORTER_RESPONSE')[] = [];
    if (decision.model.id !== req.model.id) degradations.push('CHEAPER_MODEL');
    if (decision.outputCap < req.outputCap) degradations.push('SHORTER_RESPONSE');
    const model = [req.model, ...req.cheaper].find((m) => m.id === decision.model.id)!;
    choice = { model, outputCap: decision.outputCap, degradations };
  }
}
