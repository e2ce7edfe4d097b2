import { createHash } from 'node:crypto';
import { trueUp, type Reservation } from '../../budgets/index.js';
import type { TenantContext } from '../../context.js';
import type { ModelRow } from '../../db/schema/index.js';
import { tenantKey } from '../../lib/keys.js';
import { estimateCostMicros } from '../../pricing/cost.js';
import { callModel } from '../../providers/call-model.js';
import { countTokens } from '../../providers/tokens.js';
import { countSentTokens, estimateInputTokens } from './estimate.js';
import { tenantLabel } from './outcome.js';
import type { PreparedRun } from './prepare.js';
import type { Spend } from './spend.js';

const DAY_SECONDS = 86_400;

/** A completion Governor makes for itself on a run's behalf: the routing classifier, a history summary. */
export type SideCallSpec = { kind: 'classifier' | 'summary'; system: string; prompt: string; maxOutputTokens: number };

/** What a side call may take at most: held with the run's first call. */
export function sideCallEstimate(model: ModelRow, spec: SideCallSpec): { tokens: number; costMicros: number } {
  const input = estimateInputTokens(spec.system, [{ content: spec.prompt }], 0);
  return { tokens: input + spec.maxOutputTokens, costMicros: estimateCostMicros(model, input, spec.maxOutputTokens) };
}

/** Where a side call is made: on the run's hold, under its signal, its spend added to the run's. */
export type SideCallScope = { spend: Spend; reservation: Reservation; signal: AbortSignal; holdMs: number };

/**
 * A side call on the agent's cheap model: cached by content hash for a day (a cached answer costs
 * nothing), otherwise charged to the run, which held for it at admission. Answers undefined when
 * the model can't; the run then goes on without it. Reports the time spent waiting for the model.
 */
export async function sideCall(
  ctx: TenantContext,
  run: PreparedRun,
  spec: SideCallSpec,
  scope: SideCallScope,
): Promise<{ text: string | undefined; providerMs: number }> {
  const { deps } = ctx;
  const key = tenantKey(
    run.tenant.id,
    spec.kind,
    createHash('sha256').update(`${spec.system}\n${spec.prompt}`).digest('hex'),
  );
  const cached = await deps.cache.get(key).catch(() => null);
  if (cached !== null) {
    deps.metrics.cacheHits.inc({ cache: spec.kind, ...tenantLabel(ctx) });
    return { text: cached, providerMs: 0 };
  }
  // Stopped already: nothing is sent.
  if (scope.signal.aborted) return { text: undefined, providerMs: 0 };

  const model = run.models.cheap;
  const sent = () => countSentTokens(spec.system, [{ content: spec.prompt }], 0);
  const started = performance.now();
  let text: string;
  try {
    const result = await callModel(deps.providers, model, {
      system: spec.system,
      messages: [{ role: 'user', content: spec.prompt }],
      tools: {},
      maxOutputTokens: spec.maxOutputTokens,
      signal: scope.signal,
    });
    text = result.text;
    const counted = { inputTokens: sent(), outputTokens: countTokens(text), cachedInputTokens: 0 };
    scope.spend.add(spec.kind, model, result.usage ?? counted);
  } catch (err) {
    const providerMs = performance.now() - started;
    if (scope.signal.aborted) {
      // Stopped (its caller left, its time ran out) after the prompt went out: that is charged, and
      // the run, seeing its signal, ends the way it should.
      scope.spend.add(spec.kind, model, { inputTokens: sent(), outputTokens: 0, cachedInputTokens: 0 });
      return { text: undefined, providerMs };
    }
    ctx.log.warn({ err, kind: spec.kind }, 'side call failed');
    return { text: undefined, providerMs };
  }
  const providerMs = performance.now() - started;
  // The provider's count can exceed the estimate: hold what was really spent.
  await trueUp(
    deps.budgets,
    scope.reservation,
    { tokens: scope.spend.callTokens, costMicros: scope.spend.callCostMicros },
    deps.clock.now(),
    scope.holdMs,
  );
  await deps.cache.set(key, text, DAY_SECONDS).catch(() => undefined);
  return { text, providerMs };
}
