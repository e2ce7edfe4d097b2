import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  APICallError,
  type LanguageModelV3,
  type LanguageModelV3CallOptions,
  type LanguageModelV3Content,
  type LanguageModelV3GenerateResult,
  type LanguageModelV3Prompt,
  type LanguageModelV3StreamPart,
  type LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import { countTokens } from './tokens.js';

/**
 * The `sim` provider: a deterministic language model with realistic token counts, for the
 * embedded default, demos and load tests. A user message can script it:
 *   [[tool:calculator 6*7]]  call a tool once, then answer with its result
 *   [[loop]]                 call tools forever (shows the tool-call breaker)
 *   [[long]]                 answer at the full output cap (shows the token breaker)
 *   [[slow:5000]]            take that many milliseconds (shows the time breaker)
 *   [[down]]                 fail with a 503 (shows provider fallback and ProviderUnavailable)
 * System prompts of 1,024 tokens or more are reported as cached from their second use.
 * Streamed, it sends the same answer a few words at a time, its latency spread over the chunks.
 */
export type SimOptions = { latencyMs: number };

const VOCABULARY = (
  'the a budget model token cost agent answer request user plan limit cache route cheap strong ' +
  'simple complex run tool call step result value price tenant window spend save fast clear short useful'
).split(' ');

const textOf = (parts: unknown): string =>
  typeof parts === 'string'
    ? parts
    : Array.isArray(parts)
      ? parts.map((p) => (p?.type === 'text' ? p.text : '')).join('')
      : '';

function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((m) =>
      m.role === 'tool' ? JSON.stringify(m.content.map((c) => ('output' in c ? c.output : ''))) : textOf(m.content),
    )
    .join('\n');
}

function lastUserText(prompt: LanguageModelV3Prompt): string {
  const lastUser = [...prompt].reverse().find((m) => m.role === 'user');
  return lastUser ? textOf(lastUser.content) : '';
}

function deterministicText(seed: string, tokens: number): string {
  const words: string[] = [];
  let hash = createHash('sha256').update(seed).digest();
  for (let i = 0; countTokens(words.join(' ')) < tokens; i++) {
    if (i % 32 === 0 && i > 0) hash = createHash('sha256').update(hash).digest();
    words.push(VOCABULARY[hash[i % 32]! % VOCABULARY.length]!);
  }
  return words.join(' ');
}

