import type { DeliveredResult, RunRecord } from '../agents/index.js';
import { microsToUsd } from '../pricing/index.js';

/** Governor's facts about a run, as response headers (a stream sends only what it knows before its first byte). */
export function governorHeaders(facts: {
  runId: string;
  route: { tier: string; complexity: string };
  model: string | null;
  cached: boolean;
  degradations: string[];
  costMicros?: number;
}): Record<string, string> {
  return {
    'x-governor-run-id': facts.runId,
    'x-governor-route': `${facts.route.tier}; ${facts.route.complexity}`,
    // `cache` for an answer from the cache; `none` when no model was called (a refusal).
    'x-governor-model': facts.model ?? (facts.cached ? 'cache' : 'none'),
    'x-governor-degradations': facts.degradations.length ? facts.degradations.join(', ') : 'none',
    ...(facts.costMicros === undefined ? {} : { 'x-governor-cost-usd': String(microsToUsd(facts.costMicros)) }),
  };
}

/** The headers of a finished run (an answer, or a refusal): the caller's run id when it sent one. */
export const runHeaders = (run: RunRecord, runIdHeader: string | undefined) =>
  governorHeaders({
    runId: runIdHeader ?? run.id,
    route: run.route,
    model: run.modelId,
    cached: run.cached,
    degradations: run.degradations,
    costMicros: run.costMicros,
  });

/** Why the answer stopped, in OpenAI's words. */
export const finishReason = (result: Extract<DeliveredResult, { __typename: 'AgentRunCompleted' }>) =>
  result.toolCalls?.length ? 'tool_calls' : result.truncated ? 'length' : 'stop';

/** This call's usage: a run spanning calls lists each call; a plain run is its one call. */
export function callUsage(run: RunRecord) {
  const call = Object.values(run.calls ?? {})[0];
  const u = call ?? run;
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cachedInputTokens },
  };
}

/** An id per call, stable for a replay: the call's own id inside a run, else the run's. */
export const completionId = (run: RunRecord) => `chatcmpl-${Object.keys(run.calls ?? {})[0] ?? run.id}`;

/** A completed run as `chat.completion`: the agent's name as the model, the caller's tool calls when it must run them. */
export function chatCompletion(result: Extract<DeliveredResult, { __typename: 'AgentRunCompleted' }>, model: string) {
  const { run } = result;
  const toolCalls = result.toolCalls?.map((c) => ({
    id: c.id,
    type: 'function' as const,
    function: { name: c.name, arguments: c.arguments },
  }));
  return {
    id: completionId(run),
    object: 'chat.completion' as const,
    created: Math.floor(Date.parse(run.createdAt) / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: result.output || (toolCalls ? null : ''),
          refusal: null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReason(result),
      },
    ],
    usage: callUsage(run),
    system_fingerprint: null,
  };
}
