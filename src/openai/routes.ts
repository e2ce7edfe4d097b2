import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectRun, listAgents, runAgentEvents } from '../agents/index.js';
import { parseBearer } from '../auth/index.js';
import type { Deps, TenantContext } from '../context.js';
import { notFound, unauthenticated } from '../lib/errors.js';
import { lazyChild } from '../lib/logger.js';
import { fromOutcome, fromUnknown, type DoorError } from './errors.js';
import { parseHeaders, requestFromChatCompletion } from './request.js';
import { chatCompletion, runHeaders } from './respond.js';
import { streamCompletion } from './stream.js';

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The caller's tenant context from its bearer key; the operator's token has no tenant here. */
async function tenantOf(deps: Deps, req: FastifyRequest): Promise<TenantContext> {
  const token = parseBearer(header(req, 'authorization'));
  if (!token) throw unauthenticated('Send your Governor API key as "Authorization: Bearer <key>".');
  const actor = await deps.keys.authenticate(token);
  req.logFields.tenantId = actor.tenantId;
  return { deps, requestId: req.id, log: lazyChild(deps.log, { requestId: req.id, tenantId: actor.tenantId }), actor };
}

const send = (reply: FastifyReply, e: DoorError) => reply.code(e.status).headers(e.headers).send(e.body);

/** Where each OpenAI path Governor does not serve sends its caller. */
const ELSEWHERE: Record<string, string> = {
  '/v1/responses':
    'Governor speaks the Chat Completions API: POST /v1/chat/completions (the OpenAI Agents SDK: use its chat-completions mode).',
  '/v1/completions': 'Legacy completions are not served: use POST /v1/chat/completions.',
  '/v1/embeddings': 'Governor does not serve embeddings: call your provider for them directly.',
};

/** The OpenAI door's own words for refusals made before it runs (size, encoding, bytes). */
export const openAIErrorBody = (status: number, _code: string, message: string, req: FastifyRequest) => {
  if (!req.url.startsWith('/v1/')) return undefined;
  const code =
    status === 413 ? 'request_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request_error';
  return { error: { message, type: 'invalid_request_error', param: null, code } };
};

/**
 * The OpenAI-compatible door: existing agent code runs through Governor by changing its base URL
 * and key. `model` names the tenant's agent; the same pipeline runs as for GraphQL. No GraphQL on
 * this path. A call that is not streamed runs to completion even if its caller goes away (it is
 * charged; an Idempotency-Key replays it); a streamed one stops when its caller goes.
 */
export async function openAIDoor(app: FastifyInstance, deps: Deps): Promise<void> {
  app.post('/v1/chat/completions', async (req, reply) => {
    req.logFields.operation = 'chat.completions';
    try {
      const ctx = await tenantOf(deps, req);
      const headers = parseHeaders((name) => header(req, name));
      const request = requestFromChatCompletion(req.body, headers, ctx.actor.kind === 'SERVICE');
      // A service key's `user` must be a user of the tenant, active: never a run as nobody.
      if (request.userId) {
        const user = await deps.lookups.user(ctx.actor.tenantId, request.userId);
        if (!user || user.status !== 'ACTIVE') throw notFound('User');
      }
      const body = req.body as { stream?: boolean; stream_options?: { include_usage?: boolean } };
      if (body.stream) {
        const includeUsage = Boolean(body.stream_options?.include_usage);
        req.settled = streamCompletion(ctx, request, req, reply, {
          model: request.agent,
          includeUsage,
          runIdHeader: headers.runId,
          send: (e) => send(reply, e),
        });
        return await req.settled;
      }
      const result = await collectRun(runAgentEvents(ctx, request));
      if (result.__typename === 'RunCanceled') throw new Error('invariant: a run without a signal was canceled');
      const { run } = result;
      Object.assign(req.logFields, { runId: run.id, outcome: run.status });
      const facts = runHeaders(run, headers.runId);
      const refusal = fromOutcome(result);
      if (refusal) return send(reply, { ...refusal, headers: { ...facts, ...refusal.headers } });
      if (result.__typename !== 'AgentRunCompleted') throw new Error('invariant: an outcome without its answer');
      return reply.headers(facts).send(chatCompletion(result, request.agent));
    } catch (err) {
      const e = fromUnknown(err, req.id);
      if (e.status >= 500) req.log.error({ err }, 'chat completion failed');
      req.logFields.errorCodes = [String(e.body.error.code)];
      return send(reply, e);
    }
  });

  app.get('/v1/models', async (req, reply) => {
    req.logFields.operation = 'models';
    try {
      const ctx = await tenantOf(deps, req);
      const agents = await listAgents({ ctx, input: {} });
      const data = agents.map((a) => ({
        id: a.slug,
        object: 'model',
        created: Math.floor(a.createdAt.getTime() / 1000),
        owned_by: 'governor',
      }));
      return reply.send({ object: 'list', data });
    } catch (err) {
      return send(reply, fromUnknown(err, req.id));
    }
  });

  app.all('/v1/*', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    const message =
      ELSEWHERE[path] ??
      `Governor does not serve ${req.method} ${path}: it serves POST /v1/chat/completions and GET /v1/models.`;
    return send(reply, {
      status: 404,
      body: { error: { message, type: 'not_found_error', param: null, code: 'not_found' } },
      headers: { 'x-should-retry': 'false' },
    });
  });
}
