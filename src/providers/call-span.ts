import { APICallError, type ToolExecutionOptions, type ToolSet } from 'ai';
import type { TraceSpan } from '../context.js';
import type { ModelRow } from '../db/schema/index.js';

/**
 * The spans of a provider call and of the tools run inside it, under the run's span, named and
 * described as OpenTelemetry's GenAI conventions say. No prompt, answer or tool argument goes in.
 */

/** A provider call's span (`chat <model>`), when the run is traced. */
export function openCallSpan(
  parent: TraceSpan | undefined,
  model: ModelRow,
  call: { maxOutputTokens: number; stream: boolean },
): TraceSpan | undefined {
  return parent?.child(`chat ${model.providerModel}`, 'client', {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': model.provider,
    // The name before gen_ai.provider.name, which some backends still read.
    'gen_ai.system': model.provider,
    'gen_ai.request.model': model.providerModel,
    'gen_ai.request.max_tokens': call.maxOutputTokens,
    'gen_ai.request.stream': call.stream,
    'governor.model.id': model.id,
  });
}

/** What the provider answered: its model and response id, its usage (when it reported one), why it stopped. */
export function endCallSpan(
  span: TraceSpan | undefined,
  step: {
    usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | undefined;
    finishReason: string;
    response: { id?: string | undefined; modelId?: string | undefined } | undefined;
    attempts: number;
  },
): void {
  if (!span) return;
  span.set({
    'gen_ai.response.model': step.response?.modelId,
    'gen_ai.response.id': step.response?.id,
    'gen_ai.response.finish_reasons': [step.finishReason],
    'gen_ai.usage.input_tokens': step.usage?.inputTokens,
    'gen_ai.usage.output_tokens': step.usage?.outputTokens,
    'gen_ai.usage.cache_read.input_tokens': step.usage?.cachedInputTokens,
    'governor.attempts': step.attempts,
  });
  span.end();
}

export function failCallSpan(span: TraceSpan | undefined, err: unknown, attempts: number): void {
  if (!span) return;
  span.set({ 'governor.attempts': attempts });
  span.fail(err, errorType(err));
  span.end();
}

/** Low-cardinality, as `error.type` should be: the provider's HTTP status, else the error's class. */
export function errorType(err: unknown): string {
  if (APICallError.isInstance(err)) return err.statusCode ? String(err.statusCode) : 'APICallError';
  return err instanceof Error ? err.constructor.name : '_OTHER';
}

/** The tools with an `execute_tool <name>` span around each run (a sibling of the call's span). */
export function tracedTools(tools: ToolSet, parent: TraceSpan | undefined): ToolSet {
  if (!parent) return tools;
  const traced = (name: string, execute: NonNullable<ToolSet[string]['execute']>) =>
    async function execute_(input: unknown, options: ToolExecutionOptions) {
      const span = parent.child(`execute_tool ${name}`, 'internal', {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': name,
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.id': options.toolCallId,
      });
      try {
        return await execute(input as never, options);
      } catch (err) {
        span.fail(err, errorType(err));
        throw err;
      } finally {
        span.end();
      }
    };
  return Object.fromEntries(
    Object.entries(tools).map(([name, t]) => [name, t.execute ? { ...t, execute: traced(name, t.execute) } : t]),
  );
}
