import type { TenantContext } from '../../context.js';
import { collectRun } from './events.js';
import type { DeliveredResult } from './outcome.js';
import { runAgentEvents } from './pipeline.js';
import { requestFromGraphQL } from './request.js';

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
