import { z } from 'zod';
import {
  agentRefSchema,
  outputCapSchema,
  type ChatMessage,
  type ClientTool,
  type RunRequest,
  type ToolChoice,
} from '../agents/index.js';
import { badInput } from '../lib/errors.js';
import { idempotencyKeySchema, idSchema, parseInput, safeString } from '../lib/validation.js';

/**
 * The Chat Completions request as Governor takes it: OpenAI's shape, through the one validator.
 * Fields Governor does not use (temperature, top_p, seed, response_format, …) are ignored, as
 * OpenAI ignores what it does not know; what it cannot honour (n > 1, images, audio) is refused.
 */
const MAX_MESSAGES = 1_000;
const MAX_CHARACTERS = 1_000_000;

const text = safeString().max(100_000, 'must be at most 100,000 characters');
const contentPart = z
  .object({ type: safeString(), text: text.optional() })
  .loose()
  .refine((p) => p.type === 'text', {
    message: 'only text parts are accepted (images, audio and files are not supported by Governor)',
  });
const content = z.union([text, z.array(contentPart).max(100)]).nullish();
const toolCall = z.object({
  id: safeString().min(1).max(256),
  type: z.literal('function').optional(),
  function: z.object({ name: safeString().min(1).max(64), arguments: safeString().max(100_000) }),
});
const message = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool'], {
      error: 'must be system, developer, user, assistant or tool',
    }),
    content,
    name: safeString().max(256).optional(),
    tool_calls: z.array(toolCall).max(128).optional(),
    tool_call_id: safeString().min(1).max(256).optional(),
  })
  .loose();
const toolName = safeString().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -');
const tool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: toolName,
    description: safeString().max(4_000).optional(),
    parameters: z.record(safeString(), z.unknown()).optional(),
  }),
});

export const ChatCompletionBody = z
  .object({
    model: agentRefSchema,
    messages: z
      .array(message)
      .min(1, 'must hold at least one message')
      .max(MAX_MESSAGES, `must be at most ${MAX_MESSAGES.toLocaleString('en-US')} messages`),
    max_tokens: outputCapSchema.nullish(),
    max_completion_tokens: outputCapSchema.nullish(),
    n: z
      .number()
      .int()
      .nullish()
      .refine((n) => n == null || n === 1, 'must be 1: Governor answers one choice per request'),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).loose().nullish(),
    user: safeString().max(256).nullish(),
    tools: z.array(tool).max(128).nullish(),
    tool_choice: z
      .union([
        z.enum(['auto', 'none', 'required']),
        z.object({ type: z.literal('function'), function: z.object({ name: toolName }) }),
      ])
      .nullish(),
  })
  .loose();
export type ChatCompletionBody = z.output<typeof ChatCompletionBody>;

const partsText = (c: z.output<typeof content>) =>
  typeof c === 'string' ? c : (c ?? []).map((p) => (p as { text?: string }).text ?? '').join('');

/** Tool results must answer the tool calls just before them; everything else may come in any order. */
function normalize(messages: ChatCompletionBody['messages']): ChatMessage[] {
  const out: ChatMessage[] = [];
  let awaiting = new Set<string>();
  let total = 0;
  for (const [i, m] of messages.entries()) {
    const where = `messages.${i}`;
    const body = partsText(m.content);
    total += body.length;
    if (m.role !== 'tool' && awaiting.size) {
      throw badInput(`${where}: the tool calls before it (${[...awaiting].join(', ')}) have no results yet`, where);
    }
    switch (m.role) {
      case 'system':
      case 'developer':
        out.push({ role: 'system', content: body });
        break;
      case 'user':
        if (!body.trim()) throw badInput(`${where}: a user message must not be empty`, where);
        out.push({ role: 'user', content: body });
        break;
      case 'assistant': {
        const calls = (m.tool_calls ?? []).map((c) => ({
          id: c.id,
          name: c.function.name,
          arguments: c.function.arguments,
        }));
        out.push(
          calls.length ? { role: 'assistant', content: body, toolCalls: calls } : { role: 'assistant', content: body },
        );
        awaiting = new Set(calls.map((c) => c.id));
        break;
      }
      case 'tool': {
        if (!m.tool_call_id) throw badInput(`${where}: a tool message needs tool_call_id`, where);
        if (!awaiting.delete(m.tool_call_id)) {
          throw badInput(
            `${where}: tool_call_id ${m.tool_call_id} answers no tool call of the assistant message before it`,
            where,
          );
        }
        out.push({ role: 'tool', toolCallId: m.tool_call_id, content: body });
        break;
      }
    }
  }
  if (total > MAX_CHARACTERS)
    throw badInput(`messages: must be at most ${MAX_CHARACTERS.toLocaleString('en-US')} characters in all`, 'messages');
  if (!out.some((m) => m.role === 'user'))
    throw badInput('messages: the conversation needs a user message', 'messages');
  return out;
}

/** Governor's own request headers on this door. */
export type DoorHeaders = {
  runId?: string | undefined;
  routing?: 'CHEAP' | 'STRONG' | undefined;
  cache?: 'USE' | 'BYPASS' | 'REFRESH' | undefined;
  idempotencyKey?: string | undefined;
};

const Headers = z.object({
  runId: safeString()
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, _ or -')
    .optional(),
  routing: z.enum(['CHEAP', 'STRONG'], { error: 'must be CHEAP or STRONG' }).optional(),
  cache: z.enum(['USE', 'BYPASS', 'REFRESH'], { error: 'must be USE, BYPASS or REFRESH' }).optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export function parseHeaders(get: (name: string) => string | undefined): DoorHeaders {
  const upper = (v: string | undefined) => v?.trim().toUpperCase();
  const parsed = Headers.safeParse({
    runId: get('x-governor-run-id'),
    routing: upper(get('x-governor-routing')),
    cache: upper(get('x-governor-cache')),
    idempotencyKey: get('idempotency-key'),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const header = {
    runId: 'X-Governor-Run-Id',
    routing: 'X-Governor-Routing',
    cache: 'X-Governor-Cache',
    idempotencyKey: 'Idempotency-Key',
  }[issue.path[0] as keyof DoorHeaders];
  throw badInput(`${header}: ${issue.message}`, header);
}

/**
 * The pipeline's request: the agent's instructions come first (the pipeline adds them), then the
 * caller's messages in order, its system messages included. `user` names the user to act for with
 * a service key (`actsFor`), and is an opaque label with a user key.
 */
export function requestFromChatCompletion(input: unknown, headers: DoorHeaders, serviceKey: boolean): RunRequest {
  const body = parseInput(ChatCompletionBody, input);
  const choice = body.tool_choice;
  const tools: ClientTool[] | undefined =
    body.tools?.length && choice !== 'none'
      ? body.tools.map((t) => ({
          name: t.function.name,
          description: t.function.description,
          parameters: t.function.parameters ?? { type: 'object', properties: {} },
        }))
      : undefined;
  const toolChoice: ToolChoice | undefined =
    !tools || !choice || choice === 'auto' || choice === 'none'
      ? undefined
      : choice === 'required'
        ? 'required'
        : { name: choice.function.name };
  const user = body.user ?? undefined;
  if (serviceKey && user) parseInput(idSchema, user);
  return {
    agent: body.model,
    userId: serviceKey ? user : undefined,
    endUser: serviceKey ? undefined : user,
    messages: normalize(body.messages),
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    cache: headers.cache ?? 'USE',
    routing: headers.routing ?? 'AUTO',
    runId: headers.runId,
    idempotencyKey: headers.idempotencyKey,
    tools,
    toolChoice,
  };
}
