import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

type SendInit = {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | undefined;
  signal?: AbortSignal | null | undefined;
};

/** An answer read whole: its status, its headers (names in lower case) and its body. */
export type BufferedResponse = {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
};

const flatHeaders = (res: http.IncomingMessage) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
};

/**
 * One request over node:http with keep-alive agents. The answer is buffered, unless `stream`
 * says to hand it on as it arrives (then the socket is read only as fast as the caller reads, so
 * back-pressure reaches the provider). An abort hangs up at once, mid-answer too: the provider
 * sees the client go.
 */
function send<T>(
  href: string,
  init: SendInit,
  done: (res: http.IncomingMessage, body: Buffer | undefined) => T,
  stream: (res: http.IncomingMessage) => boolean,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const url = new URL(href);
    const signal = init.signal;
    if (signal?.aborted) return reject(signal.reason);
    const lib = url.protocol === 'https:' ? https : http;
    const agent = agents[url.protocol as 'http:' | 'https:'];
    let response: http.IncomingMessage | undefined;
    const req = lib.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
      response = res;
      res.on('close', () => signal?.removeEventListener('abort', abort));
      if (stream(res)) return resolve(done(res, undefined));
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve(done(res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))));
    });
    const abort = () => {
      const reason =
        signal?.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
      response?.destroy(reason);
      req.destroy(reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    req.on('error', (err) => {
      signal?.removeEventListener('abort', abort);
      reject(signal?.aborted ? signal.reason : err);
    });
    // In one piece, with its Content-Length (not chunked).
    req.end(init.body);
  });
}

const bufferAlways = () => false;

/**
 * A request answered whole, without the WHATWG Response, Headers and stream objects `fetch`
 * builds around it: the lean provider path reads the body itself.
 */
export const httpRequest = (href: string, init: SendInit): Promise<BufferedResponse> =>
  send(
    href,
    init,
    (res, body) => ({
      status: res.statusCode ?? 500,
      statusText: res.statusMessage ?? '',
      headers: flatHeaders(res),
      body: body!, // always buffered (bufferAlways)
    }),
    bufferAlways,
  );

const isEventStream = (res: http.IncomingMessage) =>
  String(res.headers['content-type'] ?? '').startsWith('text/event-stream');

/**
 * A `fetch` for provider calls (the AI SDK's providers take one): a fraction of the CPU of the
 * built-in WHATWG fetch, which showed as the largest single cost of a cache miss in the profile.
 * A JSON answer is buffered; an event stream (`text/event-stream`) is handed on as it arrives.
 */
export const httpFetch: typeof fetch = (input, init = {}) => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const body = init.body;
  return send(
    href,
    {
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body:
        body === undefined || body === null
          ? undefined
          : typeof body === 'string'
            ? body
            : Buffer.from(body as ArrayBuffer),
      signal: init.signal,
    },
    (res, buffered) => {
      const status = res.statusCode ?? 500;
      const options = { status, statusText: res.statusMessage, headers: new Headers(flatHeaders(res)) };
      if (!buffered) return new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, options);
      return new Response(status === 204 || status === 304 ? null : buffered, options);
    },
    isEventStream,
  );
};
