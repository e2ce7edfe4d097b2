import { jsonSchema, tool, type ModelMessage, type ToolSet } from 'ai';
import { extendReservation, trueUp, type BudgetWindow } from '../../budgets/index.js';
import type { TenantContext } from '../../context.js';
import type { ModelRow } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { estimateCostMicros } from '../../pricing/cost.js';
import {
  callModel,
  ModelUnavailable,
  streamModel,
  StreamBroken,
  type ModelCall,
  type StepResult,
  type ToolCallOut,
} from '../../providers/call-model.js';
import { countTokens } from '../../providers/tokens.js';
import { toolsFor } from '../tools/registry.js';
import { countSentTokens, estimateInputTokens } from './estimate.js';
import type { RunEvent } from './events.js';
import type { RunLimitKind, ToolCallHandoff } from './outcome.js';
import type { PreparedRun } from './prepare.js';
import type { ChatMessage, ClientTool } from './request.js';
import type { SideCallScope } from './side-calls.js';
import { handOut, STOP_MESSAGES } from './span.js';

/** Why a run's signal fired: its time limit, or a caller that went away. */
export class RunTimeout extends Error {}
export class CallerGone extends Error {}

export type Ended =
  /** `cut`: the answer stopped at its output cap. */
  | { kind: 'COMPLETED'; handoff?: ToolCallHandoff[]; cut?: boolean }
  | { kind: 'RUN_LIMIT'; limit: RunLimitKind; message: string }
  | { kind: 'BUDGET_EXCEEDED'; window: BudgetWindow; used: number }
  | { kind: 'PROVIDER_UNAVAILABLE'; retryAfterSeconds: number; message: string }
  /** The caller went away: what was generated is charged. */
  | { kind: 'CANCELED' }
  /** The budget store failed mid-run (or lost the run's hold): what was spent is settled, then the fault is raised. */
  | { kind: 'STORE_UNAVAILABLE'; error: AppError };

/** What the agent loop produced, whichever way it ended; what it spent is on the run's Spend. */
export type Execution = { output: string; model: ModelRow | null; toolCalls: number; ended: Ended; providerMs: number };

export type ExecutionSpec = {
  model: ModelRow;
  fallbacks: ModelRow[];
  outputCap: number;
  history: ChatMessage[];
  /** The first step's input estimate, counted by the pipeline already. */
  firstInputTokens: number;
  scope: SideCallScope;
  stream: boolean;
  /** A run spanning calls (client-side tools): the tool calls handed out carry its key. */
  spanKey?: string | undefined;
};

/** The largest output the remaining per-run cost allows on this model. */
function capForCost(model: ModelRow, inputTokens: number, roomMicros: number): number {
  const left = roomMicros - estimateCostMicros(model, inputTokens, 0);
  if (left < 0) return 0;
  return model.outputMicrosPerMTok === 0
    ? Number.MAX_SAFE_INTEGER
    : Math.floor((left * 1_000_000) / model.outputMicrosPerMTok);
}

/** Tools a caller runs itself: the model may call them; its calls end the step and go back. */
function clientToolSet(tools: ClientTool[]): ToolSet {
  return Object.fromEntries(
    tools.map((t) => [
      t.name,
      tool({ description: t.description, inputSchema: jsonSchema(t.parameters as Parameters<typeof jsonSchema>[0]) }),
    ]),
  );
}

/** The conversation in the AI SDK's terms; a tool result names its call's tool. */
export function toModelMessages(messages: ChatMessage[]): ModelMessage[] {
  const names = new Map<string, string>();
  return messages.map((m): ModelMessage => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'assistant': {
        if (!m.toolCalls?.length) return { role: 'assistant', content: m.content };
        for (const c of m.toolCalls) names.set(c.id, c.name);
        const calls = m.toolCalls.map((c) => ({
          type: 'tool-call' as const,
          toolCallId: c.id,
          toolName: c.name,
          input: parseArguments(c.arguments),
        }));
        return {
          role: 'assistant',
          content: [...(m.content ? [{ type: 'text' as const, text: m.content }] : []), ...calls],
        };
      }
      case 'tool': {
        const output = { type: 'text' as const, value: m.content };
        return {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: m.toolCallId, toolName: names.get(m.toolCallId) ?? 'tool', output },
          ],
        };
      }
    }
  });
}

function parseArguments(args: string): unknown {
  try {
    return JSON.parse(args);
  } catch {
    return args;
  }
}

const asTurns = (messages: ModelMessage[]) =>
  messages.map((m) => ({ content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content) }));

/** What a step that was cut off had produced: the caller is charged for it. */
type Received = { text: string; toolArguments: string };

/**
 * The agent loop under the plan's breakers: tool calls, tokens, cost and wall time per run. Each
 * further step first extends the budget reservation by its estimate; a model that fails (after its
 * retries, or with its circuit open) gives way to the agent's other models. Streamed, it yields
 * text as the provider sends it. Whatever way it ends, what it spent is on the run's Spend.
 */
