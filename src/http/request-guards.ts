import { isUtf8 } from 'node:buffer';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../lib/errors.js';
import { assertStorable } from '../lib/validation.js';

/** How a door words an error its callers can read: GraphQL's `errors`, or (on /v1) OpenAI's. */
export type ErrorBody = (status: number, code: string, message: string, req: FastifyRequest) => unknown;

const graphqlError: ErrorBody = (_status, code, message) => ({ errors: [{ message, extensions: { code } }] });

/** Refusals that happen before a door's own code runs (size, encoding, bytes), in the door's own words. */
export function refuse(reply: FastifyReply, req: FastifyRequest, status: number, message: string, bodies: ErrorBody[]) {
  const body =
    bodies.map((b) => b(status, 'BAD_USER_INPUT', message, req)).find((b) => b !== undefined) ??
    graphqlError(status, 'BAD_USER_INPUT', message, req);
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * What every request body goes through before a door sees it:
 *  - a Content-Encoding other than identity is refused (415): compressed bytes are never read as JSON;
 *  - a JSON body must be valid UTF-8 (400): bytes are never silently replaced by U+FFFD;
 *  - every string in it passes the one validator (no NUL, no unpaired surrogate);
 * and Fastify's own refusals (too large, malformed JSON, an unknown content type) keep their 4xx
 * status with a body in the door's format. `bodies` lets a door (the OpenAI one) word them itself.
 */
export function guardRequests(app: FastifyInstance, bodies: ErrorBody[] = []): void {
  app.addHook('onRequest', async (req, reply) => {
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding.trim().toLowerCase() !== 'identity') {
      return refuse(
        reply,
        req,
        415,
        `Content-Encoding "${encoding}" is not accepted: send the body uncompressed.`,
        bodies,
      );
    }
  });
  app.removeContentTypeParser('application/json');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    if (!isUtf8(body)) return done(new AppError('BAD_USER_INPUT', 'The request body is not valid UTF-8.'), undefined);
    // The default parser answers through `done`; what it returns is nothing to wait for.
    void parseJson(req, body.toString('utf8'), (err, value) => {
      if (err) return done(err, undefined);
      try {
        assertStorable(value, 'body');
        done(null, value);
      } catch (refused) {
        done(refused as Error, undefined);
      }
    });
  });
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const status = isAppError(err) ? 400 : (err.statusCode ?? 500);
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(500).send(graphqlError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error', req));
    }
    return refuse(reply, req, status, err.message, bodies);
  });
}
