import {
  extendReservation,
  recordEntry,
  releaseReservation,
  settleReservation,
  type BudgetWindow,
  type ClaimWrite,
  type Degradation,
  type Reservation,
  type SpanCharge,
  type SpanStop,
} from '../../budgets/index.js';
import { responseCacheKey, storeCachedAnswer } from '../../cache/response-cache.js';
import { roleAtLeast, type TenantContext } from '../../context.js';
import type { ModelRow, TenantRow } from '../../db/schema/index.js';
import { behindOnPayments } from '../../billing/index.js';
import type { AlertDraft, LedgerEntry } from '../../ledger/index.js';
import { newId } from '../../lib/ids.js';
import { estimateCostMicros } from '../../pricing/cost.js';
import {
  CLASSIFIER_INSTRUCTIONS,
  cheaperThan,
  fallbacksFor,
  parseClassifierAnswer,
  planRoute,
  routerChoseCheap,
  withClassifier,
  type RouteDecision,
  type RouteInput,
  type RoutePlan,
} from '../../routing/index.js';
import { toolsFor } from '../tools/registry.js';
import { agentThreshold, calibrates, routeInputOf } from './routing.js';
import { recordId, runRecord, type RunFacts, type RunRecord } from '../run-record.js';
import { admitRun } from './admit.js';
import { compressHistory, planCompression } from './compress.js';
import { withMargin } from './estimate.js';
import type { RunEvent } from './events.js';
import { CallerGone, executeRun, holdLost, RunTimeout, type Ended, type Execution } from './execute.js';
import { completedClaim, claimRun, releaseClaim, type Claim } from './idempotency.js';
import {
  budgetExceeded,
  countCacheHit,
  countOutcome,
  countUsage,
  runCostAlert,
  upgradeOptions,
  upgradeSuggestion,
  type DeliveredResult,
  type RunAgentResult,
} from './outcome.js';
import { historyTokenTotal, prepareRun, promptTokens, type PreparedRun } from './prepare.js';
import type { RunRequest } from './request.js';
import { sideCall, sideCallEstimate, type SideCallScope, type SideCallSpec } from './side-calls.js';
import { refusedSpan, spanKeyOf, spanRequest, STOP_MESSAGES } from './span.js';
import { Spend } from './spend.js';

/** How long past the run's time limit a reservation outlives a crashed process. */
const HOLD_MARGIN_MS = 30_000;

export type RunOptions = {
  /** A caller that goes away: the provider call is cut and what was generated is charged. */
  signal?: AbortSignal;
  /** Stream the provider call, so that `delta` events carry text as it arrives. */
  stream?: boolean;
};

const STATUS_OF = {
  COMPLETED: 'COMPLETED',
  RUN_LIMIT: 'RUN_LIMIT',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  PROVIDER_UNAVAILABLE: 'FAILED',
  CANCELED: 'CANCELED',
  STORE_UNAVAILABLE: 'FAILED',
} as const satisfies Record<Ended['kind'], RunRecord['status']>;

/**
 * runAgent, the one pipeline every door calls, in order: resolve the caller, agent and plan; route;
 * admit (rate, response cache and budget hold in one step, degrading if needed); consult the
 * classifier and compress a long history on the run's hold; run the agent loop under its
 * breakers; settle actual usage with the run record; store the answer in the cache. Yields events
 * as it goes (see RunEvent). Every exit (an abort, an exception, a reader that stops) either
 * settles what was spent or releases the hold.
 */
export async function* runAgentEvents(
  ctx: TenantContext,
  request: RunRequest,
  options: RunOptions = {},
): AsyncGenerator<RunEvent> {
  const started = performance.now();
  const run = await prepareRun(ctx, request);
  let idempotency: Idempotency | undefined;
  if (request.idempotencyKey) {
    const claimed = await claimRun(ctx, run, request.idempotencyKey);
    if (claimed.kind === 'replay') {
      yield* replayEvents(claimed.result, options);
      return;
    }
    idempotency = { claim: claimed.claim, done: false };
  }
  const timing = { providerMs: 0 };
  let result: RunAgentResult | undefined;
  try {
    for await (const event of pipeline(ctx, run, options, timing, idempotency)) {
      if (event.type === 'ended') result = event.result;
      yield event;
    }
  } finally {
    // A run that did not charge gives its key back: a retry runs again (an upgrade in between counts).
    if (idempotency && !idempotency.done) await releaseClaim(ctx, run.tenant.id, idempotency.claim);
    countOutcome(ctx, result, { wallMs: performance.now() - started, providerMs: timing.providerMs });
  }
}