export class SimLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider = 'sim';
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly seenSystemPrompts = new Set<string>();

  constructor(
    readonly modelId: string,
    private readonly options: SimOptions,
  ) {}

  async doGenerate(call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const wait = this.latency(call);
    if (wait > 0) await delay(wait, undefined, { signal: call.abortSignal });
    call.abortSignal?.throwIfAborted();
    return this.generate(call);
  }

  async doStream(call: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const wait = this.latency(call);
    const result = this.generate(call);
    const parts: LanguageModelV3StreamPart[] = [];
    for (const c of result.content) {
      if (c.type === 'text') {
        parts.push({ type: 'text-start', id: 't0' });
        for (const piece of c.text.match(/\S+\s*/g) ?? []) parts.push({ type: 'text-delta', id: 't0', delta: piece });
        parts.push({ type: 'text-end', id: 't0' });
      } else if (c.type === 'tool-call') parts.push(c);
    }
    const chunks = Math.max(1, parts.filter((p) => p.type === 'text-delta' || p.type === 'tool-call').length);
    const signal = call.abortSignal;
    let i = 0;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start: (controller) => controller.enqueue({ type: 'stream-start', warnings: [] }),
      async pull(controller) {
        if (i === parts.length) {
          controller.enqueue({ type: 'finish', usage: result.usage, finishReason: result.finishReason });
          controller.close();
          return;
        }
        const part = parts[i++]!;
        if (wait > 0 && (part.type === 'text-delta' || part.type === 'tool-call')) {
          await delay(wait / chunks, undefined, { signal }).catch(() => undefined);
        }
        if (signal?.aborted) {
          controller.error(signal.reason);
          return;
        }
        controller.enqueue(part);
      },
    });
    return { stream };
  }

  /** The latency a call takes, before it fails when it is scripted to. */
  private latency(call: LanguageModelV3CallOptions): number {
    const message = lastUserText(call.prompt);
    if (message.includes('[[down]]')) {
      throw new APICallError({
        message: 'sim: the model is down',
        url: 'sim://down',
        requestBodyValues: {},
        statusCode: 503,
        isRetryable: true,
      });
    }
    const slow = /\[\[slow:(\d+)\]\]/.exec(message);
    return this.options.latencyMs + (slow ? Number(slow[1]) : 0);
  }

  private generate(call: LanguageModelV3CallOptions): LanguageModelV3GenerateResult {
    const message = lastUserText(call.prompt);
    const afterTools = call.prompt.at(-1)?.role === 'tool';
    const toolCall = /\[\[tool:(\w+)(?: ([^\]]*))?\]\]/.exec(message);
    const loop = message.includes('[[loop]]');
    const cap = call.maxOutputTokens ?? 1024;
    let content: LanguageModelV3Content[];
    let finish: 'stop' | 'tool-calls' | 'length' = 'stop';
    if ((loop || (toolCall && !afterTools)) && call.tools?.length) {
      const name = loop ? call.tools[0]!.name : toolCall![1]!;
      const input = name === 'calculator' ? { expression: loop ? '1+1' : (toolCall?.[2] ?? '1+1') } : {};
      const id = createHash('sha256')
        .update(`${promptText(call.prompt)}${name}`)
        .digest('hex')
        .slice(0, 12);
      content = [{ type: 'tool-call', toolCallId: `call_${id}`, toolName: name, input: JSON.stringify(input) }];
      finish = 'tool-calls';
    } else {
      const system = call.prompt.find((m) => m.role === 'system');
      content = [{ type: 'text', text: this.answer(system ? textOf(system.content) : '', message, call.prompt, cap) }];
      if (message.includes('[[long]]')) finish = 'length';
    }

    const text = content.map((c) => (c.type === 'text' ? c.text : c.type === 'tool-call' ? c.input : '')).join('');
    const inputTokens = call.prompt.reduce(
      (s, m) => s + 4 + countTokens(m.role === 'tool' ? JSON.stringify(m.content) : textOf(m.content)),
      3,
    );
    const outputTokens = Math.min(cap, countTokens(text) + (content[0]?.type === 'tool-call' ? 8 : 0));
    const cached = this.cachedPrefix(call.prompt);
    return {
      content,
      finishReason: { unified: finish, raw: finish },
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens - cached, cacheRead: cached, cacheWrite: undefined },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
      },
      warnings: [],
      response: { id: `sim-${Date.now()}`, modelId: this.modelId, timestamp: new Date() },
    };
  }

  private answer(system: string, message: string, prompt: LanguageModelV3Prompt, cap: number): string {
    if (system.startsWith(CLASSIFIER_MARKER)) return simClassify(message);
    const lastTool = [...prompt].reverse().find((m) => m.role === 'tool');
    const toolNote = lastTool
      ? `Tool result: ${JSON.stringify(lastTool.content.map((c) => ('output' in c ? c.output : null))[0])}. `
      : '';
    const target = message.includes('[[long]]')
      ? cap
      : Math.min(cap, 24 + (createHash('sha256').update(message).digest()[0]! % 64));
    return `${toolNote}${deterministicText(`${this.modelId}:${system}:${message}`, Math.max(1, target - countTokens(toolNote)))}`;
  }

  private cachedPrefix(prompt: LanguageModelV3Prompt): number {
    const system = prompt.find((m) => m.role === 'system');
    if (!system) return 0;
    const tokens = countTokens(textOf(system.content));
    if (tokens < 1024) return 0;
    const key = createHash('sha256').update(textOf(system.content)).digest('hex');
    const seen = this.seenSystemPrompts.has(key);
    if (this.seenSystemPrompts.size >= 10_000) this.seenSystemPrompts.clear();
    this.seenSystemPrompts.add(key);
    return seen ? tokens : 0;
  }
}

/** The classifier's instructions start with this; sim answers them with a keyword rule. */
export const CLASSIFIER_MARKER = "Rate the user's request";

function simClassify(message: string): string {
  return /\b(debug|architecture|design|security|review|migrat|why|prove|analy|optimi|trade-?off|explain)\w*/i.test(
    message,
  )
    ? '8'
    : '2';
}
