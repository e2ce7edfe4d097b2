import { and, asc, eq, gt, ilike, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type TenantContext } from '../context.js';
import type { Db } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { ROLES, USER_STATUSES, users, type UserRow } from '../db/schema/index.js';
import { notFound } from '../lib/errors.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, optional, parseInput, safeString } from '../lib/validation.js';

const UserFilter = z
  .object({
    role: optional(z.enum(ROLES)),
    status: optional(z.enum(USER_STATUSES)),
    emailContains: optional(safeString().trim().max(254)),
  })
  .nullish()
  .transform((f) => ({ role: f?.role, status: f?.status, emailContains: f?.emailContains }));

type ListUsersInput = { first?: number | null; after?: string | null; filter?: unknown };

function userWhere(ctx: TenantContext, input: unknown, afterId?: string): SQL | undefined {
  const filter = parseInput(UserFilter, input);
  return and(
    eq(users.tenantId, ctx.actor.tenantId),
    afterId ? gt(users.id, afterId) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.status ? eq(users.status, filter.status) : undefined,
    filter.emailContains ? ilike(users.email, `%${escapeLike(filter.emailContains)}%`) : undefined,
  );
}

/** Every user of the caller's tenant that matches a listing's filter, by id (orderings of their own). */
export async function usersMatching(ctx: TenantContext, filter: unknown): Promise<UserRow[]> {
  return inTenant(ctx, (tx) => tx.select().from(users).where(userWhere(ctx, filter)).orderBy(asc(users.id)));
}

export async function listUsers({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListUsersInput;
}): Promise<Connection<UserRow>> {
  requireRole(ctx.actor, 'ADMIN');
  const page = parsePage(input);
  const rows = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(users)
      .where(userWhere(ctx, input.filter, page.afterId))
      .orderBy(asc(users.id))
      .limit(page.first + 1),
  );
  return toConnection(rows, page);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** ADMIN+ may read anyone in the tenant; a MEMBER only itself. */
export async function getUser({ ctx, input }: { ctx: TenantContext; input: { id: unknown } }): Promise<UserRow> {
  const id = parseInput(idSchema, input.id);
  if (ctx.actor.userId !== id) requireRole(ctx.actor, 'ADMIN');
  const row = await findUser(ctx.deps.db, ctx.actor.tenantId, id);
  if (!row) throw notFound('User');
  return row;
}

/**
 * For field resolvers (ApiKey.user and friends): the tenant is the parent row's, which the caller
 * was already allowed to read. No role check; row-level security still applies.
 */
export async function findUser(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await scoped(db, tenantId, (tx) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, id))),
  );
  return row;
}

/** Many users of one tenant in one query: what field resolvers batch into (DataLoader). */
export async function findUsers(db: Db, tenantId: string, ids: readonly string[]): Promise<UserRow[]> {
  return scoped(db, tenantId, (tx) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...ids]))),
  );
}