/** A run's idempotency claim, and whether its settlement marked it done. */
type Idempotency = { claim: Claim; done: boolean };

/** A retry with the same key and request: the first call's result, as if it had just run. */
function* replayEvents(result: DeliveredResult, options: RunOptions): Generator<RunEvent> {
  const callId = Object.keys(result.run.calls ?? {})[0] ?? result.run.id;
  yield {
    type: 'routed',
    runId: result.run.id,
    callId,
    route: result.run.route,
    model: null,
    cached: result.run.cached,
  };
  if (options.stream && result.__typename === 'AgentRunCompleted' && result.output)
    yield { type: 'delta', text: result.output };
  yield { type: 'ended', result };
}

async function* pipeline(
  ctx: TenantContext,
  run: PreparedRun,
  options: RunOptions,
  timing: { providerMs: number },
  idempotency: Idempotency | undefined,
): AsyncGenerator<RunEvent> {
  const { deps } = ctx;
  const now = () => deps.clock.now().getTime();
  const routeInput = routeInputOf(run, await agentThreshold(ctx, run.agent));
  const planned = planRoute(routeInput);
  const compression = planCompression(run);
  const sideSpecs: SideCallSpec[] = [];
  if (planned.consultClassifier) sideSpecs.push(classifierSpec(run));
  if (compression) sideSpecs.push(compression.spec);
  const side = sideSpecs
    .map((s) => sideCallEstimate(run.models.cheap, s))
    .reduce((a, b) => ({ tokens: a.tokens + b.tokens, costMicros: a.costMicros + b.costMicros }), {
      tokens: 0,
      costMicros: 0,
    });
  const toolCount = run.request.tools?.length ?? Object.keys(toolsFor(run.agent.tools)).length;
  const inputTokens = withMargin(promptTokens(run, compression?.estimatedTokens ?? historyTokenTotal(run)), toolCount);
  const record = (facts: RunFacts) => runRecord(run, facts, now());
  const spanKey = spanKeyOf(run);
  const span = spanKey ? spanRequest(run, spanKey) : undefined;

  const outputCap = Math.min(run.maxOutputTokens, run.plan.maxTokensPerRun - inputTokens);
  if (outputCap < 1) {
    const message = `The request alone (${inputTokens} tokens) exceeds the run limit of ${run.plan.maxTokensPerRun} tokens.`;
    const refused = await refuse(
      ctx,
      record({ status: 'RUN_LIMIT', route: planned.decision, modelId: null, reason: 'TOKENS' }),
    );
    yield routedEvent(run, refused);
    yield ended({
      __typename: 'RunLimitExceeded',
      run: refused,
      code: 'RUN_LIMIT_EXCEEDED',
      message,
      kind: 'TOKENS',
      partialOutput: null,
    });
    return;
  }

  const cacheKey = responseCacheKey({
    tenantId: run.tenant.id,
    agentId: run.agent.id,
    agentVersion: run.agent.version,
    routing: run.request.routing,
    maxOutputTokens: run.maxOutputTokens,
    // An agent whose answers depend on who asks keeps one cache per user (a service key: per key).
    userId: run.agent.cacheScope === 'USER' ? (run.user?.id ?? `key:${run.apiKeyId}`) : null,
    tools: run.request.tools,
    messages: run.request.messages,
  });
  const caching = run.agent.cacheTtlSeconds > 0 && run.request.cache === 'USE';
  const holdMs = run.plan.maxDurationSeconds * 1000 + HOLD_MARGIN_MS;
  const admission = await admitRun(ctx, run, {
    model: planned.decision.model,
    cheaper: cheaperThan(planned.decision.model, run.models, run.plan),
    inputTokens,
    outputCap,
    side,
    holdMs,
    probe: caching ? { key: cacheKey, hit: cacheHitEntry(run, planned.decision, now()), cache: deps.cache } : undefined,
    span,
  });
  // A call continuing a run: the run's record and totals, as the store had them.
  if (spanKey && admission.span) run.span = { key: spanKey, state: admission.span };
  switch (admission.kind) {
    case 'run_refused': {
      const fault = refusedSpan(admission.reason);
      if (fault) throw fault;
      const reason = admission.reason as SpanStop;
      const facts = {
        status: 'RUN_LIMIT' as const,
        route: planned.decision,
        modelId: null,
        reason,
        toolCalls: run.span?.state.toolCalls,
      };
      const refused = await refuse(ctx, record(facts));
      yield routedEvent(run, refused);
      const message = STOP_MESSAGES[reason](run.plan);
      yield ended({
        __typename: 'RunLimitExceeded',
        run: refused,
        code: 'RUN_LIMIT_EXCEEDED',
        message,
        kind: reason,
        partialOutput: null,
      });
      return;
    }
    case 'hit': {
      const hit = admission.entry.run!;
      countCacheHit(ctx, admission.answer);
      yield routedEvent(run, hit);
      if (options.stream) yield { type: 'delta', text: admission.answer.output };
      yield ended({ __typename: 'AgentRunCompleted', run: hit, output: admission.answer.output });
      return;
    }
    case 'refused': {
      const refused = record({
        status: 'BUDGET_EXCEEDED',
        route: planned.decision,
        modelId: null,
        reason: admission.window.kind,
      });
      const outcome = budgetExceeded(
        refused,
        admission.window,
        admission.used,
        await upgrades(ctx, run, admission.window),
        null,
      );
      await refuse(ctx, refused, upgradeSuggestion(ctx.actor, run.user, outcome, admission.window));
      yield routedEvent(run, refused);
      yield ended(outcome);
      return;
    }
    case 'admitted':
      break;
  }
  // A routed run that missed the cache calibrates its agent's threshold (once: on its first call).
  if (calibrates(run.agent, run.request.routing) && !run.span?.state.calls) {
    await deps.routing.observe(run.tenant.id, run.agent.id, planned.decision.score);
  }

  const prior = run.span?.state;
  const spend = new Spend(prior);
  const { reservation } = admission;
  // The run's own signal: its time limit, or a caller that went away.
  const controller = new AbortController();
  // A run spanning calls has its time limit from its first call.
  const runStarted = prior?.started ?? run.startedAt;
  const timer = setTimeout(
    () => controller.abort(new RunTimeout()),
    run.plan.maxDurationSeconds * 1000 - (now() - runStarted),
  );
  timer.unref();
  const onCallerGone = () => controller.abort(new CallerGone());
  if (options.signal?.aborted) onCallerGone();
  options.signal?.addEventListener('abort', onCallerGone, { once: true });
  const scope: SideCallScope = { spend, reservation, signal: controller.signal, holdMs };
  let settled = false;
  try {
    const degradations = [...admission.degradations];
    const admitted = { model: admission.model, inputTokens, outputCap: admission.outputCap };
    const route = await finalRoute(ctx, run, routeInput, planned, admitted, { scope, degradations, timing });
    if (routerChoseCheaper(run, route, degradations)) spend.comparedWith(run.models.strong);
    const runId = recordId(run);
    yield { type: 'routed', runId, callId: run.runId, route: routeRecord(route), model: route.model, cached: false };
    for (const degradation of degradations) yield { type: 'degraded', degradation };
    yield { type: 'admitted', runId, model: route.model, outputCap: admission.outputCap, degradations };

    let history = run.history;
    let historyTokens = historyTokenTotal(run);
    if (compression) {
      const compressed = await compressHistory(ctx, run, compression, scope);
      timing.providerMs += compressed.providerMs;
      [history, historyTokens] = [compressed.history, compressed.tokens];
    }
    const exec = yield* executeRun(ctx, run, {
      model: route.model,
      fallbacks: fallbacksFor(route.model, run.models, run.plan),
      outputCap: admission.outputCap,
      history,
      firstInputTokens: withMargin(promptTokens(run, historyTokens), toolCount),
      scope,
      stream: options.stream ?? false,
      spanKey: run.span?.key,
    });
    timing.providerMs += exec.providerMs;
    const finished = record(facts(exec, spend, route, degradations));
    const cacheWrite =
      exec.ended.kind === 'COMPLETED' &&
      !exec.ended.handoff &&
      run.agent.cacheTtlSeconds > 0 &&
      run.request.cache !== 'BYPASS' &&
      degradations.length === 0 &&
      exec.model
        ? storeCachedAnswer(
            deps.cache,
            cacheKey,
            {
              output: exec.output,
              modelId: exec.model.id,
              ...spend.callUsage,
              costMicros: spend.callCostMicros,
              runId: finished.id,
              expiresAt: now() + run.agent.cacheTtlSeconds * 1000,
            },
            run.agent.cacheTtlSeconds,
          ).catch((err: unknown) => void ctx.log.warn({ err }, 'could not cache'))
        : undefined;
    // The outcome is known before the settlement, so that a claimed key is marked done with it.
    const result = exec.ended.kind === 'STORE_UNAVAILABLE' ? undefined : await outcome(ctx, run, exec, finished);
    const claimDone = idempotency && spend.spent && result ? completedClaim(idempotency.claim, result) : undefined;
    if (claimDone) Object.assign(finished, claimDone.record);
    const stoppedBy = exec.ended.kind === 'RUN_LIMIT' ? exec.ended.limit : undefined;
    await finish(
      ctx,
      run.tenant,
      reservation,
      spend,
      finished,
      claimDone?.write,
      spanCharge(run, spend, exec.toolCalls, stoppedBy),
    );
    settled = true;
    if (idempotency && claimDone) idempotency.done = true;
    await cacheWrite;
    if (exec.ended.kind === 'STORE_UNAVAILABLE') throw exec.ended.error;
    yield ended(result!);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerGone);
    // An exception or a reader that stopped early: nothing leaves this run unsettled.
    if (!settled) {
      const cut = record({ status: 'FAILED', route: planned.decision, modelId: null, spend, reason: 'interrupted' });
      // What it spent is charged once: a claimed key is spent with it.
      const claimDone =
        idempotency && spend.spent
          ? completedClaim(idempotency.claim, { __typename: 'RunCanceled', run: cut })
          : undefined;
      if (claimDone) Object.assign(cut, claimDone.record);
      await finish(
        ctx,
        run.tenant,
        reservation,
        spend,
        cut,
        claimDone?.write,
        spanCharge(run, spend, prior?.toolCalls ?? 0),
      ).then(
        () => void (idempotency && claimDone && (idempotency.done = true)),
        (err: unknown) => ctx.log.error({ err, runId: run.runId }, 'could not settle an interrupted run'),
      );
    }
  }
}

