import { z } from 'zod';
import type { CacheMode } from '../../cache/response-cache.js';
import { idempotencyKeySchema, idSchema, optional, parseInput, safeString, textSchema } from '../../lib/validation.js';
import type { RoutingOverride } from '../../routing/index.js';

/** A tool call as the conversation carries it: the model asked, the caller runs it. */
export type ToolCallRef = { id: string; name: string; arguments: string };

/** One message of a conversation, whichever door it came through. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRef[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A tool the caller defines and runs itself (the OpenAI-compatible door): the model's calls go back to it. */
export type ClientTool = { name: string; description?: string | undefined; parameters: Record<string, unknown> };
/** Whether the model must call a tool (any, or this one). Default: as it sees fit. */
export type ToolChoice = 'required' | { name: string };

/**
 * What every door hands the pipeline: validated, normalized, transport-free. `messages` is the
 * caller's conversation, oldest first; its last user message is the request.
 */
export type RunRequest = {
  /** Agent slug or id. */
  agent: string;
  /** Service keys only: the user to act for. */
  userId?: string | undefined;
  messages: ChatMessage[];
  maxOutputTokens?: number | undefined;
  cache: CacheMode;
  routing: RoutingOverride;
  /** A run several calls share (a client-side tool loop). */
  runId?: string | undefined;
  /** The same key and request within 24 h answer the first call's result, charged once. */
  idempotencyKey?: string | undefined;
  /** OpenAI's `user` with a user key: an opaque end-user label, recorded, never an identity. */
  endUser?: string | undefined;
  tools?: ClientTool[] | undefined;
  toolChoice?: ToolChoice | undefined;
};

const content = textSchema(100_000);
export const MAX_OUTPUT_TOKENS = 32_768;
export const outputCapSchema = z
  .number()
  .int()
  .min(1, 'must be at least 1')
  .max(MAX_OUTPUT_TOKENS, `must be at most ${MAX_OUTPUT_TOKENS.toLocaleString('en-US')}`);
export const agentRefSchema = safeString().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

const GraphQLRunInput = z.object({
  agent: agentRefSchema,
  message: content.refine((m) => m.trim().length > 0, 'must not be blank'),
  history: optional(
    z
      .array(z.object({ role: z.enum(['USER', 'ASSISTANT']), content }))
      .max(200, 'must be at most 200 turns')
      .refine(
        (h) => h.reduce((n, t) => n + t.content.length, 0) <= 1_000_000,
        'must be at most 1,000,000 characters in all',
      ),
  ),
  userId: optional(idSchema),
  maxOutputTokens: optional(outputCapSchema),
  cache: optional(z.enum(['USE', 'BYPASS', 'REFRESH'])),
  routing: optional(z.enum(['AUTO', 'CHEAP', 'STRONG'])),
  idempotencyKey: optional(idempotencyKeySchema),
});

/** GraphQL's RunAgentInput: earlier turns and one message, as a conversation. */
export function requestFromGraphQL(input: unknown): RunRequest {
  const data = parseInput(GraphQLRunInput, input);
  const history = (data.history ?? []).map((t): ChatMessage => ({
    role: t.role === 'USER' ? 'user' : 'assistant',
    content: t.content,
  }));
  return {
    agent: data.agent,
    userId: data.userId,
    messages: [...history, { role: 'user', content: data.message }],
    maxOutputTokens: data.maxOutputTokens,
    cache: data.cache ?? 'USE',
    routing: data.routing ?? 'AUTO',
    idempotencyKey: data.idempotencyKey,
  };
}

/** The text a message puts in front of a model: its content and the calls it carries. */
export const messageText = (m: ChatMessage) =>
  m.role === 'assistant' && m.toolCalls?.length
    ? `${m.content}${m.toolCalls.map((c) => `${c.name}(${c.arguments})`).join('')}`
    : m.content;
