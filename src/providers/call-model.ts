import { setTimeout as sleep } from 'node:timers/promises';
import { APICallError, generateText, stepCountIs, type ModelMessage, type SystemModelMessage, type ToolSet } from 'ai';
import type { CircuitBreakers } from '../breakers/circuit-breaker.js';
import type { ModelRow } from '../db/schema/index.js';
import type { ProviderRegistry } from './registry.js';

export type ProviderDeps = {
  registry: ProviderRegistry;
  breakers: CircuitBreakers;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  /** Jitter source; tests pass a seeded one. */
  random: () => number;
};

export type StepUsage = { inputTokens: number; outputTokens: number; cachedInputTokens: number };
export type StepResult = {
  text: string;
  toolCalls: number;
  /** The assistant turn and any tool results, to append before the next step. */
  responseMessages: ModelMessage[];
  usage: StepUsage;
};

/** The model could not answer: its circuit is open, or every attempt failed. */
export class ModelUnavailable extends Error {
  constructor(
    readonly modelId: string,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_HONOURED_RETRY_AFTER_MS = 10_000;

function retryAfterMs(err: APICallError): number | undefined {
  const h = err.responseHeaders ?? {};
  if (h['retry-after-ms']) return Number(h['retry-after-ms']);
  const s = h['retry-after'];
  if (!s) return undefined;
  const seconds = Number(s);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(s) - Date.now());
}

/** Failures that say the model (not the request) is in trouble: these count towards its breaker. */
function isModelFault(err: unknown): boolean {
  if (!APICallError.isInstance(err)) return true; // network errors, timeouts
  return err.isRetryable || [401, 403, 404].includes(err.statusCode ?? 0);
}

/**
 * One step of an agent loop on one model: per-attempt timeout, retries with jittered exponential
 * backoff on 429/5xx/timeouts honouring Retry-After, and the model's circuit breaker. Tools the
 * model calls run inside the step. An abort of `signal` (the run's time limit) is rethrown as is.
 */
export async function callModel(
  deps: ProviderDeps,
  model: ModelRow,
  req: { system: string; messages: ModelMessage[]; tools: ToolSet; maxOutputTokens: number; signal: AbortSignal },
): Promise<StepResult> {
  const lm = deps.registry.languageModel(model);
  if ('unavailable' in lm) throw new ModelUnavailable(model.id, 60, lm.unavailable);
  // A stable system prefix: OpenAI caches it by itself; Anthropic needs it marked.
  const system: SystemModelMessage = {
    role: 'system',
    content: req.system,
    ...(model.provider === 'anthropic' ? { providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } } : {}),
  };
  let lastRetryAfter = 1;
  for (let n = 0; n <= deps.retries; n++) {
    if (!deps.breakers.tryAcquire(model.id)) {
      throw new ModelUnavailable(model.id, deps.breakers.retryAfterSeconds(model.id), `${model.id}: circuit open`);
    }
    // A controller of our own, held strongly: a timeout signal inside AbortSignal.any() can be
    // garbage-collected before it fires, and the attempt would then never time out.
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(new Error(`${model.id}: attempt timed out after ${deps.timeoutMs} ms`)), deps.timeoutMs);
    const forward = () => attempt.abort(req.signal.reason);
    req.signal.addEventListener('abort', forward, { once: true });
    try {
      const result = await generateText({
        model: lm,
        system,
        messages: req.messages,
        tools: req.tools,
        stopWhen: stepCountIs(1),
        maxOutputTokens: req.maxOutputTokens,
        maxRetries: 0,
        abortSignal: attempt.signal,
      });
      deps.breakers.succeeded(model.id);
      const u = result.totalUsage;
      return {
        text: result.text,
        toolCalls: result.toolCalls.length,
        responseMessages: result.response.messages,
        usage: { inputTokens: u.inputTokens ?? 0, outputTokens: u.outputTokens ?? 0, cachedInputTokens: u.inputTokenDetails?.cacheReadTokens ?? 0 },
      };
    } catch (err) {
      if (req.signal.aborted) {
        deps.breakers.abandoned(model.id);
        throw err;
      }
      if (!isModelFault(err)) {
        deps.breakers.succeeded(model.id); // the model answered; the request was at fault
        throw err;
      }
      deps.breakers.failed(model.id);
      const hinted = APICallError.isInstance(err) ? retryAfterMs(err) : undefined;
      if (hinted !== undefined) lastRetryAfter = Math.max(1, Math.ceil(hinted / 1000));
      const retryable = !APICallError.isInstance(err) || err.isRetryable;
      if (!retryable || n === deps.retries || (hinted ?? 0) > MAX_HONOURED_RETRY_AFTER_MS) break;
      const backoff = hinted ?? deps.retryBaseMs * 2 ** n * (0.5 + deps.random());
      await sleep(backoff, undefined, { signal: req.signal });
    } finally {
      clearTimeout(timer);
      req.signal.removeEventListener('abort', forward);
    }
  }
  throw new ModelUnavailable(model.id, lastRetryAfter, `${model.id} did not answer`);
}
