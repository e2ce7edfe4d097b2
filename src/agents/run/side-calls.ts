import { createHash } from 'node:crypto';
import type { ModelMessage } from 'ai';
import type { TenantContext } from '../../auth/context.js';
import { releaseReservation, reserveBudget, settleReservation } from '../../budgets/index.js';
import { costMicros } from '../../budgets/ladder.js';
import { tenantKey } from '../../lib/keys.js';
import { runCostMicros } from '../../pricing/cost.js';
import { callModel } from '../../providers/call-model.js';
import { estimateInputTokens } from './estimate.js';
import type { RunPlan } from './types.js';

const DAY_SECONDS = 86_400;

/**
 * A small completion on the agent's cheap model that Governor makes for itself (the routing
 * classifier, a history summary): cached by content hash, and its tokens charged to the caller's
 * budget like any other. Answers undefined when the budget, the model or the cache can't serve.
 */
export async function chargedSideCall(
  ctx: TenantContext,
  plan: RunPlan,
  req: { kind: 'classifier' | 'summary'; system: string; prompt: string; maxOutputTokens: number },
): Promise<string | undefined> {
  const { deps } = ctx;
  const key = tenantKey(plan.tenant.id, req.kind, createHash('sha256').update(`${req.system}\n${req.prompt}`).digest('hex'));
  const cached = await deps.cache.get(key).catch(() => null);
  if (cached !== null) return cached;

  const model = plan.models.cheap;
  const messages: ModelMessage[] = [{ role: 'user', content: req.prompt }];
  const input = estimateInputTokens(req.system, [{ content: req.prompt }], 0);
  const now = deps.clock.now();
  const held = await reserveBudget(deps.budgets, {
    tenantId: plan.tenant.id, userId: plan.user?.id ?? null, windows: plan.windows,
    tokens: input + req.maxOutputTokens, costMicros: costMicros(model, input, req.maxOutputTokens), now, holdMs: 60_000,
  });
  if (!held.ok) return undefined;
  let result: Awaited<ReturnType<typeof callModel>>;
  const started = performance.now();
  try {
    result = await callModel(deps.providers, model, {
      system: req.system, messages, tools: {}, maxOutputTokens: req.maxOutputTokens, signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    ctx.log.warn({ err, kind: req.kind }, 'side call failed');
    await releaseReservation(deps.budgets, held.reservation, deps.clock.now());
    return undefined;
  } finally {
    plan.providerMs += performance.now() - started;
  }
  // Charged whatever happens next: settling falls back to the ledger if the store is away.
  await settleReservation(
    deps.budgets, held.reservation,
    { kind: req.kind, agentId: plan.agent.id, runId: plan.runId, modelId: model.id, ...result.usage, costMicros: runCostMicros(model, result.usage) },
    deps.clock.now(),
  );
  await deps.cache.set(key, result.text, DAY_SECONDS).catch(() => undefined);
  return result.text;
}
