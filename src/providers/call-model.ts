import { setTimeout as sleep } from 'node:timers/promises';
import { APICallError, type ModelMessage, type ToolSet } from 'ai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { CircuitBreakers } from '../breakers/circuit-breaker.js';
import type { TraceSpan } from '../context.js';
import type { ModelRow } from '../db/schema/index.js';
import { endCallSpan, failCallSpan, openCallSpan } from './call-span.js';
import { directStep, directStream } from './direct-step.js';
import { LeanOpenAIChat } from './lean-openai.js';
import { sdkStep, sdkStream } from './sdk-step.js';
import type { ProviderRegistry } from './registry.js';

export type ProviderDeps = {
  registry: ProviderRegistry;
  breakers: CircuitBreakers;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  /** Jitter source; tests pass a seeded one. */
  random: () => number;
  /** The run's span, when traces are on: each call (and each tool it runs) gets a child span. */
  trace?: TraceSpan | undefined;
};

export type StepUsage = { inputTokens: number; outputTokens: number; cachedInputTokens: number };
export type ToolCallOut = { id: string; name: string; arguments: string };

/** One step of a model: what it wrote, the tools it called, and what it reported spending. */
export type StepResult = {
  text: string;
  toolCalls: ToolCallOut[];
  /** The assistant turn and any tool results, to append before the next step. */
  responseMessages: ModelMessage[];
  /** What the provider reported; undefined when it reported nothing (the caller counts instead). */
  usage: StepUsage | undefined;
  finishReason: string;
};

export type ModelCall = {
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  /** Must the model call a tool (any, or this one)? Default: as it sees fit. */
  toolChoice?: 'required' | { name: string } | undefined;
  maxOutputTokens: number;
  signal: AbortSignal;
};

/** What a streamed step yields as it goes; it returns the whole StepResult when it ends. */
export type StreamPart = { type: 'text'; text: string } | { type: 'tool-call'; call: ToolCallOut };

/** What a streamed step's path yields: its parts, then its end (the usage the provider reported). */
export type StreamedPart = StreamPart | { type: 'end'; usage: StepUsage | undefined; finishReason: string };

/** A step streamed (directly or through the SDK): its parts as they come, then its response. */
export type StreamedStep = {
  parts: AsyncGenerator<StreamedPart>;
  response(text: string): Promise<{ messages: ModelMessage[]; id?: string | undefined; modelId: string }>;
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

/** A stream that failed after its first part: not retried (the caller saw part of an answer). */
export class StreamBroken extends Error {
  constructor(
    readonly modelId: string,
    readonly partial: { text: string; toolCalls: ToolCallOut[] },
    cause: unknown,
  ) {
    super(`${modelId}: the answer stopped midway`, { cause });
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
 * One attempt's signal: aborted by its own timeout or by the run's signal. A controller of our own,
 * held strongly: a timeout signal inside AbortSignal.any() can be garbage-collected before it
 * fires, and the attempt would then never time out.
 */
function openAttempt(deps: ProviderDeps, model: ModelRow, outer: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`${model.id}: attempt timed out after ${deps.timeoutMs} ms`)),
    deps.timeoutMs,
  );
  const forward = () => controller.abort(outer.reason);
  outer.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    /** The answer has started: from now on only the run's own limits can stop it. */
    started: () => clearTimeout(timer),
    abort: () => controller.abort(new Error(`${model.id}: the caller stopped reading`)),
    close: () => {
      clearTimeout(timer);
      outer.removeEventListener('abort', forward);
    },
  };
}

/**
 * Attempts on one model: per-attempt timeout, retries with jittered exponential backoff on
 * 429/5xx/timeouts honouring Retry-After, and the model's circuit breaker. An abort of the run's
 * signal is rethrown as is. `attempt` resolves once the model has started answering.
 */
async function withAttempts<T>(
  deps: ProviderDeps,
  model: ModelRow,
  signal: AbortSignal,
  attempt: (lm: LanguageModelV3, a: ReturnType<typeof openAttempt>) => Promise<T>,
): Promise<T> {
  const lm = deps.registry.languageModel(model);
  if ('unavailable' in lm) throw new ModelUnavailable(model.id, 60, lm.unavailable);
  let lastRetryAfter = 1;
  for (let n = 0; n <= deps.retries; n++) {
    if (!deps.breakers.tryAcquire(model.id)) {
      throw new ModelUnavailable(model.id, deps.breakers.retryAfterSeconds(model.id), `${model.id}: circuit open`);
    }
    const a = openAttempt(deps, model, signal);
    try {
      return await attempt(lm, a);
    } catch (thrown) {
      a.close();
      if (signal.aborted) {
        deps.breakers.abandoned(model.id);
        throw thrown;
      }
      // An attempt that timed out failed by its timeout, whatever its provider's stream or client
      // wrapped the abort in (an SDK may call it a bad response, not retryable).
      const err: unknown = a.signal.aborted ? a.signal.reason : thrown;
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
      await sleep(backoff, undefined, { signal });
    }
  }
  throw new ModelUnavailable(model.id, lastRetryAfter, `${model.id} did not answer`);
}

