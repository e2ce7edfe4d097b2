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