/** Settles what was spent with the run record (and a claimed key, done), or gives the hold back and records the run. */
async function finish(
  ctx: TenantContext,
  /** Its alert thresholds (a run's cost). */
  tenant: Pick<TenantRow, 'alertThresholds'>,
  reservation: Reservation,
  spend: Spend,
  run: RunRecord,
  /** A claimed idempotency key, marked done with the charge. */
  claim?: ClaimWrite,
  /** The run (spanning calls) this call grows. */
  span?: SpanCharge,
): Promise<void> {
  const { deps } = ctx;
  if (spend.spent) {
    const owner = { agentId: run.agentId, runId: run.id, opensRun: !spend.continuesRun };
    const lines = spend.usageLines();
    const alerts = runCostAlert(tenant, run);
    await settleReservation(deps.budgets, reservation, owner, lines, deps.clock.now(), run, claim, span, alerts);
    countUsage(ctx, lines);
  } else {
    await releaseReservation(deps.budgets, reservation, deps.clock.now());
    await recordEntry(deps.budgets, run.tenantId, { events: [], run });
  }
}

function classifierSpec(run: PreparedRun): SideCallSpec {
  return {
    kind: 'classifier',
    system: CLASSIFIER_INSTRUCTIONS,
    prompt: run.message.slice(0, 8_000),
    maxOutputTokens: 5,
  };
}