export async function* executeRun(
  ctx: TenantContext,
  run: PreparedRun,
  spec: ExecutionSpec,
): AsyncGenerator<RunEvent, Execution> {
  const { deps } = ctx;
  const { plan: limits } = run;
  const { spend, reservation, signal, holdMs } = spec.scope;
  const clientTools = run.request.tools?.length ? run.request.tools : undefined;
  const tools: ToolSet = clientTools ? clientToolSet(clientTools) : toolsFor(run.agent.tools);
  const toolCount = Object.keys(tools).length;
  const system = run.agent.instructions;
  const messages: ModelMessage[] = toModelMessages([...spec.history, ...run.turn]);
  const texts: string[] = [];
  let model = spec.model;
  let usedModel: ModelRow | null = null;
  // A run's breakers count every call of it: earlier calls' tool calls first.
  const priorToolCalls = run.span?.state.toolCalls ?? 0;
  let toolCalls = priorToolCalls;
  // The tool calls a caller runs itself: renamed, when the run spans calls, to lead back to it.
  const handOff = (calls: ToolCallHandoff[], before: number) =>
    spec.spanKey ? handOut(calls, spec.spanKey, before) : calls;
  let providerMs = 0;
  const end = (ended: Ended, output = texts.join('\n')): Execution => ({
    output,
    model: usedModel,
    toolCalls,
    ended,
    providerMs,
  });
  const stop = (limit: RunLimitKind) => end({ kind: 'RUN_LIMIT', limit, message: STOP_MESSAGES[limit](limits) });
  /** What this step sent, by the tokenizer: the charge when the provider reports none. */
  const sent = () => countSentTokens(system, asTurns(messages), toolCount);
  /** A call cut off midway: the provider saw the prompt and wrote what arrived, at this model's price. */
  const chargeCut = (candidate: ModelRow, got: Received) => {
    const outputTokens = countTokens(got.text + got.toolArguments);
    spend.add('run', candidate, { inputTokens: sent(), outputTokens, cachedInputTokens: 0 });
    usedModel = candidate;
  };

  try {
    for (let step = 0; ; step++) {
      // Stopped between steps (its caller went away, its time ran out): nothing more is sent.
      if (signal.aborted) return signal.reason instanceof CallerGone ? end({ kind: 'CANCELED' }) : stop('DURATION');
      const input = step === 0 ? spec.firstInputTokens : estimateInputTokens(system, asTurns(messages), toolCount);
      const tokenRoom = limits.maxTokensPerRun - spend.tokens - input;
      if (tokenRoom < 1) return stop('TOKENS');
      const costRoom = limits.maxCostPerRunMicros - spend.costMicros;
      const cap = Math.min(spec.outputCap, tokenRoom, capForCost(model, input, costRoom));
      if (cap < 1) return stop('COST');
      if (step > 0) {
        const now = deps.clock.now();
        const extended = await extendReservation(deps.budgets, reservation, {
          tokens: input + cap,
          costMicros: estimateCostMicros(model, input, cap),
          now,
          holdMs,
        });
        if (extended.kind === 'denied') {
          const { window, usage } = extended.denial;
          return end({ kind: 'BUDGET_EXCEEDED', window, used: usage.used + usage.reserved });
        }
        if (extended.kind === 'gone') return end({ kind: 'STORE_UNAVAILABLE', error: holdLost() });
      }

      let result: StepResult | undefined;
      let retryAfter = Number.MAX_SAFE_INTEGER;
      const tried: string[] = [];
      for (const candidate of [model, ...spec.fallbacks.filter((m) => m.id !== model.id)]) {
        if (candidate !== model) {
          // A pricier fallback holds the difference first.
          const extra = estimateCostMicros(candidate, input, cap) - estimateCostMicros(model, input, cap);
          const now = deps.clock.now();
          if (extra > 0) {
            const extended = await extendReservation(deps.budgets, reservation, {
              tokens: 0,
              costMicros: extra,
              now,
              holdMs,
            });
            // The hold itself is gone (the store lost it): no fallback can run on it.
            if (extended.kind === 'gone') return end({ kind: 'STORE_UNAVAILABLE', error: holdLost() });
            if (extended.kind !== 'held') continue;
          }
        }
        // A tool the caller required is required of the first step only: its result comes next.
        const toolChoice = step === 0 ? run.request.toolChoice : undefined;
        const call: ModelCall = { system, messages, tools, toolChoice, maxOutputTokens: cap, signal };
        const received: Received = { text: '', toolArguments: '' };
        const started = performance.now();
        let charged = false;
        try {
          const named = (c: ToolCallHandoff, i: number) => handOff([c], toolCalls + i)[0]!;
          result = spec.stream
            ? yield* streamStep(ctx, candidate, call, received, clientTools, named, sent)
            : await callModel(deps.providers, candidate, call);
          model = candidate;
          break;
        } catch (err) {
          if (signal.aborted || err instanceof StreamBroken) {
            // All that arrived: the text (some of it perhaps not passed on yet) and the tool calls' arguments.
            const partial =
              err instanceof StreamBroken
                ? { text: err.partial.text, toolArguments: received.toolArguments }
                : received;
            chargeCut(candidate, partial);
            charged = true;
            if (partial.text) texts.push(partial.text);
            if (err instanceof StreamBroken) {
              const message = `${candidate.id} stopped answering midway.`;
              return end({ kind: 'PROVIDER_UNAVAILABLE', retryAfterSeconds: 1, message });
            }
            if (signal.reason instanceof CallerGone) return end({ kind: 'CANCELED' });
            return stop('DURATION');
          }
          tried.push(candidate.id);
          retryAfter = Math.min(retryAfter, err instanceof ModelUnavailable ? err.retryAfterSeconds : 30);
          ctx.log.warn({ err, model: candidate.id }, 'model failed; trying the next one');
        } finally {
          providerMs += performance.now() - started;
          // Its reader stopped mid-stream (the generator was returned at a delta): what arrived is charged.
          if (!result && !charged && (received.text || received.toolArguments)) chargeCut(candidate, received);
        }
      }
      if (!result) {
        const message = `No model could answer (${tried.join(', ') || 'none affordable'}).`;
        return end({ kind: 'PROVIDER_UNAVAILABLE', retryAfterSeconds: Math.min(retryAfter, 300), message });
      }

      usedModel = model;
      const counted = () => ({
        inputTokens: sent(),
        outputTokens: countTokens(result.text + result.toolCalls.map((c) => c.arguments).join('')),
        cachedInputTokens: 0,
      });
      spend.add('run', model, result.usage ?? counted());
      // The provider's count can exceed the estimate: hold what was really spent before going on.
      await trueUp(
        deps.budgets,
        reservation,
        { tokens: spend.callTokens, costMicros: spend.callCostMicros },
        deps.clock.now(),
        holdMs,
      );
      if (result.text) texts.push(result.text);
      const called = handOff(result.toolCalls, toolCalls);
      if (!spec.stream) for (const c of called) yield { type: 'tool_call', ...c, client: Boolean(clientTools) };
      if (result.toolCalls.length === 0)
        return end({ kind: 'COMPLETED', cut: result.finishReason === 'length' }, result.text);
      toolCalls += result.toolCalls.length;
      if (toolCalls > limits.maxToolCalls) return stop('TOOL_CALLS');
      // The caller runs its own tools: the call ends here and its next one carries the results.
      if (clientTools) return end({ kind: 'COMPLETED', handoff: called }, result.text);
      if (spend.tokens >= limits.maxTokensPerRun) return stop('TOKENS');
      if (spend.costMicros >= limits.maxCostPerRunMicros) return stop('COST');
      messages.push(...result.responseMessages);
    }
  } catch (err) {
    // The budget store went away mid-run: keep what was spent, so that it is still charged.
    if (err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE')
      return end({ kind: 'STORE_UNAVAILABLE', error: err });
    throw err;
  }
}

/** The run's hold vanished from the store (its data lost mid-run): nothing guards this run's spend any more. */
export const holdLost = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    "The budget store lost this run's reservation, so the run was stopped; what it spent was charged. Retry shortly.",
    {
      reason: 'BUDGET_HOLD_LOST',
    },
  );

