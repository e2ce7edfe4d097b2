import type { FastifyRequest } from 'fastify';
import { parseBearer, sameToken } from '../auth/index.js';
import type { Actor, Deps, OperatorContext, PublicContext, TenantContext } from '../context.js';
import { AppError, isAppError, unauthenticated } from '../lib/errors.js';
import { lazyChild, type LogFields } from '../lib/logger.js';
import { createLoaders, type Loaders } from './loaders.js';

export type GraphQLContext = PublicContext & {
  /** The caller presented the operator's ADMIN_TOKEN. */
  operator: boolean;
  actor: Actor | undefined;
  /** Why a presented key was refused; raised by the first operation that needs a tenant. */
  authError: AppError | undefined;
  /** Field resolvers batch their row loads through these (one set per request). */
  loaders: Loaders;
  /** The request's log line: operation, outcome and error codes are added as they are known. */
  logFields: LogFields;
  /** Aborted when the caller goes away: set by the stream door (a mutation runs to completion). */
  signal?: AbortSignal;
};

export type ViewerParent = { actor: Actor };

export async function buildContext(
  deps: Deps,
  authorization: string | undefined,
  requestId: string,
  logFields: LogFields = {},
  clientIp?: string,
): Promise<GraphQLContext> {
  const ctx: GraphQLContext = {
    deps,
    requestId,
    log: lazyChild(deps.log, { requestId }),
    operator: false,
    actor: undefined,
    authError: undefined,
    loaders: createLoaders(deps),
    logFields,
    ...(clientIp ? { clientIp } : {}),
  };
  if (!authorization) return ctx;
  const token = parseBearer(authorization);
  if (!token) return { ...ctx, authError: unauthenticated('The Authorization header must be "Bearer <API key>".') };
  if (deps.config.adminToken && sameToken(token, deps.config.adminToken)) return { ...ctx, operator: true };
  try {
    const actor = await deps.keys.authenticate(token);
    logFields.tenantId = actor.tenantId;
    return { ...ctx, actor, log: lazyChild(deps.log, { requestId, tenantId: actor.tenantId }) };
  } catch (err) {
    if (isAppError(err)) return { ...ctx, authError: err };
    ctx.log.error({ err }, 'authentication failed');
    return {
      ...ctx,
      authError: new AppError('SERVICE_UNAVAILABLE', 'Authentication is unavailable right now; retry shortly.'),
    };
  }
}

/**
 * An HTTP request's context, built once: when the fast path (KnownOperations) hands a request to
 * Apollo, Apollo runs it with the same context (its key authenticated once).
 */
export function requestContext(deps: Deps, req: FastifyRequest): Promise<GraphQLContext> {
  return (req.graphqlContext ??= buildContext(deps, req.headers.authorization, req.id, req.logFields, req.ip));
}

/** The tenant context of an authenticated caller, or the reason there is none. */
export function tenantContext(ctx: GraphQLContext): TenantContext {
  if (ctx.actor) return { deps: ctx.deps, requestId: ctx.requestId, log: ctx.log, actor: ctx.actor };
  if (ctx.authError) throw ctx.authError;
  if (ctx.operator) throw unauthenticated('The operator token has no tenant: use a tenant API key.');
  throw unauthenticated();
}

/** Operator-only operations: the ADMIN_TOKEN, nothing else. */
export function operatorContext(ctx: GraphQLContext): OperatorContext {
  if (!ctx.operator && !ctx.actor) throw ctx.authError ?? unauthenticated('The operator token is required.');
  return { deps: ctx.deps, requestId: ctx.requestId, log: ctx.log, operator: ctx.operator };
}