/**
 * The route the run takes: as planned, unless the classifier (when planned) says otherwise. A
 * classifier that asks for a pricier model than was admitted holds the difference first; when the
 * budget can't, the admitted model stays and the run records CHEAPER_MODEL.
 */
async function finalRoute(
  ctx: TenantContext,
  run: PreparedRun,
  input: RouteInput,
  planned: RoutePlan,
  admitted: { model: ModelRow; inputTokens: number; outputCap: number },
  state: { scope: SideCallScope; degradations: Degradation[]; timing: { providerMs: number } },
): Promise<RouteDecision> {
  const { model } = admitted;
  const asAdmitted = (d: RouteDecision): RouteDecision =>
    d.model.id === model.id ? d : { ...d, model, tier: model.tier };
  // A run already degraded to a cheaper model has nothing to ask the classifier.
  if (!planned.consultClassifier || state.degradations.includes('CHEAPER_MODEL')) return asAdmitted(planned.decision);
  const asked = await sideCall(ctx, run, classifierSpec(run), state.scope);
  state.timing.providerMs += asked.providerMs;
  const decision = withClassifier(
    input,
    planned,
    asked.text === undefined ? undefined : parseClassifierAnswer(asked.text),
  );
  const cost = (m: ModelRow) => estimateCostMicros(m, admitted.inputTokens, admitted.outputCap);
  const extra = cost(decision.model) - cost(model);
  if (decision.model.id === model.id || extra <= 0) return decision;
  const { deps } = ctx;
  const extension = await extendReservation(deps.budgets, state.scope.reservation, {
    tokens: 0,
    costMicros: extra,
    now: deps.clock.now(),
    holdMs: state.scope.holdMs,
  });
  if (extension.kind === 'held') return decision;
  if (extension.kind === 'gone') throw holdLost();
  state.degradations.push('CHEAPER_MODEL');
  return asAdmitted(decision);
}

