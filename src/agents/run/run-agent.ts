import type { TenantContext, TraceSpan, Tracer } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { errorType } from '../../providers/call-span.js';
import { collectRun, type RunEvent } from './events.js';
import type { DeliveredResult, RunAgentResult } from './outcome.js';
import { runAgentEvents as pipelineEvents, type RunOptions } from './pipeline.js';
import { requestFromGraphQL, type RunRequest } from './request.js';

/**
 * The pipeline as every door calls it: traced when traces are on (a span per run, with its provider
 * and tool calls as children), otherwise the pipeline itself, with nothing in between.
 */
export function runAgentEvents(
  ctx: TenantContext,
  request: RunRequest,
  options: RunOptions = {},
): AsyncGenerator<RunEvent> {
  const { tracer } = ctx.deps;
  return tracer ? tracedRun(tracer, ctx, request, options) : pipelineEvents(ctx, request, options);
}

/** The run's span, filled in from its events (GenAI conventions, and Governor's own attributes). */
async function* tracedRun(
  tracer: Tracer,
  ctx: TenantContext,
  request: RunRequest,
  options: RunOptions,
): AsyncGenerator<RunEvent> {
  const span = tracer.start(`invoke_agent ${request.agent}`, 'internal', {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.request.stream': options.stream ?? false,
    'governor.tenant.id': ctx.actor.tenantId,
  });
  // The span reaches the provider calls through their deps, by hand: an async context does not
  // follow an async generator from one step to the next.
  const traced = { ...ctx, deps: { ...ctx.deps, providers: { ...ctx.deps.providers, trace: span } } };
  let result: RunAgentResult | undefined;
  try {
    for await (const event of pipelineEvents(traced, request, options)) {
      if (event.type === 'ended') result = event.result;
      observe(span, event);
      yield event;
    }
  } catch (err) {
    span.fail(err, err instanceof AppError ? err.code : errorType(err));
    throw err;
  } finally {
    // No outcome (an error, a reader that stopped early): the run is recorded FAILED, as metrics count it.
    if (!result) span.set({ 'governor.outcome': 'FAILED' });
    // The agent as the pipeline found it (in process, cached by then): its slug names the span.
    const agent = result && (await ctx.deps.lookups.agent(ctx.actor.tenantId, request.agent).catch(() => undefined));
    if (agent) {
      span.rename(`invoke_agent ${agent.slug}`);
      span.set({ 'gen_ai.agent.name': agent.name, 'governor.agent.slug': agent.slug });
    }
    span.end();
  }
}

function observe(span: TraceSpan, event: RunEvent): void {
  switch (event.type) {
    case 'routed':
      span.set({
        'governor.run.id': event.runId,
        // A call continuing a run (client-side tools) has an id of its own.
        'governor.call.id': event.callId === event.runId ? undefined : event.callId,
        'governor.cached': event.cached,
        'gen_ai.request.model': event.model?.providerModel,
        'gen_ai.provider.name': event.model?.provider,
      });
      return;
    case 'admitted':
      span.set({
        'gen_ai.request.model': event.model.providerModel,
        'gen_ai.provider.name': event.model.provider,
        'gen_ai.request.max_tokens': event.outputCap,
      });
      return;
    case 'tool_call':
      // A tool the caller runs itself is handed back, not run here: a span of no length marks it.
      if (event.client)
        span
          .child(`execute_tool ${event.name}`, 'internal', {
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.name': event.name,
            'gen_ai.tool.type': 'function',
            'gen_ai.tool.call.id': event.id,
            'governor.tool.client': true,
          })
          .end();
      return;
    case 'degraded':
    case 'delta':
      return;
    case 'ended': {
      const { run } = event.result;
      span.set({
        'gen_ai.agent.id': run.agentId,
        'governor.run.id': run.id,
        'governor.user.id': run.userId ?? undefined,
        'governor.outcome': run.status,
        'governor.outcome.reason': run.reason ?? undefined,
        'governor.cached': run.cached,
        'governor.route.strategy': run.route.strategy,
        'governor.route.tier': run.route.tier,
        'governor.route.reason': run.route.reason,
        'governor.model.id': run.modelId ?? undefined,
        'governor.degradations': run.degradations,
        'governor.tool_calls': run.toolCalls,
        'governor.cost_usd': run.costMicros / 1e6,
        'governor.saved_cost_usd': run.savedCostMicros / 1e6,
        'gen_ai.usage.input_tokens': run.inputTokens,
        'gen_ai.usage.output_tokens': run.outputTokens,
        'gen_ai.usage.cache_read.input_tokens': run.cachedInputTokens,
      });
      if (event.result.__typename === 'ProviderUnavailable') span.fail(event.result.message, 'PROVIDER_UNAVAILABLE');
      return;
    }
  }
}

/**
 * The GraphQL mutation's verb: the pipeline, read to its end. A mutation runs to completion even
 * if its caller goes away (it is charged; an idempotency key replays it), so no signal is passed.
 */
export async function runAgent({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<DeliveredResult> {
  const result = await collectRun(runAgentEvents(ctx, requestFromGraphQL(input)));
  if (result.__typename === 'RunCanceled') throw new Error('invariant: a run without a signal was canceled');
  return result;
}

/** What a streaming GraphQL client receives: text as it arrives, the tools called, then the outcome. */
export type RunStreamEvent =
  | { __typename: 'RunDelta'; text: string }
  | { __typename: 'RunToolCall'; name: string; arguments: string }
  | { __typename: 'RunFinished'; result: DeliveredResult }
  /** The run failed as a request (refused before it began, or broken): the door raises it as the event's error. */
  | { __typename: 'RunError'; error: unknown };

/**
 * The GraphQL subscription's verb: the pipeline, streamed. It never throws: a failure is its last
 * event, so that a stream that has begun ends with an error and not a cut. A subscriber that goes
 * away (its iterator is returned) aborts the run, which then settles what was generated as CANCELED.
 */
export async function* streamAgentRun({
  ctx,
  input,
  signal,
}: {
  ctx: TenantContext;
  input: unknown;
  /** The caller's leaving, seen by the door (the run stops at once, even mid-wait for the provider). */
  signal?: AbortSignal | undefined;
}): AsyncGenerator<RunStreamEvent> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  const events = runAgentEvents(ctx, requestFromGraphQL(input), { stream: true, signal: controller.signal });
  let ended = false;
  try {
    // Read by hand, not with for-await: a subscriber that leaves at a yield must not close the
    // run's generator (that would cut it off unsettled as FAILED); the finally lets it end.
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      const event = next.value;
      if (event.type === 'delta') yield { __typename: 'RunDelta', text: event.text };
      else if (event.type === 'tool_call')
        yield { __typename: 'RunToolCall', name: event.name, arguments: event.arguments };
      else if (event.type === 'ended') {
        ended = true;
        if (event.result.__typename !== 'RunCanceled') yield { __typename: 'RunFinished', result: event.result };
      }
    }
    ended = true;
  } catch (error) {
    ended = true;
    yield { __typename: 'RunError', error };
  } finally {
    signal?.removeEventListener('abort', stop);
    // The subscriber left before the end: stop the provider. Either way the run is read to its end,
    // so that it settles (as CANCELED, when cut short) and finishes its own work.
    if (!ended) controller.abort();
    for (let next = await events.next(); !next.done; next = await events.next()) void next;
  }
}
