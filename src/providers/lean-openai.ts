import {
  APICallError,
  InvalidResponseDataError,
  type LanguageModelV3,
  type LanguageModelV3CallOptions,
  type LanguageModelV3Content,
  type LanguageModelV3FinishReason,
  type LanguageModelV3GenerateResult,
} from '@ai-sdk/provider';
import { httpRequest, type BufferedResponse } from './http-fetch.js';

/** The parts of @ai-sdk/openai's chat model (3.0.x) the lean path uses: its request building and its endpoint. */
type OpenAIChatModel = LanguageModelV3 & {
  getArgs(options: LanguageModelV3CallOptions): Promise<{ args: Record<string, unknown>; warnings: unknown[] }>;
  config: {
    url(o: { path: string; modelId: string }): string;
    headers(): Record<string, string | undefined>;
  };
};

type ChatResponse = {
  id?: string | null;
  created?: number | null;
  model?: string | null;
  choices?: {
    message: { content?: string | null; refusal?: string | null; tool_calls?: ToolCall[] | null };
    finish_reason?: string | null;
  }[];
  usage?: {
    prompt_tokens?: number | null;
    completion_tokens?: number | null;
    prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
    completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  } | null;
};
type ToolCall = { id?: string | null; function: { name: string; arguments: string } };

const FINISH: Record<string, LanguageModelV3FinishReason['unified']> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  function_call: 'tool-calls',
  tool_calls: 'tool-calls',
};

/** OpenAI's usage, as @ai-sdk/openai reports it (convertOpenAIChatUsage). */
function usageOf(usage: ChatResponse['usage']): LanguageModelV3GenerateResult['usage'] {
  if (!usage) {
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = usage.prompt_tokens_details?.cache_write_tokens ?? undefined;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  return {
    inputTokens: { total: prompt, noCache: prompt - cached - (cacheWrite ?? 0), cacheRead: cached, cacheWrite },
    outputTokens: { total: completion, text: Math.max(0, completion - reasoning), reasoning },
    raw: usage,
  };
}

/** `source`'s headers set on `into`, their names in lower case (undefined ones left out). */
function mergeHeaders(into: Record<string, string>, source: Record<string, string | undefined> = {}) {
  for (const [k, v] of Object.entries(source)) if (v !== undefined) into[k.toLowerCase()] = v;
  return into;
}

/** Node's errors of a connection that failed: the SDK wraps them as a retryable APICallError. */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * OpenAI's chat model with a lean non-streaming call: the request is built by the AI SDK's own
 * model (so every option maps as before), but sent with the project's HTTP client and read with
 * JSON.parse instead of the SDK's generic post-and-validate path (zod over every response), which
 * was the largest single cost of a cache miss. The answer's text, refusal, tool calls, finish
 * reason and usage are mapped as the SDK maps them (not its audio transcripts, citations or
 * logprobs, which this project does not ask for). Calls with tools and streams go through the SDK
 * model unchanged. Errors are the SDK's: APICallError with the status (retryable on 408, 409, 429
 * and 5xx) and the provider's message; an unreadable 2xx answer, not retryable; a failed
 * connection, retryable.
 */
export class LeanOpenAIChat implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly supportedUrls: LanguageModelV3['supportedUrls'];

  constructor(private readonly inner: OpenAIChatModel) {
    this.provider = inner.provider;
    this.modelId = inner.modelId;
    this.supportedUrls = inner.supportedUrls;
  }

  private headers: Record<string, string> | undefined;

  /** The provider's headers (its key, organization, user agent): fixed for a model, built once. */
  private providerHeaders(): Record<string, string> {
    return (this.headers ??= mergeHeaders({ 'content-type': 'application/json' }, this.inner.config.headers()));
  }

  doStream(options: LanguageModelV3CallOptions) {
    return this.inner.doStream(options);
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    if (options.tools?.length) return this.inner.doGenerate(options);
    const { args: body, warnings } = await this.inner.getArgs(options);
    const url = this.inner.config.url({ path: '/chat/completions', modelId: this.modelId });
    // Header names in lower case, the caller's over the provider's (as the SDK merges them).
    const headers = mergeHeaders({ ...this.providerHeaders() }, options.headers);
    const requestBody = JSON.stringify(body);
    let res: BufferedResponse;
    try {
      res = await httpRequest(url, { method: 'POST', headers, body: requestBody, signal: options.abortSignal });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (options.abortSignal?.aborted || !code || !CONNECTION_ERRORS.has(code)) throw err;
      throw new APICallError({
        message: `Cannot connect to API: ${(err as Error).message}`,
        cause: err,
        url,
        requestBodyValues: body,
        isRetryable: true,
      });
    }
    const decoded = res.body.toString('utf8');
    // As fetch's text() reads it: a byte-order mark is not part of the JSON.
    const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    const responseHeaders = res.headers;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (res.status < 200 || res.status > 299) {
      const message = (parsed as { error?: { message?: unknown } } | undefined)?.error?.message;
      const known = typeof message === 'string';
      throw new APICallError({
        message: known ? message : res.statusText,
        url,
        requestBodyValues: body,
        statusCode: res.status,
        responseHeaders,
        responseBody: text,
        data: known ? parsed : undefined,
      });
    }
    const response = parsed as ChatResponse | undefined;
    const readable = !!response && typeof response === 'object' && Array.isArray(response.choices);
    if (!readable || response.choices!.some((c) => !c || typeof c.message !== 'object' || !c.message)) {
      throw new APICallError({
        message: 'Invalid JSON response',
        url,
        requestBodyValues: body,
        statusCode: res.status,
        responseHeaders,
        responseBody: text,
        isRetryable: false,
      });
    }
    const choice = response.choices![0];
    if (!choice) throw new InvalidResponseDataError({ data: parsed, message: 'Response did not contain any choices.' });
    const content: LanguageModelV3Content[] = [];
    if (choice.message.content) content.push({ type: 'text', text: choice.message.content });
    const refusal = choice.message.refusal;
    if (refusal) content.push({ type: 'text', text: refusal });
    for (const call of choice.message.tool_calls ?? [])
      content.push({
        type: 'tool-call',
        toolCallId: call.id ?? crypto.randomUUID(),
        toolName: call.function.name,
        input: call.function.arguments,
      });
    const raw = choice.finish_reason ?? undefined;
    const mapped = raw && Object.hasOwn(FINISH, raw) ? FINISH[raw] : undefined;
    const unified = raw === 'stop' && refusal ? 'content-filter' : (mapped ?? 'other');
    return {
      content,
      finishReason: { unified, raw },
      usage: usageOf(response.usage),
      request: { body },
      response: {
        id: response.id ?? undefined,
        modelId: response.model ?? undefined,
        timestamp: response.created ? new Date(response.created * 1000) : undefined,
        headers: responseHeaders,
        body: response,
      },
      warnings: warnings as LanguageModelV3GenerateResult['warnings'],
      providerMetadata: { openai: {} },
    };
  }
}