/**
 * Routing saved money only when the router itself sent the run below the agent's strong model: not
 * a caller's pin, an agent fixed to a model, a plan without the strong tier, or a budget downgrade.
 */
function routerChoseCheaper(run: PreparedRun, route: RouteDecision, degradations: Degradation[]): boolean {
  return (
    routerChoseCheap(route, degradations) &&
    route.model.id !== run.models.strong.id &&
    run.plan.allowedModelTiers.includes(run.models.strong.tier)
  );
}

/** What this call adds to the run it belongs to (runs spanning calls). */
function spanCharge(run: PreparedRun, spend: Spend, toolCalls: number, ended?: SpanStop): SpanCharge | undefined {
  if (!run.span) return undefined;
  return {
    key: spanRequest(run, run.span.key).key,
    ...spend.callUsage,
    costMicros: spend.callCostMicros,
    toolCalls: toolCalls - run.span.state.toolCalls,
    ended,
  };
}

const routeRecord = ({ model: _model, ...route }: RouteDecision) => route;

function facts(exec: Execution, spend: Spend, route: RouteDecision, degradations: Degradation[]): RunFacts {
  const ended = exec.ended;
  return {
    status: STATUS_OF[ended.kind],
    route: routeRecord({ ...route, tier: exec.model?.tier ?? route.tier }),
    modelId: exec.model?.id ?? null,
    degradations,
    spend,
    toolCalls: exec.toolCalls,
    output: exec.output,
    reason: {
      COMPLETED: null,
      RUN_LIMIT: ended.kind === 'RUN_LIMIT' ? ended.limit : null,
      BUDGET_EXCEEDED: ended.kind === 'BUDGET_EXCEEDED' ? ended.window.kind : null,
      PROVIDER_UNAVAILABLE: ended.kind === 'PROVIDER_UNAVAILABLE' ? ended.message : null,
      CANCELED: 'the caller went away',
      STORE_UNAVAILABLE:
        ended.kind === 'STORE_UNAVAILABLE' ? String(ended.error.extensions.reason ?? 'BUDGET_STORE_UNAVAILABLE') : null,
    }[ended.kind],
  };
}