/** One step of an agent loop on one model, answered whole. Tools the model calls run inside the step. */
export async function callModel(deps: ProviderDeps, model: ModelRow, req: ModelCall): Promise<StepResult> {
  const span = openCallSpan(deps.trace, model, { maxOutputTokens: req.maxOutputTokens, stream: false });
  let attempts = 0;
  let response: { id?: string | undefined; modelId: string } | undefined;
  const step = withAttempts(deps, model, req.signal, async (lm, a) => {
    attempts++;
    try {
      const direct = lm instanceof LeanOpenAIChat ? await directStep(lm, req, a.signal) : undefined;
      const done = direct ?? (await sdkStep(deps, model, lm, req, a.signal));
      deps.breakers.succeeded(model.id);
      response = done.response;
      return done.step;
    } finally {
      a.close();
    }
  });
  if (!span) return step;
  return step.then(
    (done) => {
      endCallSpan(span, { ...done, response, attempts });
      return done;
    },
    (err: unknown) => {
      failCallSpan(span, err, attempts);
      throw err;
    },
  );
}

/**
 * One step, streamed: yields text and tool calls as the provider sends them and returns the
 * whole step. Retries happen only before the first part; a failure after it is a StreamBroken
 * (what arrived until then comes with it, so that it can be charged).
 */
export async function* streamModel(
  deps: ProviderDeps,
  model: ModelRow,
  req: ModelCall,
): AsyncGenerator<StreamPart, StepResult> {
  const span = openCallSpan(deps.trace, model, { maxOutputTokens: req.maxOutputTokens, stream: true });
  const opened = performance.now();
  let attempts = 0;
  const started = await withAttempts(deps, model, req.signal, async (lm, a) => {
    attempts++;
    const direct = lm instanceof LeanOpenAIChat ? await directStream(lm, req, a.signal) : undefined;
    const call = direct ?? sdkStream(deps, model, lm, req, a.signal);
    const first = await call.parts.next();
    a.started();
    deps.breakers.succeeded(model.id);
    return { ...call, first, attempt: a };
  }).catch((err: unknown) => {
    failCallSpan(span, err, attempts);
    throw err;
  });
  span?.set({ 'gen_ai.response.time_to_first_chunk': (performance.now() - opened) / 1000 });
  const text: string[] = [];
  const toolCalls: ToolCallOut[] = [];
  let end: Extract<StreamedPart, { type: 'end' }> | undefined;
  let finished = false;
  let failed = false;
  try {
    for (let next = started.first; !next.done; next = await started.parts.next()) {
      const part = next.value;
      if (part.type === 'end') end = part;
      else {
        if (part.type === 'text') text.push(part.text);
        else toolCalls.push(part.call);
        yield part;
      }
    }
    const whole = text.join('');
    const response = await started.response(whole);
    finished = true;
    const step = {
      text: whole,
      toolCalls,
      responseMessages: response.messages,
      usage: end?.usage,
      finishReason: end?.finishReason ?? 'unknown',
    };
    endCallSpan(span, { ...step, response, attempts });
    return step;
  } catch (err) {
    failed = true;
    if (req.signal.aborted) {
      failCallSpan(span, err, attempts);
      throw err;
    }
    deps.breakers.failed(model.id);
    const broken = new StreamBroken(model.id, { text: text.join(''), toolCalls }, err);
    failCallSpan(span, broken, attempts);
    throw broken;
  } finally {
    // A consumer that stops early must not leave the provider's stream open.
    if (!finished) started.attempt.abort();
    // Stopped by its reader (at the run's output cap, say): the call ends here, cut.
    if (!finished && !failed)
      endCallSpan(span, { usage: undefined, finishReason: 'cut', response: undefined, attempts });
    started.attempt.close();
    await started.parts.return(undefined).catch(() => undefined);
  }
}
