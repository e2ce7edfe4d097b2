import { generateText, stepCountIs, streamText, type LanguageModelUsage, type SystemModelMessage } from 'ai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelRow } from '../db/schema/index.js';
import type {
  ModelCall,
  ProviderDeps,
  StepResult,
  StepUsage,
  StreamedPart,
  StreamedStep,
  ToolCallOut,
} from './call-model.js';
import { tracedTools } from './call-span.js';

// Steps through the AI SDK's generateText and streamText: tools, other providers, any step not
// text-only.

const toolChoiceOf = (c: ModelCall['toolChoice']) =>
  c === undefined ? undefined : c === 'required' ? ('required' as const) : { type: 'tool' as const, toolName: c.name };

function systemMessage(model: ModelRow, system: string): SystemModelMessage {
  // A stable system prefix: OpenAI caches it by itself; Anthropic needs it marked.
  const anthropic =
    model.provider === 'anthropic' ? { providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } } : {};
  return { role: 'system', content: system, ...anthropic };
}

function reported(u: LanguageModelUsage): StepUsage | undefined {
  if (u.inputTokens === undefined && u.outputTokens === undefined) return undefined;
  return {
    inputTokens: u.inputTokens ?? 0,
    outputTokens: u.outputTokens ?? 0,
    cachedInputTokens: u.inputTokenDetails?.cacheReadTokens ?? 0,
  };
}

const toolCallOut = (c: { toolCallId: string; toolName: string; input: unknown }): ToolCallOut => ({
  id: c.toolCallId,
  name: c.toolName,
  arguments: typeof c.input === 'string' ? c.input : JSON.stringify(c.input ?? {}),
});

/** What generateText and streamText are given for one step (retries are this module's own). */
const sdkCall = (deps: ProviderDeps, model: ModelRow, lm: LanguageModelV3, req: ModelCall, signal: AbortSignal) => ({
  model: lm,
  system: systemMessage(model, req.system),
  messages: req.messages,
  // The caller's own system messages (the OpenAI door keeps them, after the agent's): they
  // come with the tenant's key, so they are the tenant's instructions, not a user's text.
  allowSystemInMessages: true,
  tools: tracedTools(req.tools, deps.trace),
  toolChoice: toolChoiceOf(req.toolChoice),
  stopWhen: stepCountIs(1),
  maxOutputTokens: req.maxOutputTokens,
  maxRetries: 0,
  abortSignal: signal,
});

/** One step through the AI SDK's generateText: tools, other providers, anything not text-only. */
export async function sdkStep(
  deps: ProviderDeps,
  model: ModelRow,
  lm: LanguageModelV3,
  req: ModelCall,
  signal: AbortSignal,
) {
  const result = await generateText(sdkCall(deps, model, lm, req, signal));
  const step: StepResult = {
    text: result.text,
    toolCalls: result.toolCalls.map(toolCallOut),
    responseMessages: result.response.messages,
    usage: reported(result.totalUsage),
    finishReason: result.finishReason,
  };
  return { step, response: result.response };
}

/** One step streamed through the AI SDK's streamText: tools, other providers, anything not text-only. */
export function sdkStream(
  deps: ProviderDeps,
  model: ModelRow,
  lm: LanguageModelV3,
  req: ModelCall,
  signal: AbortSignal,
): StreamedStep {
  const result = streamText({
    ...sdkCall(deps, model, lm, req, signal),
    // Errors arrive as parts of the stream, below; the default handler would only log them.
    onError: () => undefined,
  });
  const parts = async function* (): AsyncGenerator<StreamedPart> {
    for await (const p of result.fullStream) {
      if (p.type === 'text-delta' && p.text) yield { type: 'text', text: p.text };
      else if (p.type === 'tool-call') yield { type: 'tool-call', call: toolCallOut(p) };
      else if (p.type === 'finish') yield { type: 'end', usage: reported(p.totalUsage), finishReason: p.finishReason };
      else if (p.type === 'error') throw p.error;
      else if (p.type === 'abort') throw signal.reason ?? new Error('aborted');
    }
  };
  return { parts: parts(), response: async () => await result.response };
}
