import { randomUUID } from 'node:crypto';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { sameToken } from '../auth/index.js';
import { handleStripeWebhook } from '../billing/index.js';
import type { Deps } from '../context.js';
import { requestContext, type GraphQLContext } from '../graphql/context.js';
import { KnownOperations } from '../graphql/known-operations.js';
import { buildSchema, createApollo } from '../graphql/server.js';
import { graphqlStream } from '../graphql/stream.js';
import type { LogFields } from '../lib/logger.js';
import { renderMetrics } from '../monitoring/metrics.js';
import { openAIDoor, openAIErrorBody } from '../openai/routes.js';
import { serveDashboard } from './dashboard.js';
import { guardRequests } from './request-guards.js';

declare module 'fastify' {
  interface FastifyRequest {
    logFields: LogFields;
    /**
     * A door that writes its own response (a stream) sets its work here: the request's log line
     * waits for it, so that a stream cut off by its reader is logged with what its run did.
     */
    settled?: Promise<unknown>;
    /** Its GraphQL context, built once (the fast path and Apollo share it: see requestContext). */
    graphqlContext?: Promise<GraphQLContext>;
  }
}

export type Probe = { name: string; ping(): Promise<void> };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Fastify with /graphql, /healthz (alive), /readyz (every dependency answers) and /metrics (unless
 * it has a port of its own: see metricsServer).
 */
export async function buildHttpServer(deps: Deps, probes: Probe[]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    // The client's address (per-address limits) from X-Forwarded-For only behind a trusted proxy.
    trustProxy: deps.config.trustProxy,
    // A caller's request id is kept when it looks like one, so logs join up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const schema = buildSchema();
  const known = new KnownOperations(deps, schema);
  const apollo = createApollo({
    schema,
    landingPage: deps.config.env === 'development',
    introspection: deps.config.env !== 'production',
    plugins: [fastifyApolloDrainPlugin(app), known.plugin],
  });
  await apollo.start();

  guardRequests(app, [openAIErrorBody]);
  app.decorateRequest('logFields');
  app.decorateRequest('settled');
  app.decorateRequest('graphqlContext');
  // One wide log line per request, when its response is done, finished or cut off (a stream whose
  // reader left is logged too). The path, never the URL: a query string can carry a GraphQL
  // document and its variables.
  app.addHook('onRequest', async (req, reply) => {
    req.logFields = {};
    reply.raw.once('close', () => {
      const finished = reply.raw.writableFinished;
      void Promise.resolve(req.settled)
        .catch(() => undefined)
        .then(() => writeLine(finished));
    });
    const writeLine = (finished: boolean) =>
      deps.log.info(
        {
          requestId: req.id,
          method: req.method,
          path: req.url.split('?')[0],
          status: reply.raw.statusCode,
          ms: Math.round(reply.elapsedTime * 100) / 100,
          ...(finished ? {} : { aborted: true }),
          ...req.logFields,
        },
        'request',
      );
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const viaApollo = fastifyApolloHandler(apollo, {
    context: async (req) => requestContext(deps, req),
  });
  // A document already validated here runs without Apollo's per-request machinery (see KnownOperations).
  app.route<{ Reply: string }>({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    handler: async function (req, reply) {
      return (await known.serve(req, reply)) ?? viaApollo.call(this, req, reply);
    },
  });

  await openAIDoor(app, deps);
  await app.register(async (scope) => stripeWebhook(scope, deps));
  graphqlStream(app, deps, schema);
  serveDashboard(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  if (!deps.config.metrics.port) serveMetrics(app, deps);
  app.get('/readyz', async (_, reply) => {
    const checks = await Promise.all(
      probes.map(async (p) => {
        try {
          await withTimeout(p.ping(), 2000);
          return [p.name, 'ok'] as const;
        } catch {
          return [p.name, 'unavailable'] as const;
        }
      }),
    );
    const ready = checks.every(([, s]) => s === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(checks) });
  });
  return app;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * POST /webhooks/stripe: the body stays raw bytes here (the signature is over them), whatever its
 * content type; the billing domain verifies and applies it.
 */
function stripeWebhook(scope: FastifyInstance, deps: Deps): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  scope.post('/webhooks/stripe', async (req, reply) => {
    const signature = req.headers['stripe-signature'];
    let answer;
    try {
      answer = await handleStripeWebhook(
        deps,
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        typeof signature === 'string' ? signature : undefined,
      );
    } catch (err) {
      // Stripe delivers again after any 5xx; what went wrong (Stripe's own answer, say) stays in the log.
      req.log.error({ err }, 'stripe webhook failed; Stripe will deliver it again');
      return reply.code(500).send({ error: { message: 'The event could not be applied now; deliver it again.' } });
    }
    if (typeof answer.body.ignored === 'string') req.logFields.webhookIgnored = answer.body.ignored;
    return reply.code(answer.status).send(answer.body);
  });
}

/** /metrics: for the bearer of METRICS_TOKEN when one is set. */
function serveMetrics(app: FastifyInstance, deps: Deps): void {
  const token = deps.config.metrics.token;
  app.get('/metrics', async (req, reply) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token && !(presented && sameToken(presented, token))) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'The metrics token is required.' });
    }
    reply.header('content-type', deps.metrics.registry.contentType);
    return renderMetrics(deps.metrics);
  });
}

/** METRICS_PORT: /metrics alone on a port of its own, which main.ts binds to localhost. */
export async function metricsServer(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  serveMetrics(app, deps);
  return app;
}
