import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type TenantContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { ROLES, USER_STATUSES, users, type UserRow } from '../db/schema/index.js';
import { conflict, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { emailSchema, idSchema, nameSchema, optional, parseInput } from '../lib/validation.js';

const CreateUserInput = z.object({
  email: emailSchema,
  name: optional(nameSchema),
  role: optional(z.enum(ROLES)).transform((r) => r ?? 'MEMBER'),
});

export async function createUser({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<UserRow> {
  requireRole(ctx.actor, 'ADMIN');
  const data = parseInput(CreateUserInput, input);
  if (data.role === 'OWNER' && ctx.actor.role !== 'OWNER') throw forbidden('Only an OWNER can create another OWNER.');
  return inTenant(ctx, (tx) => insertUser(tx, ctx.actor.tenantId, data));
}

/** Shared with sign-up, which creates the first OWNER. */
export async function insertUser(
  tx: Tx,
  tenantId: string,
  data: { email: string; name?: string | undefined; role: UserRow['role'] },
): Promise<UserRow> {
  try {
    const [row] = await tx
      .insert(users)
      .values({ id: newId('user'), tenantId, email: data.email, name: data.name ?? null, role: data.role })
      .returning();
    return row!;
  } catch (e) {
    if (uniqueViolation(e)) throw conflict('A user with this email already exists in the tenant.');
    throw e;
  }
}

const UpdateUserInput = z.object({
  id: idSchema,
  name: optional(nameSchema),
  role: optional(z.enum(ROLES)),
  status: optional(z.enum(USER_STATUSES)),
});

export async function updateUser({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<UserRow> {
  requireRole(ctx.actor, 'ADMIN');
  const data = parseInput(UpdateUserInput, input);
  const updated = await inTenant(ctx, async (tx) => {
    // A change of role or status locks the tenant's active owners first, always in one order:
    // two owners stepping down at once queue (not deadlock), and the second sees the first's change.
    const owners = data.role || data.status ? await lockActiveOwners(tx, ctx.actor.tenantId) : [];
    const [target] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, ctx.actor.tenantId), eq(users.id, data.id)))
      .for('update');
    if (!target) throw notFound('User');
    const touchesOwner = target.role === 'OWNER' || data.role === 'OWNER';
    if (touchesOwner && ctx.actor.role !== 'OWNER')
      throw forbidden('Only an OWNER can promote, demote or disable an OWNER.');
    const losesOwner =
      target.role === 'OWNER' &&
      target.status === 'ACTIVE' &&
      ((data.role && data.role !== 'OWNER') || data.status === 'DISABLED');
    if (losesOwner && !owners.some((id) => id !== target.id)) {
      throw conflict('The last active OWNER cannot be demoted or disabled.');
    }
    const [row] = await tx
      .update(users)
      .set({ name: data.name, role: data.role, status: data.status, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, target.tenantId), eq(users.id, target.id)))
      .returning();
    return row!;
  });
  await ctx.deps.lookups.invalidate({ kind: 'user', tenantId: updated.tenantId, userId: updated.id });
  await ctx.deps.lookups.invalidate({ kind: 'userKeys', userId: updated.id });
  return updated;
}

/** The tenant's active owners, locked in id order. */
async function lockActiveOwners(tx: Tx, tenantId: string): Promise<string[]> {
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, 'OWNER'), eq(users.status, 'ACTIVE')))
    .orderBy(users.id)
    .for('update');
  return owners.map((o) => o.id);
}
