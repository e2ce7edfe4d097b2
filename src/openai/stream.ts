import type { FastifyReply, FastifyRequest } from 'fastify';
import { runAgentEvents, type RunAgentResult, type RunEvent, type RunRequest } from '../agents/index.js';
import type { TenantContext } from '../context.js';
import { EventStream } from '../lib/sse.js';
import { trackStream } from '../monitoring/metrics.js';
import { microsToUsd } from '../pricing/index.js';
import { fromOutcome, fromUnknown, type DoorError } from './errors.js';
import { callUsage, finishReason, governorHeaders, runHeaders } from './respond.js';

export type StreamOptions = {
  /** The agent, as the caller named it. */
  model: string;
  includeUsage: boolean;
  runIdHeader: string | undefined;
  /** Answers a refusal before the first byte as the door answers one without streaming. */
  send: (e: DoorError) => unknown;
};

/**
 * `stream: true`: Server-Sent Events in OpenAI's chunk format, ending with `[DONE]`. The headers
 * carry only what is known before the first byte (run id, route, model, admission-time
 * degradations); the last chunk carries the usage (with `stream_options.include_usage`) and a
 * `governor` object with the cost and degradations. A refusal before the first byte is the same
 * JSON error as without streaming; a failure after it is `data: {"error": …}` then `[DONE]`, never a
 * silently truncated answer. A caller that goes away aborts the provider call at once (what was
 * generated is charged); a caller that reads slowly makes Governor stop reading the provider (and
 * one that reads nothing for STREAM_STALL_MS is cut off), it never buffers without bound.
 */
export async function streamCompletion(
  ctx: TenantContext,
  request: RunRequest,
  req: FastifyRequest,
  reply: FastifyReply,
  options: StreamOptions,
): Promise<unknown> {
  const stream = new EventStream(reply.raw, trackStream(ctx.deps.metrics, 'openai'), ctx.deps.config.streamStallMs);
  const { sse } = stream;
  const events = runAgentEvents(ctx, request, { stream: true, signal: stream.signal });
  const created = Math.floor(Date.now() / 1000);
  let routed: Extract<RunEvent, { type: 'routed' }> | undefined;
  let degradations: string[] = [];
  // The call's id, as without streaming (known once routed; the request's if it never was).
  let id = `chatcmpl-${req.id}`;
  let started = false;
  let toolIndex = 0;

  const chunk = (
    delta: Record<string, unknown>,
    finish: string | null = null,
    extra: Record<string, unknown> = {},
  ) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: options.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  });
  /** The first byte: the headers with what is known by now, and the role. */
  const start = () => {
    if (started) return;
    started = true;
    if (routed) id = `chatcmpl-${routed.callId}`;
    const headers = routed
      ? governorHeaders({
          runId: options.runIdHeader ?? routed.runId,
          route: routed.route,
          model: routed.model?.id ?? null,
          cached: routed.cached,
          degradations,
        })
      : {};
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': req.id,
      ...headers,
    });
    sse.push(`data: ${JSON.stringify(chunk({ role: 'assistant', content: '' }))}\n\n`);
  };
  /** A failure: the same JSON error as without streaming before the first byte, an error event after it. */
  const fail = (e: DoorError) => {
    req.logFields.errorCodes = [String(e.body.error.code)];
    return started ? sse.end({ error: e.body.error }) : options.send(e);
  };
  const finish = async (result: RunAgentResult) => {
    Object.assign(req.logFields, { runId: result.run.id, outcome: result.run.status });
    if (result.__typename === 'RunCanceled') {
      // The reader is gone: nothing to say to it.
      reply.hijack();
      reply.raw.destroy();
      return;
    }
    const refusal = fromOutcome(result);
    if (refusal && !started) {
      return fail({ ...refusal, headers: { ...runHeaders(result.run, options.runIdHeader), ...refusal.headers } });
    }
    start();
    const governor = {
      run_id: result.run.id,
      cost_usd: microsToUsd(result.run.costMicros),
      degradations: result.run.degradations,
    };
    if (refusal) return fail(refusal);
    if (result.__typename !== 'AgentRunCompleted') throw new Error('invariant: an outcome without its answer');
    const reason = finishReason(result);
    if (!options.includeUsage) return sse.end(chunk({}, reason, { governor }));
    await sse.send(chunk({}, reason));
    return sse.end({
      id,
      object: 'chat.completion.chunk',
      created,
      model: options.model,
      choices: [],
      usage: callUsage(result.run),
      governor,
    });
  };

  try {
    for await (const event of events) {
      switch (event.type) {
        case 'routed':
          routed = event;
          break;
        case 'admitted':
          degradations = event.degradations;
          break;
        case 'degraded':
          break;
        case 'delta':
          start();
          await sse.send(chunk({ content: event.text }));
          break;
        case 'tool_call':
          if (!event.client) break;
          start();
          await sse.send(
            chunk({
              tool_calls: [
                {
                  index: toolIndex++,
                  id: event.id,
                  type: 'function',
                  function: { name: event.name, arguments: event.arguments },
                },
              ],
            }),
          );
          break;
        case 'ended':
          return await finish(event.result);
      }
    }
    // A run always ends with its outcome; should one not, its stream still ends with an error, never a cut.
    throw new Error('the run ended without an outcome');
  } catch (err) {
    const e = fromUnknown(err, req.id);
    if (e.status >= 500) req.log.error({ err }, 'streamed chat completion failed');
    return fail(e);
  } finally {
    Object.assign(req.logFields, stream.close());
  }
}
