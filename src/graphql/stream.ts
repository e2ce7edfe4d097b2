import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { createHandler, type RequestHeaders } from 'graphql-sse';
import type { Deps } from '../context.js';
import { EventStream, type SseWriter } from '../lib/sse.js';
import { findUnstorable, MAX_DEPTH, UNSTORABLE } from '../lib/validation.js';
import { trackStream } from '../monitoring/metrics.js';
import { buildContext, type GraphQLContext } from './context.js';
import { describeOperation, formatError, reportErrors } from './errors.js';
import { queryLimits } from './server.js';

type Refusal = [string, { status: number; statusText: string; headers: Record<string, string> }];

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 406: 'Not Acceptable' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A refusal before the stream, in JSON, its codes on the request's log line. */
function refusal(req: FastifyRequest, status: number, errors: GraphQLFormattedError[]): Refusal {
  req.logFields.errorCodes = errors.map((e) => String(e.extensions?.code));
  return [JSON.stringify({ errors }), { status, statusText: STATUS_TEXT[status] ?? 'Bad Request', headers: JSON_TYPE }];
}
const refuse = (req: FastifyRequest, status: number, message: string): Refusal =>
  refusal(req, status, [{ message, extensions: { code: 'BAD_USER_INPUT' } }]);

/** What the handler carries per request: the writer that paces the run, and the caller's leaving. */
type StreamRequest = { sse: SseWriter; signal: AbortSignal };

/**
 * GraphQL over Server-Sent Events at /graphql/stream, for subscriptions (runAgentEvents): a second
 * GraphQL door, with the same guards as /graphql. POST only, one operation per connection (the
 * distinct connections mode); Authorization checked on every request, and a token in a header of
 * the protocol's or in the URL refused, so that a key never sits in a URL; subscriptions only
 * (queries and mutations go to /graphql); the same query limits, input validator, formatError and
 * request log line. Events go out at the reader's pace: a slow reader pauses the run, nothing piles up.
 */
export function graphqlStream(app: FastifyInstance, deps: Deps, schema: GraphQLSchema): void {
  const limits = queryLimits();
  const rules = [...specifiedRules, ...limits.validationRules];
  const handler = createHandler<FastifyRequest, StreamRequest, GraphQLContext>({
    schema,
    // Validated in onSubscribe, with the query limits.
    validate: () => [],
    // No reservation mode: its stream token would be a credential outside Authorization.
    authenticate: (req) => {
      const url = new URL(req.url, 'http://localhost');
      if (req.headers.get('x-graphql-event-stream-token') !== null || url.searchParams.has('token')) {
        return refuse(
          req.raw,
          400,
          'Tokens in URLs or stream headers are not accepted: send the key as "Authorization: Bearer <key>".',
        );
      }
      if (req.headers.get('accept') !== 'text/event-stream') {
        return refuse(req.raw, 406, 'This path answers with an event stream: send "Accept: text/event-stream".');
      }
      return null;
    },
    onSubscribe: async (req, params) => {
      let document: DocumentNode;
      try {
        document = typeof params.query === 'string' ? parse(params.query, limits.parseOptions) : params.query;
      } catch (err) {
        return refuse(req.raw, 400, (err as Error).message);
      }
      const operation = getOperationAST(document, params.operationName);
      if (!operation) return refuse(req.raw, 400, 'The document has no operation to run.');
      Object.assign(req.raw.logFields, describeOperation(operation, params.operationName));
      if (operation.operation !== 'subscription') {
        const kind = operation.operation === 'query' ? 'queries' : 'mutations';
        return refuse(req.raw, 400, `Only subscriptions are served here: send ${kind} to /graphql.`);
      }
      const errors = validate(schema, document, rules);
      if (errors.length)
        return refusal(
          req.raw,
          400,
          errors.map((e) => formatError(e.toJSON(), e)),
        );
      const bad = findUnstorable(params.variables ?? {});
      if (bad) {
        const why =
          bad === 'depth'
            ? `variables: must not nest more than ${MAX_DEPTH} levels deep`
            : `${bad.join('.')}: ${UNSTORABLE}`;
        return refuse(req.raw, 400, why);
      }
      const raw = req.raw;
      const context = await buildContext(deps, raw.headers.authorization, raw.id, raw.logFields, raw.ip);
      return {
        schema,
        document,
        variableValues: params.variables,
        operationName: params.operationName,
        contextValue: { ...context, signal: req.context.signal },
      };
    },
    // Every error is formatted and logged as on /graphql. And the next event waits until the
    // reader has taken the last ones, which holds the run (and the provider) back with it.
    onNext: async (ctx, req, result) => {
      await req.context.sse.writable();
      if (!('errors' in result) || !result.errors) return result;
      // (Typed as GraphQLErrors, but only serialised: the formatted shape is what goes out.)
      return { ...result, errors: reportErrors(ctx, result.errors) as GraphQLError[] };
    },
  });

  app.post('/graphql/stream', async (req, reply) => {
    // The event stream is written here, not by Fastify (its request line still is, once this is done).
    reply.hijack();
    req.settled = serve(req, reply.raw);
    await req.settled;
  });

  async function serve(req: FastifyRequest, out: ServerResponse): Promise<void> {
    // A reader that leaves stops the run at once, even while it waits for the provider.
    const stream = new EventStream(out, trackStream(deps.metrics, 'graphql'), deps.config.streamStallMs);
    try {
      const [body, init] = await handler({
        method: req.method,
        url: req.url,
        headers: headersOf(req),
        body: () => (req.body ?? null) as Record<string, unknown> | string | null,
        raw: req,
        context: { sse: stream.sse, signal: stream.signal },
      });
      out.writeHead(init.status, init.statusText, { ...init.headers, 'x-request-id': req.id });
      if (typeof body === 'string' || !body) return void out.end(body);
      // And it completes the subscription.
      const left = () => void body.return();
      out.once('close', left);
      if (out.destroyed) left();
      try {
        // Paced in onNext (the run waits there for the reader): written here without waiting again.
        for await (const message of body) stream.sse.push(message);
      } finally {
        out.off('close', left);
      }
      out.end();
    } catch (err) {
      req.log.error({ err }, 'graphql stream failed');
      req.logFields.errorCodes = ['INTERNAL_SERVER_ERROR'];
      const errors = [
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.id } },
      ];
      // A stream that has begun ends with an error event, never a cut.
      if (out.headersSent) out.end(`event: next\ndata: ${JSON.stringify({ errors })}\n\nevent: complete\ndata:\n\n`);
      else out.writeHead(500, JSON_TYPE).end(JSON.stringify({ errors }));
    } finally {
      Object.assign(req.logFields, stream.close());
    }
  }

  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: '/graphql/stream',
    handler: async (req, reply) => {
      const [body, init] = refuse(req, 405, 'Send subscriptions to /graphql/stream by POST.');
      return reply
        .code(init.status)
        .headers({ ...init.headers, allow: 'POST' })
        .send(body);
    },
  });
}

/** Request headers as the handler reads them; an `Accept` that lists event streams counts as asking for one. */
function headersOf(req: FastifyRequest): RequestHeaders {
  return {
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      const text = Array.isArray(value) ? value.join(', ') : value;
      return name.toLowerCase() === 'accept' && text.includes('text/event-stream') ? 'text/event-stream' : text;
    },
  };
}
