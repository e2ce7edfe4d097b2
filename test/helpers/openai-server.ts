import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake upstream answers to one chat completion request. */
export type Reply = { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number };
export type ChatRequest = {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown }[];
  max_tokens?: number;
  tools?: unknown[];
};
export type Handler = (req: ChatRequest, n: number) => Reply;

type Usage = { prompt?: number; completion?: number; cached?: number };

const completion = (model: string, message: Record<string, unknown>, finish: string, usage: Usage) => ({
  id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
  object: 'chat.completion',
  created: Math.floor(Date.now() / 1000),
  model,
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  usage: {
    prompt_tokens: usage.prompt ?? 100,
    completion_tokens: usage.completion ?? 20,
    total_tokens: (usage.prompt ?? 100) + (usage.completion ?? 20),
    prompt_tokens_details: { cached_tokens: usage.cached ?? 0 },
  },
});

/** Replies in OpenAI's chat completion format. */
export const reply = {
  text: (req: ChatRequest, content: string, usage: Usage = {}): Reply => ({
    body: completion(req.model, { content }, 'stop', usage),
  }),
  toolCall: (req: ChatRequest, name: string, args: unknown, usage: Usage = {}): Reply => ({
    body: completion(
      req.model,
      {
        content: null,
        tool_calls: [
          {
            id: `call_${Math.random().toString(36).slice(2, 10)}`,
            type: 'function',
            function: { name, arguments: JSON.stringify(args) },
          },
        ],
      },
      'tool_calls',
      usage,
    ),
  }),
  error: (status: number, headers: Record<string, string> = {}): Reply => ({
    status,
    headers,
    body: { error: { message: `upstream says ${status}`, type: 'server_error' } },
  }),
};

/**
 * A local OpenAI-compatible server on a port the OS picks: the real AI SDK talks to it over real
 * HTTP. Tests script its answers and read what it was sent.
 */
export async function startUpstream() {
  let handler: Handler = (req) => reply.text(req, 'Hello from upstream.');
  const requests: ChatRequest[] = [];
  let abandoned = 0;
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
