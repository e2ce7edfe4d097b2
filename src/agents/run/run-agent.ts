import type { TenantContext } from '../../auth/context.js';
import { countRequest, recordEntry, releaseReservation, settleReservation, type LedgerEntry } from '../../budgets/index.js';
import { readCachedAnswer, responseCacheKey, storeCachedAnswer, type CachedAnswer } from '../../cache/response-cache.js';
import { countMessageTokens } from '../../providers/tokens.js';
import { newId } from '../../lib/ids.js';
import { toMicros } from '../../pricing/cost.js';
import { CLASSIFIER_INSTRUCTIONS, cheaperThan, classifyHeuristic, decideRoute, parseClassifierAnswer, UNSURE_BELOW } from '../../routing/index.js';
import { roleAtLeast } from '../../auth/context.js';
import { toolsFor } from '../tools/registry.js';
import { admit } from './admit.js';
import { compressHistory, historyFits } from './compress.js';
import { withMargin } from './estimate.js';
import { executeRun } from './execute.js';
import { prepareRun } from './prepare.js';
import { budgetExceeded, runRecord, STATUS_OF, upgradeOptions } from './record.js';
import { chargedSideCall } from './side-calls.js';
import type { RunAgentResult, RunPlan } from './types.js';

/** How long past the run's time limit a reservation outlives a crashed process. */
const HOLD_MARGIN_MS = 30_000;

/**
 * runAgent, in order: resolve the caller, agent and plan; answer from the response cache; route;
 * compress a long history; reserve (degrading if needed); run the agent loop under its breakers;
 * settle actual usage with the run record; store the answer in the cache.
 */