async function outcome(
  ctx: TenantContext,
  run: PreparedRun,
  exec: Execution,
  record: RunRecord,
): Promise<RunAgentResult> {
  const ended = exec.ended;
  switch (ended.kind) {
    case 'COMPLETED':
      return {
        __typename: 'AgentRunCompleted',
        run: record,
        output: exec.output,
        ...(ended.handoff ? { toolCalls: ended.handoff } : {}),
        ...(ended.cut ? { truncated: true } : {}),
      };
    case 'RUN_LIMIT':
      return {
        __typename: 'RunLimitExceeded',
        run: record,
        code: 'RUN_LIMIT_EXCEEDED',
        message: ended.message,
        kind: ended.limit,
        partialOutput: exec.output || null,
      };
    case 'BUDGET_EXCEEDED': {
      const refusal = budgetExceeded(
        record,
        ended.window,
        ended.used,
        await upgrades(ctx, run, ended.window),
        exec.output || null,
      );
      // The run's own entry is its settlement's: the suggestion goes in one of its own, and a note
      // that cannot be written never fails a run that has spent.
      const alerts = upgradeSuggestion(ctx.actor, run.user, refusal, ended.window);
      if (alerts.length)
        await recordEntry(ctx.deps.budgets, run.tenant.id, { events: [], run: null, alerts }).catch((err: unknown) =>
          ctx.log.warn({ err, runId: run.runId }, 'could not record an upgrade suggestion'),
        );
      return refusal;
    }
    case 'PROVIDER_UNAVAILABLE':
      return {
        __typename: 'ProviderUnavailable',
        run: record,
        code: 'PROVIDER_UNAVAILABLE',
        message: ended.message,
        retryAfterSeconds: ended.retryAfterSeconds,
      };
    case 'CANCELED':
      return { __typename: 'RunCanceled', run: record };
    case 'STORE_UNAVAILABLE':
      throw ended.error;
  }
}

const ended = (result: RunAgentResult): RunEvent => ({ type: 'ended', result });

const routedEvent = (run: PreparedRun, record: RunRecord): RunEvent => ({
  type: 'routed',
  runId: record.id,
  callId: run.runId,
  route: record.route,
  model: null,
  cached: record.cached,
});

/** A refused run: recorded (with the alerts it raised), nothing held or charged. */
async function refuse(ctx: TenantContext, run: RunRecord, alerts: AlertDraft[] = []): Promise<RunRecord> {
  await recordEntry(ctx.deps.budgets, run.tenantId, { events: [], run, ...(alerts.length ? { alerts } : {}) });
  return run;
}

/** A cache hit's ledger entry, before the answer's facts are filled in: a run at no cost. */
function cacheHitEntry(run: PreparedRun, planned: RouteDecision, endedAt: number): LedgerEntry {
  // The score and threshold the request would have been routed by.
  const { strategy, complexity, confidence, score, threshold } = planned;
  const route = {
    strategy,
    complexity,
    confidence,
    score,
    threshold,
    reason: 'response cache hit',
    tier: 'CHEAP' as const,
  };
  const record = runRecord(run, { status: 'CACHED', cached: true, modelId: null, route }, endedAt);
  const event = {
    id: newId('usage', endedAt),
    tenantId: run.tenant.id,
    userId: run.user?.id ?? null,
    agentId: run.agent.id,
    runId: record.id,
    modelId: null,
    kind: 'cache_hit',
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    totalTokens: 0,
    costMicros: 0,
    savedCostMicros: 0,
    occurredAt: record.createdAt,
  };
  return { events: [event], run: record };
}

/** The plans that would lift the window, and whether this caller can buy one now. */
async function upgrades(ctx: TenantContext, run: PreparedRun, window: Pick<BudgetWindow, 'kind'>) {
  const plans = upgradeOptions(await ctx.deps.plans.list(), run.plan, window);
  const buyable = plans.some((p) => p.stripePriceId);
  // Behind on its payments, a tenant pays its invoice before it can buy (startUpgrade says so).
  const paidUp = !behindOnPayments(run.tenant);
  return {
    plans,
    canUpgrade: buyable && paidUp && roleAtLeast(ctx.actor.role, 'ADMIN') && ctx.deps.billing !== undefined,
  };
}
