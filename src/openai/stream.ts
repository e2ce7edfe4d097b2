import type { FastifyReply, FastifyRequest } from 'fastify';
import { runAgentEvents, type DeliveredResult, type RunEvent, type RunRequest } from '../agents/index.js';
import type { TenantContext } from '../context.js';
import type { ModelRow, RouteRecord } from '../db/schema/index.js';
import { SseWriter } from '../lib/sse.js';
import { trackStream } from '../monitoring/metrics.js';
import { microsToUsd } from '../pricing/index.js';
import { fromOutcome, fromUnknown, type DoorError } from './errors.js';
import { callUsage, governorHeaders } from './respond.js';

type Facts = { runId: string; route: RouteRecord; model: ModelRow | null; degradations: string[] };

/**
 * `stream: true`: Server-Sent Events in OpenAI's chunk format, ending with `[DONE]`. The headers
 * carry only what is known before the first byte (run id, route, model, admission-time
 * degradations); the last chunk carries the usage (with `stream_options.include_usage`) and a
 * `governor` object with the cost and degradations. A refusal before the first byte is the same
 * JSON error as without streaming; a failure after it is `data: {"error": …}` then `[DONE]`, never a
 * silently truncated answer. A caller that goes away aborts the provider call at once (what was
 * generated is charged); a caller that reads slowly makes Governor stop reading the provider, it
 * never buffers without bound.
 */
export async function streamCompletion(
  ctx: TenantContext,
  request: RunRequest,
  req: FastifyRequest,
  reply: FastifyReply,
  options: { model: string; includeUsage: boolean; runIdHeader: string | undefined; send: (e: DoorError) => unknown },
): Promise<unknown> {
  const controller = new AbortController();
  const gone = () => {
    if (!reply.raw.writableEnded) controller.abort();
  };
  reply.raw.on('close', gone);
  const events = runAgentEvents(ctx, request, { stream: true, signal: controller.signal });
  // The call's id, as without streaming (known once routed; the request's id if it never was).
  let id = `chatcmpl-${req.id}`;
  const created = Math.floor(Date.now() / 1000);
  let facts: Facts | undefined;
  let started = false;
  let toolIndex = 0;

  const tracked = trackStream(ctx.deps.metrics, 'openai');
  const sse = new SseWriter(reply.raw, tracked.stalled);
  const write = (data: unknown) => sse.send(data);
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
  const start = () => {
    if (started) return;
    started = true;
    if (facts) id = `chatcmpl-${facts.runId}`;
    const headers = facts
      ? governorHeaders({ ...facts, runId: options.runIdHeader ?? facts.runId, model: facts.model?.id ?? null })
      : {};
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': req.id,
      ...headers,
    });
    void sse.send(chunk({ role: 'assistant', content: '' }));
  };
  const finish = async (result: DeliveredResult) => {
    const refusal = fromOutcome(result);
    if (refusal && !started)
      return options.send({
        ...refusal,
        headers: { ...(facts && governorHeaders({ ...facts, model: facts.model?.id ?? null })), ...refusal.headers },
      });
    start();
    const governor = {
      run_id: result.run.id,
      cost_usd: microsToUsd(result.run.costMicros),
      degradations: result.run.degradations,
    };
    if (refusal) return end({ error: refusal.body.error });
    const completed = result as Extract<DeliveredResult, { __typename: 'AgentRunCompleted' }>;
    const reason = completed.toolCalls?.length ? 'tool_calls' : completed.truncated ? 'length' : 'stop';
    if (!options.includeUsage) return end(chunk({}, reason, { governor }));
    await write(chunk({}, reason));
    return end({
      id,
      object: 'chat.completion.chunk',
      created,
      model: options.model,
      choices: [],
      usage: callUsage(result.run),
      governor,
    });
  };
  const end = (last: unknown) => sse.end(last);

  try {
    for await (const event of events as AsyncIterable<RunEvent>) {
      switch (event.type) {
        case 'routed':
          facts = { runId: event.runId, route: event.route, model: event.model, degradations: [] };
          break;
        case 'admitted':
          facts = { ...facts!, runId: event.runId, model: event.model, degradations: event.degradations };
          break;
        case 'degraded':
          break;
        case 'delta':
          start();
          await write(chunk({ content: event.text }));
          break;
        case 'tool_call':
          if (!event.client) break;
          start();
          await write(
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
          if (event.result.__typename === 'RunCanceled') return reply.raw.end();
          Object.assign(req.logFields, { runId: event.result.run.id, outcome: event.result.run.status });
          return await finish(event.result);
      }
    }
  } catch (err) {
    const e = fromUnknown(err, req.id);
    req.logFields.errorCodes = [String(e.body.error.code)];
    if (e.status >= 500) req.log.error({ err }, 'streamed chat completion failed');
    if (!started) return options.send(e);
    return end({ error: e.body.error });
  } finally {
    reply.raw.off('close', gone);
    tracked.close();
    Object.assign(req.logFields, { streamBufferedMaxBytes: sse.maxBuffered, streamWaits: sse.waits });
  }
}
