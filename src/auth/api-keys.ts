import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/client.js';
import { API_KEY_KINDS, apiKeys, users, type ApiKeyRow } from '../db/schema/index.js';
import { badInput, conflict, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, nameSchema, optional, parseInput } from '../lib/validation.js';
import { inTenant, requireRole, roleAtLeast, type TenantContext } from '../context.js';
import { generateSecret } from './secrets.js';

export type CreatedApiKey = { apiKey: ApiKeyRow; secret: string };

const CreateApiKeyInput = z.object({ name: nameSchema, kind: z.enum(API_KEY_KINDS), userId: optional(idSchema) });

/** ADMIN+ for service keys and other users' keys; anyone for a key of their own. */
export async function createApiKey({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<CreatedApiKey> {
  const data = parseInput(CreateApiKeyInput, input);
  const { actor } = ctx;
  // A session is short-lived: it must not mint a key that outlives it.
  if (actor.sessionId) throw forbidden('A dashboard session cannot create API keys: use an API key.');
  if (data.kind === 'SERVICE') {
    requireRole(actor, 'ADMIN');
    if (data.userId) throw badInput('A SERVICE key belongs to the tenant: leave userId out.', 'userId');
  }
  const userId = data.kind === 'USER' ? (data.userId ?? actor.userId) : null;
  if (data.kind === 'USER' && !userId) throw badInput('A USER key needs userId.', 'userId');
  return inTenant(ctx, async (tx) => {
    if (userId && userId !== actor.userId) {
      requireRole(actor, 'ADMIN');
      const [owner] = await tx
        .select()
        .from(users)
        .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, userId)));
      if (!owner) throw notFound('User');
      if (!roleAtLeast(actor.role, owner.role)) throw forbidden('You cannot create a key for a user who outranks you.');
      if (owner.status !== 'ACTIVE') throw conflict('The user is disabled.');
    }
    return insertApiKey(tx, {
      tenantId: actor.tenantId,
      userId,
      kind: data.kind,
      name: data.name,
      createdBy: actor.keyId,
    });
  });
}

/** Shared with sign-up, which mints the owner's first key. */
export async function insertApiKey(
  tx: Tx,
  key: { tenantId: string; userId: string | null; kind: ApiKeyRow['kind']; name: string; createdBy: string | null },
): Promise<CreatedApiKey> {
  const { secret, prefix, hash } = generateSecret();
  const [apiKey] = await tx
    .insert(apiKeys)
    .values({ id: newId('apiKey'), ...key, prefix, secretHash: hash })
    .returning();
  return { apiKey: apiKey!, secret };
}

export async function revokeApiKey({ ctx, input }: { ctx: TenantContext; input: { id: unknown } }): Promise<ApiKeyRow> {
  const id = parseInput(idSchema, input.id);
  const revoked = await inTenant(ctx, async (tx) => {
    const [found] = await tx
      .select({ key: apiKeys, ownerRole: users.role })
      .from(apiKeys)
      .leftJoin(users, and(eq(users.tenantId, apiKeys.tenantId), eq(users.id, apiKeys.userId)))
      .where(and(eq(apiKeys.tenantId, ctx.actor.tenantId), eq(apiKeys.id, id)))
      .for('update', { of: apiKeys });
    if (!found) throw notFound('API key');
    if (found.key.userId !== ctx.actor.userId) {
      requireRole(ctx.actor, 'ADMIN');
      if (found.ownerRole && !roleAtLeast(ctx.actor.role, found.ownerRole)) {
        throw forbidden('You cannot revoke a key of a user who outranks you.');
      }
    }
    if (found.key.revokedAt) return found.key;
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.tenantId, ctx.actor.tenantId), eq(apiKeys.id, id)))
      .returning();
    return row!;
  });
  await ctx.deps.lookups.invalidate({ kind: 'key', keyId: revoked.id });
  return revoked;
}

export async function listApiKeys({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { first?: number | null; after?: string | null };
}): Promise<Connection<ApiKeyRow>> {
  requireRole(ctx.actor, 'ADMIN');
  const page = parsePage(input);
  const rows = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, ctx.actor.tenantId), page.afterId ? gt(apiKeys.id, page.afterId) : undefined))
      .orderBy(asc(apiKeys.id))
      .limit(page.first + 1),
  );
  return toConnection(rows, page);
}

/** The key of an authenticated caller (Viewer.apiKey). */
export async function findApiKey(ctx: TenantContext, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, ctx.actor.tenantId), eq(apiKeys.id, id))),
  );
  return row;
}