/**
 * One streamed step: text and tool calls go out as they arrive. A stream never delivers more
 * output than the step's cap: past it, the provider is cut off and the step ends there.
 */
async function* streamStep(
  ctx: TenantContext,
  model: ModelRow,
  call: ModelCall,
  received: Received,
  clientTools: ClientTool[] | undefined,
  /** The id the caller sees for a tool call (the step's i-th). */
  named: (call: ToolCallHandoff, i: number) => ToolCallHandoff,
  /** What the step sent, by the tokenizer. */
  sent: () => number,
): AsyncGenerator<RunEvent, StepResult> {
  const parts = streamModel(ctx.deps.providers, model, call);
  let outputTokens = 0;
  const calls: ToolCallOut[] = [];
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) return next.value;
      const part = next.value;
      if (part.type === 'tool-call') {
        received.toolArguments += part.call.arguments;
        outputTokens += countTokens(part.call.arguments);
        calls.push(part.call);
        yield { type: 'tool_call', ...named(part.call, calls.length - 1), client: Boolean(clientTools) };
        continue;
      }
      const tokens = countTokens(part.text);
      if (outputTokens + tokens > call.maxOutputTokens) {
        // Charged what was passed on, counted as it was checked: never more than the cap.
        const usage = { inputTokens: sent(), outputTokens, cachedInputTokens: 0 };
        return { text: received.text, toolCalls: calls, responseMessages: [], usage, finishReason: 'length' };
      }
      outputTokens += tokens;
      received.text += part.text;
      yield { type: 'delta', text: part.text };
    }
  } finally {
    // Cut off, or its reader went away: the provider's stream is closed (and its call aborted).
    await parts.return(undefined as never).catch(() => undefined);
  }
}
