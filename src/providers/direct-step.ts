import type { LanguageModelV3GenerateResult, LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import type { ModelCall, StepResult, StepUsage, StreamedPart, StreamedStep } from './call-model.js';
import type { LeanOpenAIChat } from './lean-openai.js';

/**
 * The AI SDK's prompt for a text-only step (no tools offered, every message a string), built as
 * generateText builds it; undefined for any other step.
 */
function textPrompt(req: ModelCall): LanguageModelV3Prompt | undefined {
  if (req.toolChoice || Object.keys(req.tools).length) return undefined;
  const prompt: LanguageModelV3Prompt = [{ role: 'system', content: req.system }];
  for (const m of req.messages) {
    if (typeof m.content !== 'string') return undefined;
    if (m.role === 'system') prompt.push({ role: 'system', content: m.content });
    else if (m.role === 'user' || m.role === 'assistant')
      prompt.push({ role: m.role, content: [{ type: 'text', text: m.content }] });
    else return undefined;
  }
  return prompt;
}

/** The assistant's turn of a text-only step, to append before the next step. */
const textMessages = (text: string): ModelMessage[] =>
  text ? [{ role: 'assistant', content: [{ type: 'text', text }] }] : [];

function reported(u: LanguageModelV3GenerateResult['usage']): StepUsage | undefined {
  if (u.inputTokens.total === undefined && u.outputTokens.total === undefined) return undefined;
  return {
    inputTokens: u.inputTokens.total ?? 0,
    outputTokens: u.outputTokens.total ?? 0,
    cachedInputTokens: u.inputTokens.cacheRead ?? 0,
  };
}

/**
 * A text-only step on the lean OpenAI model, called directly; undefined (nothing sent) for any
 * other step. For such a step generateText adds zod validation of every message (the largest cost
 * left on a cache miss), telemetry (this project traces calls itself, call-span.ts), `ai/<version>`
 * in the user agent, an invented response id where the provider sent none, console warnings for
 * settings a provider ignores (the project sends none) and checks of what the pipeline has
 * validated already (a cap of at least one token, a conversation that is not empty). A tool call
 * in the answer of a model that was offered none is dropped (generateText would report it as a
 * call of no such tool, and the loop would pay for another step).
 */
export async function directStep(
  lm: LeanOpenAIChat,
  req: ModelCall,
  signal: AbortSignal,
): Promise<{ step: StepResult; response: { id?: string | undefined; modelId: string } } | undefined> {
  const prompt = textPrompt(req);
  if (!prompt) return undefined;
  const result = await lm.doGenerate({ prompt, maxOutputTokens: req.maxOutputTokens, abortSignal: signal });
  const text = result.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  return {
    step: {
      text,
      toolCalls: [],
      responseMessages: textMessages(text),
      usage: reported(result.usage),
      finishReason: result.finishReason.unified,
    },
    response: { id: result.response?.id, modelId: result.response?.modelId ?? lm.modelId },
  };
}

/**
 * A text-only step on the lean OpenAI model, streamed by the provider's own doStream (its request,
 * parsing and errors, an error before any output included), without streamText's layers of web
 * streams around it (a third of a streamed call's CPU with the validation they run); undefined
 * (nothing sent) for any other step. A tool call from a model offered none is dropped, as above;
 * a response without an id has none (streamText invented one).
 */
export async function directStream(
  lm: LeanOpenAIChat,
  req: ModelCall,
  signal: AbortSignal,
): Promise<StreamedStep | undefined> {
  const prompt = textPrompt(req);
  if (!prompt) return undefined;
  const { stream } = await lm.doStream({ prompt, maxOutputTokens: req.maxOutputTokens, abortSignal: signal });
  const meta: { id?: string | undefined; modelId: string } = { modelId: lm.modelId };
  const parts = async function* (): AsyncGenerator<StreamedPart> {
    for await (const p of stream) {
      if (p.type === 'text-delta' && p.delta) yield { type: 'text', text: p.delta };
      else if (p.type === 'response-metadata')
        Object.assign(meta, { id: p.id ?? meta.id, modelId: p.modelId ?? meta.modelId });
      else if (p.type === 'finish')
        yield { type: 'end', usage: reported(p.usage), finishReason: p.finishReason.unified };
      else if (p.type === 'error') throw p.error;
    }
  };
  return {
    parts: parts(),
    response: async (text) => ({
      ...meta,
      messages: textMessages(text),
    }),
  };
}