export async function runAgent({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<RunAgentResult> {
  const started = performance.now();
  const plan = await prepareRun(ctx, input);
  const result = await runPipeline(ctx, plan);
  const { metrics } = ctx.deps;
  const status = result.run.status;
  metrics.overhead.observe({ outcome: status.toLowerCase() }, (performance.now() - started - plan.providerMs) / 1000);
  metrics.runs.inc({ status });
  if (result.run.modelId && result.run.costMicros) metrics.costMicros.inc({ model: result.run.modelId }, result.run.costMicros);
  return result;
}

async function runPipeline(ctx: TenantContext, plan: RunPlan): Promise<RunAgentResult> {
  const { deps } = ctx;
  const now = () => deps.clock.now().getTime();
  const cacheKey = responseCacheKey({
    tenantId: plan.tenant.id, agentId: plan.agent.id, agentVersion: plan.agent.version, routing: plan.routing,
    maxOutputTokens: plan.maxOutputTokens, history: plan.history, message: plan.message,
  });
  const caching = plan.agent.cacheTtlSeconds > 0 && plan.cache === 'USE';
  // The fast path looks in the cache in the same round trip as the reservation. It needs the
  // route and the input estimate first, so a request that would spend on a classifier or a
  // summary before it (or keeps a transcript) looks in the cache on its own, first.
  const probeWithAdmission =
    caching && deps.budgets.store.probesCache && !plan.agent.storeTranscripts && !needsClassifier(plan) && historyFits(plan);

  const rate = { keyId: ctx.actor.keyId, perMinute: deps.config.rateLimitPerMinute };
  if (caching && !probeWithAdmission) {
    // This request is answered or admitted later: it counts against its key's rate now.
    await countRequest(deps.budgets, plan.tenant.id, rate, deps.clock.now());
    const hit = await readCachedAnswer(deps.cache, cacheKey, now()).catch((err: unknown) => void ctx.log.warn({ err }, 'response cache unavailable'));
    if (hit) {
      const entry = cacheHitEntry(plan, hit, now());
      await recordEntry(deps.budgets, plan.tenant.id, entry);
      return { __typename: 'AgentRunCompleted', run: entry.run!, output: hit.output };
    }
  }

  const route = await decideRoute({
    agent: plan.agent, plan: plan.plan, models: plan.models, override: plan.routing, message: plan.message, historyTurns: plan.history.length,
    classify: async (message) =>
      parseClassifierAnswer(
        (await chargedSideCall(ctx, plan, { kind: 'classifier', system: CLASSIFIER_INSTRUCTIONS, prompt: message.slice(0, 8_000), maxOutputTokens: 5 })) ?? '',
      ),
  });
  const { history, tokens: historyTokens } = await compressHistory(ctx, plan);
  // Counted once per part: 3 for the reply's priming, then system, history and message.
  const promptTokens = 3 + countMessageTokens(plan.agent.instructions) + historyTokens + plan.messageTokens;
  const inputTokens = withMargin(promptTokens, Object.keys(toolsFor(plan.agent.tools)).length);
  const refuse = async (facts: Parameters<typeof runRecord>[1]) => {
    const run = runRecord(plan, facts, now());
    await recordEntry(deps.budgets, plan.tenant.id, { event: null, run });
    return run;
  };

  const outputCap = Math.min(plan.maxOutputTokens, plan.plan.maxTokensPerRun - inputTokens);
  if (outputCap < 1) {
    const message = `The request alone (${inputTokens} tokens) exceeds the run limit of ${plan.plan.maxTokensPerRun} tokens.`;
    const run = await refuse({ status: 'RUN_LIMIT', route, modelId: null, reason: 'TOKENS' });
    return { __typename: 'RunLimitExceeded', run, code: 'RUN_LIMIT_EXCEEDED', message, kind: 'TOKENS', partialOutput: null };
  }
  const holdMs = plan.plan.maxDurationSeconds * 1000 + HOLD_MARGIN_MS;
  const cheaper = cheaperThan(route.model, plan.models, plan.plan);
  const cacheProbe = probeWithAdmission
    ? { key: cacheKey, entryTemplate: JSON.stringify(cacheHitEntry(plan, HIT_PLACEHOLDERS, now())) }
    : undefined;
  const rateCounted = caching && !probeWithAdmission;
  const admission = await admit(ctx, plan, { model: route.model, cheaper, inputTokens, outputCap, holdMs, cacheProbe, rate: rateCounted ? undefined : rate });
  if (admission.ok && 'hit' in admission) {
    const answer = JSON.parse(admission.hit.answer) as CachedAnswer;
    return { __typename: 'AgentRunCompleted', run: admission.hit.entry.run!, output: answer.output };
  }
  if (!admission.ok) {
    const run = await refuse({ status: 'BUDGET_EXCEEDED', route, modelId: null, reason: admission.window.kind });
    return budgetExceeded(plan, run, admission.window, admission.used, await upgrades(ctx, plan, admission.window), null);
  }

  const fallbacks = [plan.models.strong, plan.models.cheap, plan.models.local].filter(
    (m): m is NonNullable<typeof m> => !!m && m.id !== admission.model.id && plan.plan.allowedModelTiers.includes(m.tier),
  );
  const exec = await executeRun(ctx, plan, { model: admission.model, fallbacks, outputCap: admission.outputCap, history, reservation: admission.reservation, holdMs });
  const costMicros = toMicros(exec.costNumerator);
  const ended = exec.ended;
  const run = runRecord(plan, {
    status: STATUS_OF[ended.kind], route: { ...route, tier: exec.model?.tier ?? route.tier }, modelId: exec.model?.id ?? null,
    degradations: admission.degradations, usage: exec, toolCalls: exec.toolCalls, costMicros, output: exec.output,
    reason: {
      COMPLETED: null,
      RUN_LIMIT: ended.kind === 'RUN_LIMIT' ? ended.limit : null,
      BUDGET_EXCEEDED: ended.kind === 'BUDGET_EXCEEDED' ? ended.window.kind : null,
      PROVIDER_UNAVAILABLE: ended.kind === 'PROVIDER_UNAVAILABLE' ? ended.message : null,
      STORE_UNAVAILABLE: 'BUDGET_STORE_UNAVAILABLE',
    }[ended.kind],
  }, now());
  const spent = exec.inputTokens + exec.outputTokens > 0 || costMicros > 0;
  // Issued together with the settlement: one round trip for both.
  const cacheWrite = ended.kind === 'COMPLETED' && plan.agent.cacheTtlSeconds > 0 && plan.cache !== 'BYPASS' && admission.degradations.length === 0 && exec.model
    ? storeCachedAnswer(deps.cache, cacheKey, {
        output: exec.output, modelId: exec.model.id, inputTokens: exec.inputTokens, outputTokens: exec.outputTokens,
        cachedInputTokens: exec.cachedInputTokens, costMicros, runId: run.id, expiresAt: now() + plan.agent.cacheTtlSeconds * 1000,
      }, plan.agent.cacheTtlSeconds).catch((err: unknown) => void ctx.log.warn({ err }, 'could not cache'))
    : undefined;
  if (spent) {
    const { inputTokens: input, outputTokens, cachedInputTokens } = exec;
    const usage = { kind: 'run', agentId: plan.agent.id, runId: run.id, modelId: run.modelId, inputTokens: input, outputTokens, cachedInputTokens, costMicros };
    await settleReservation(deps.budgets, admission.reservation, usage, deps.clock.now(), run);
  } else {
    await releaseReservation(deps.budgets, admission.reservation, deps.clock.now());
    await recordEntry(deps.budgets, plan.tenant.id, { event: null, run });
  }

  switch (ended.kind) {
    case 'COMPLETED':
      await cacheWrite;
      return { __typename: 'AgentRunCompleted', run, output: exec.output };
    case 'RUN_LIMIT':
      return { __typename: 'RunLimitExceeded', run, code: 'RUN_LIMIT_EXCEEDED', message: ended.message, kind: ended.limit, partialOutput: exec.output || null };
    case 'BUDGET_EXCEEDED':
      return budgetExceeded(plan, run, ended.window, ended.used, await upgrades(ctx, plan, ended.window), exec.output || null);
    case 'PROVIDER_UNAVAILABLE':
      return { __typename: 'ProviderUnavailable', run, code: 'PROVIDER_UNAVAILABLE', message: ended.message, retryAfterSeconds: ended.retryAfterSeconds };
    case 'STORE_UNAVAILABLE':
      throw ended.error;
  }
}

function needsClassifier(plan: RunPlan): boolean {
  return plan.agent.routing === 'CLASSIFIER' && plan.routing === 'AUTO' && classifyHeuristic(plan.message, plan.history.length).confidence < UNSURE_BELOW;
}

/** A cache hit's ledger entry: a run at no cost that records what the cached answer saved. */
function cacheHitEntry(plan: RunPlan, hit: Pick<CachedAnswer, 'costMicros' | 'modelId' | 'runId' | 'output'>, endedAt: number): LedgerEntry {
  const run = runRecord(plan, {
    status: 'CACHED', cached: true, modelId: null, savedCostMicros: hit.costMicros, output: hit.output,
    route: { strategy: plan.agent.routing, complexity: 'SIMPLE', confidence: 1, reason: `response cache hit (run ${hit.runId})`, tier: 'CHEAP' },
  }, endedAt);
  const event = {
    id: newId('usage'), tenantId: plan.tenant.id, userId: plan.user?.id ?? null, agentId: plan.agent.id, runId: run.id, modelId: hit.modelId,
    kind: 'cache_hit', inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, totalTokens: 0, costMicros: 0, savedCostMicros: hit.costMicros,
    occurredAt: run.createdAt,
  };
  return { event, run };
}

/** Stand-ins that the store's cache probe replaces with the cached answer's facts (fillHitEntry). */
const HIT_PLACEHOLDERS = { costMicros: '@@SAVED@@' as unknown as number, modelId: '@@MODEL@@', runId: '@@RUNID@@', output: null as unknown as string };

async function upgrades(ctx: TenantContext, plan: RunPlan, window: Parameters<typeof upgradeOptions>[2]) {
  return {
    plans: upgradeOptions(await ctx.deps.plans.list(), plan.plan, window),
    canUpgrade: roleAtLeast(ctx.actor.role, 'ADMIN') && ctx.deps.config.billingEnabled,
  };
}
