import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainedOrClosed } from '../../src/lib/sse.js';

/**
 * How the fake upstream streams an answer: its pieces, its usage (null: none reported, as some
 * providers do), where to wait (`pauseAfter` pieces, until `resume` resolves) and where to break
 * off (`failAfter` pieces: an error event, and the stream ends mid-answer).
 */
export type StreamPlan = {
  pieces: string[];
  usage?: Usage | null;
  pauseAfter?: number;
  resume?: Promise<void>;
  failAfter?: number;
  toolCall?: { name: string; arguments: string };
};

/** What the fake upstream answers to one chat completion request. */
export type Reply = {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  stream?: StreamPlan;
};
export type ChatRequest = {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown }[];
  max_tokens?: number;
  tools?: unknown[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
};
export type Handler = (req: ChatRequest, n: number) => Reply;

type Usage = { prompt?: number; completion?: number; cached?: number };

const usageOf = (usage: Usage) => ({
  prompt_tokens: usage.prompt ?? 100,
  completion_tokens: usage.completion ?? 20,
  total_tokens: (usage.prompt ?? 100) + (usage.completion ?? 20),
  prompt_tokens_details: { cached_tokens: usage.cached ?? 0 },
});

const completion = (model: string, message: Record<string, unknown>, finish: string, usage: Usage) => ({
  id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
  object: 'chat.completion',
  created: Math.floor(Date.now() / 1000),
  model,
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  usage: usageOf(usage),
});

/** Replies in OpenAI's chat completion format. */
export const reply = {
  text: (req: ChatRequest, content: string, usage: Usage = {}): Reply =>
    req.stream
      ? { stream: { pieces: content.match(/\S+\s*/g) ?? [content], usage } }
      : { body: completion(req.model, { content }, 'stop', usage) },
  toolCall: (req: ChatRequest, name: string, args: unknown, usage: Usage = {}): Reply => {
    const id = `call_${Math.random().toString(36).slice(2, 10)}`;
    if (req.stream) return { stream: { pieces: [], usage, toolCall: { name, arguments: JSON.stringify(args) } } };
    const call = { id, type: 'function', function: { name, arguments: JSON.stringify(args) } };
    return { body: completion(req.model, { content: null, tool_calls: [call] }, 'tool_calls', usage) };
  },
  stream: (_req: ChatRequest, plan: StreamPlan): Reply => ({ stream: plan }),
  error: (status: number, headers: Record<string, string> = {}): Reply => ({
    status,
    headers,
    body: { error: { message: `upstream says ${status}`, type: 'server_error' } },
  }),
};

/** Writes one SSE event, waiting while the client is not reading (back-pressure reaches the writer). */
async function event(res: ServerResponse, data: unknown): Promise<void> {
  if (res.destroyed) return;
  if (!res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`)) {
    await drainedOrClosed(res);
  }
}

async function streamAnswer(
  req: ChatRequest,
  res: ServerResponse,
  plan: StreamPlan,
  sent: { bytes: number },
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  await event(res, chunk({ role: 'assistant', content: '' }));
  for (const [i, piece] of plan.pieces.entries()) {
    if (plan.failAfter === i) {
      // A provider that breaks midway says so in the stream (as OpenAI-compatible servers do), and stops.
      await event(res, { error: { message: 'upstream broke midway', type: 'server_error', code: 'server_error' } });
      res.end();
      return;
    }
    if (plan.pauseAfter === i) await plan.resume;
    await event(res, chunk({ content: piece }));
    sent.bytes += piece.length;
    if (res.destroyed) return;
  }
  if (plan.toolCall) {
    await event(
      res,
      chunk({
        tool_calls: [
          {
            index: 0,
            id: `call_${Math.random().toString(36).slice(2, 10)}`,
            type: 'function',
            function: { name: plan.toolCall.name, arguments: plan.toolCall.arguments },
          },
        ],
      }),
    );
  }
  await event(res, chunk({}, plan.toolCall ? 'tool_calls' : 'stop'));
  if (plan.usage !== null && req.stream_options?.include_usage) {
    await event(res, {
      id,
      object: 'chat.completion.chunk',
      created: 0,
      model: req.model,
      choices: [],
      usage: usageOf(plan.usage ?? {}),
    });
  }
  await event(res, '[DONE]');
  res.end();
}

/**
 * A local OpenAI-compatible server on a port the OS picks: the real AI SDK talks to it over real
 * HTTP, streamed or not. Tests script its answers and read what it was sent.
 */
export async function startUpstream() {
  let handler: Handler = (req) => reply.text(req, 'Hello from upstream.');
  const requests: ChatRequest[] = [];
  let abandoned = 0;
  const sent = { bytes: 0 };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // The client hung up before the answer: an aborted call.
    res.on('close', () => void (res.writableEnded || abandoned++));
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as ChatRequest;
    requests.push(body);
    const r = handler(body, requests.length);
    if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
    if (res.destroyed) return;
    if (r.stream) return streamAnswer(body, res, r.stream, sent);
    res
      .writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers })
      .end(JSON.stringify(r.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Requests whose client went away before the answer was written. */
    get abandoned() {
      return abandoned;
    },
    /** Characters of streamed answers written so far (back-pressure keeps it down). */
    get streamed() {
      return sent.bytes;
    },
    handle(h: Handler) {
      handler = h;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type Upstream = Awaited<ReturnType<typeof startUpstream>>;

/**
 * Makes the upstream stream `plan` to every request, waiting after `pauseAfter` pieces until the
 * test calls `open()` (a provider mid-answer).
 */
export function pausedStream(upstream: Upstream, plan: Omit<StreamPlan, 'resume'> & { pauseAfter: number }) {
  let open!: () => void;
  const resume = new Promise<void>((resolve) => (open = resolve));
  upstream.handle((req) => reply.stream(req, { ...plan, resume }));
  return { open };
}
