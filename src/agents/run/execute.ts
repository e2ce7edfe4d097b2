import type { ModelMessage } from 'ai';
import type { TenantContext } from '../../auth/context.js';
import { extendReservation, trueUp, type Reservation } from '../../budgets/index.js';
import { costMicros, type LadderModel } from '../../budgets/ladder.js';
import type { ModelRow } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { costNumerator, toMicros } from '../../pricing/cost.js';
import { callModel, ModelUnavailable, type StepResult } from '../../providers/call-model.js';
import { toolsFor } from '../tools/registry.js';
import { estimateInputTokens } from './estimate.js';
import type { ChatTurn, Execution, RunLimitKind, RunPlan } from './types.js';

class RunTimeout extends Error {}

/** The largest output the remaining per-run cost allows on this model. */
function capForCost(model: LadderModel, inputTokens: number, roomMicros: number): number {
  const left = roomMicros - costMicros(model, inputTokens, 0);
  if (left < 0) return 0;
  return model.outputMicrosPerMTok === 0 ? Number.MAX_SAFE_INTEGER : Math.floor((left * 1_000_000) / model.outputMicrosPerMTok);
}

const asTurns = (messages: ModelMessage[]) =>
  messages.map((m) => ({ content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content) }));

/**
 * The agent loop under the plan's breakers: tool calls, tokens, cost and wall time per run. Each
 * further step first extends the budget reservation by its estimate; a model that fails (after its
 * retries, or with its circuit open) gives way to the agent's other models. Whatever way it ends,
 * it reports what was spent so far, so that it can be charged.
 */
export async function executeRun(
  ctx: TenantContext,
  plan: RunPlan,
  run: { model: ModelRow; fallbacks: ModelRow[]; outputCap: number; history: ChatTurn[]; reservation: Reservation; holdMs: number },
): Promise<Execution> {
  const { deps } = ctx;
  const limits = plan.plan;
  const tools = toolsFor(plan.agent.tools);
  const toolCount = Object.keys(tools).length;
  const system = plan.agent.instructions;
  const messages: ModelMessage[] = [...run.history, { role: 'user', content: plan.message }];
  const exec: Execution = {
    output: '', model: null, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costNumerator: 0, toolCalls: 0, ended: { kind: 'COMPLETED' },
  };
  const texts: string[] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RunTimeout()), limits.maxDurationSeconds * 1000 - (deps.clock.now().getTime() - plan.startedAt));
  timer.unref();
  const stop = (limit: RunLimitKind, message: string): Execution => ({ ...exec, output: texts.join('\n'), ended: { kind: 'RUN_LIMIT', limit, message } });
  let model = run.model;

  try {
    return await loop();
  } catch (err) {
    // The budget store went away mid-run: keep what was spent, so that it is still charged.
    if (err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE') return { ...exec, output: texts.join('\n'), ended: { kind: 'STORE_UNAVAILABLE', error: err } };
    throw err;
  } finally {
    clearTimeout(timer);
  }

  async function loop(): Promise<Execution> {
    for (let step = 0; ; step++) {
      const input = estimateInputTokens(system, asTurns(messages), toolCount);
      const tokenRoom = limits.maxTokensPerRun - exec.inputTokens - exec.outputTokens - input;
      if (tokenRoom < 1) return stop('TOKENS', `The run reached its limit of ${limits.maxTokensPerRun} tokens.`);
      const costRoom = limits.maxCostPerRunMicros - toMicros(exec.costNumerator);
      const cap = Math.min(run.outputCap, tokenRoom, capForCost(model, input, costRoom));
      if (cap < 1) return stop('COST', `The run reached its cost limit of $${limits.maxCostPerRunMicros / 1e6}.`);
      if (step > 0) {
        const extended = await extendReservation(deps.budgets, run.reservation, {
          tokens: input + cap, costMicros: costMicros(model, input, cap), now: deps.clock.now(), holdMs: run.holdMs,
        });
        if (!extended.ok) {
          const denial = 'denial' in extended ? extended.denial : undefined;
          const window = denial?.window ?? run.reservation.windows[0]!;
          return { ...exec, output: texts.join('\n'), ended: { kind: 'BUDGET_EXCEEDED', window, used: denial ? denial.usage.used + denial.usage.reserved : window.limit } };
        }
      }

      let result: StepResult | undefined;
      let retryAfter = Number.MAX_SAFE_INTEGER;
      const tried: string[] = [];
      for (const candidate of [model, ...run.fallbacks.filter((m) => m.id !== model.id)]) {
        if (candidate !== model) {
          // A pricier fallback holds the difference first.
          const extra = costMicros(candidate, input, cap) - costMicros(model, input, cap);
          if (extra > 0 && !(await extendReservation(deps.budgets, run.reservation, { tokens: 0, costMicros: extra, now: deps.clock.now(), holdMs: run.holdMs })).ok) continue;
        }
        const started = performance.now();
        try {
          result = await callModel(deps.providers, candidate, { system, messages, tools, maxOutputTokens: cap, signal: controller.signal });
          model = candidate;
          break;
        } catch (err) {
          if (controller.signal.aborted) {
            // The provider saw the prompt: its input is charged at this model's price.
            exec.inputTokens += input;
            exec.costNumerator += costNumerator(candidate, { inputTokens: input, outputTokens: 0, cachedInputTokens: 0 });
            exec.model = candidate;
            return stop('DURATION', `The run reached its limit of ${limits.maxDurationSeconds} seconds.`);
          }
          tried.push(candidate.id);
          retryAfter = Math.min(retryAfter, err instanceof ModelUnavailable ? err.retryAfterSeconds : 30);
          ctx.log.warn({ err, model: candidate.id }, 'model failed; trying the next one');
        } finally {
          plan.providerMs += performance.now() - started;
        }
      }
      if (!result) {
        const message = `No model could answer (${tried.join(', ') || 'none affordable'}).`;
        return { ...exec, output: texts.join('\n'), ended: { kind: 'PROVIDER_UNAVAILABLE', retryAfterSeconds: Math.min(retryAfter, 300), message } };
      }

      exec.model = model;
      exec.inputTokens += result.usage.inputTokens;
      exec.outputTokens += result.usage.outputTokens;
      exec.cachedInputTokens += result.usage.cachedInputTokens;
      exec.costNumerator += costNumerator(model, result.usage);
      // The provider's count can exceed the estimate: hold what was really spent before going on.
      await trueUp(deps.budgets, run.reservation, { tokens: exec.inputTokens + exec.outputTokens, costMicros: toMicros(exec.costNumerator) }, deps.clock.now(), run.holdMs);
      if (result.text) texts.push(result.text);
      if (result.toolCalls === 0) return { ...exec, output: result.text };
      exec.toolCalls += result.toolCalls;
      if (exec.toolCalls > limits.maxToolCalls) return stop('TOOL_CALLS', `The run made more than ${limits.maxToolCalls} tool calls.`);
      if (exec.inputTokens + exec.outputTokens >= limits.maxTokensPerRun) return stop('TOKENS', `The run reached its limit of ${limits.maxTokensPerRun} tokens.`);
      if (toMicros(exec.costNumerator) >= limits.maxCostPerRunMicros) return stop('COST', `The run reached its cost limit of $${limits.maxCostPerRunMicros / 1e6}.`);
      messages.push(...result.responseMessages);
    }
  }
}
