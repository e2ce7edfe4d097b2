import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { sessions } from '../db/schema/index.js';
import { badInput, forbidden } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { inTenant, type TenantContext } from '../context.js';
import { generateSessionToken } from './secrets.js';

export type StartedSession = { token: string; expiresAt: Date };

/**
 * A short-lived token for the dashboard, with the rights of the API key that asked for it. The
 * page keeps only the token; the key is pasted once. A session cannot start another.
 */
export async function startSession(ctx: TenantContext): Promise<StartedSession> {
  const { actor, deps } = ctx;
  if (actor.sessionId) throw forbidden('A session cannot start another: sign in with an API key.');
  const { token, hash } = generateSessionToken();
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionTtlMs);
  await inTenant(ctx, async (tx) => {
    // The tenant's sessions that ended a day ago or more go as a new one starts: the table stays small.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.tenantId, actor.tenantId), lt(sessions.expiresAt, sql`now() - interval '1 day'`)));
    await tx.insert(sessions).values({
      id: newId('session'),
      tenantId: actor.tenantId,
      apiKeyId: actor.keyId,
      tokenHash: hash,
      expiresAt,
    });
  });
  return { token, expiresAt };
}

/** Ends the session the request came with (signing out of the dashboard). */
export async function endSession(ctx: TenantContext): Promise<boolean> {
  const { actor } = ctx;
  if (!actor.sessionId)
    throw badInput('Only a session ends itself: sign in with startSession, or revoke a key with revokeApiKey.');
  const sessionId = actor.sessionId;
  await inTenant(ctx, (tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.tenantId, actor.tenantId), eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
  );
  return true;
}
