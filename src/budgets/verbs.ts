import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type Deps, type TenantContext } from '../context.js';
import { users, type TenantRow, type UserRow } from '../db/schema/index.js';
import { badInput, forbidden, notFound } from '../lib/errors.js';
import { ledgerTotalsByUser } from '../ledger/index.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, parseInput } from '../lib/validation.js';
import { findUser, usersMatching } from '../users/index.js';
import { readWindows } from './service.js';
import { budgetWindows, userLimits, utcDay, utcMonth, type BudgetUnit, type WindowKind } from './windows.js';
import { effectivePlan } from '../billing/index.js';

export type WindowStatus = {
  kind: WindowKind;
  unit: BudgetUnit;
  limit: number;
  used: number;
  reserved: number;
  remaining: number;
  resetsAt: Date;
};
export type BudgetStatusView = { user: UserRow; windows: Record<WindowKind, WindowStatus> };

/** A user's windows now: used (settled), reserved (in flight) and what remains. */
export async function budgetStatusFor(deps: Deps, user: UserRow): Promise<BudgetStatusView> {
  // The cached lookup: a list of users asks this once per user.
  const tenant = await tenantOf(deps, user.tenantId);
  const now = deps.clock.now();
  const plan = await effectivePlan(deps.plans, tenant, now);
  const windows = budgetWindows(tenant.id, plan, user, now);
  const usage = await readWindows(deps.budgets, tenant.id, windows, now);
  const statuses = windows.map((w, i): WindowStatus => {
    const { used, reserved } = usage[i]!;
    return {
      kind: w.kind,
      unit: w.unit,
      limit: w.limit,
      used,
      reserved,
      remaining: Math.max(0, w.limit - used - reserved),
      resetsAt: w.resetsAt,
    };
  });
  return { user, windows: Object.fromEntries(statuses.map((s) => [s.kind, s])) as Record<WindowKind, WindowStatus> };
}

/** Your own status; ADMIN+ for another user of the tenant. */
export async function getBudgetStatus({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { userId?: unknown };
}): Promise<BudgetStatusView> {
  const userId = input.userId == null ? ctx.actor.userId : parseInput(idSchema, input.userId);
  if (!userId) throw badInput('A service key has no user of its own: name userId.', 'userId');
  if (userId !== ctx.actor.userId) requireRole(ctx.actor, 'ADMIN');
  const user = await findUser(ctx.deps.db, ctx.actor.tenantId, userId);
  if (!user) throw notFound('User');
  return budgetStatusFor(ctx.deps, user);
}

const limit = z.number().int().min(0, 'must not be negative').nullable().optional();
const SetUserBudgetInput = z.object({ userId: idSchema, dailyTokenLimit: limit, monthlyTokenLimit: limit });

/**
 * ADMIN+. A limit set to null returns to the plan's default; an absent one is left as it is.
 * A user's limit may be lower than the plan's, never higher.
 */
export async function setUserBudget({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<UserRow> {
  requireRole(ctx.actor, 'ADMIN');
  const data = parseInput(SetUserBudgetInput, input);
  const tenant = await tenantOf(ctx.deps, ctx.actor.tenantId);
  const plan = await effectivePlan(ctx.deps.plans, tenant, ctx.deps.clock.now());
  if (data.dailyTokenLimit != null && data.dailyTokenLimit > plan.userDailyTokenLimit) {
    throw badInput(
      `must be at most the ${plan.name} plan's ${plan.userDailyTokenLimit} tokens a day`,
      'dailyTokenLimit',
    );
  }
  if (data.monthlyTokenLimit != null && data.monthlyTokenLimit > plan.userMonthlyTokenLimit) {
    throw badInput(
      `must be at most the ${plan.name} plan's ${plan.userMonthlyTokenLimit} tokens a month`,
      'monthlyTokenLimit',
    );
  }
  const row = await inTenant(ctx, async (tx) => {
    const where = and(eq(users.tenantId, ctx.actor.tenantId), eq(users.id, data.userId));
    const [target] = await tx.select({ role: users.role }).from(users).where(where).for('update');
    if (!target) throw notFound('User');
    // The rules that keep an OWNER from an ADMIN cover budgets too: a zero limit is a lock-out.
    if (target.role === 'OWNER' && ctx.actor.role !== 'OWNER')
      throw forbidden("Only an OWNER can set an OWNER's budget.");
    const [updated] = await tx
      .update(users)
      .set({ dailyTokenLimit: data.dailyTokenLimit, monthlyTokenLimit: data.monthlyTokenLimit, updatedAt: sql`now()` })
      .where(where)
      .returning();
    return updated!;
  });
  await ctx.deps.lookups.invalidate({ kind: 'user', tenantId: row.tenantId, userId: row.id });
  return row;
}

async function tenantOf(deps: Deps, tenantId: string): Promise<TenantRow> {
  const tenant = await deps.lookups.tenant(tenantId);
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

/** A window's share used: at or past a limit of 0 counts as full. */
const share = (used: number, limit: number) => (limit > 0 ? used / limit : 1);

/**
 * ADMIN+: the tenant's users closest to a budget limit first, by the larger of today's and this
 * month's share of their own limits used (the ledger's totals), then by id. A page starts after the
 * cursor's user in the order as it stands when it is read.
 */
export async function usersClosestToLimit({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { first?: number | null; after?: string | null; filter?: unknown };
}): Promise<Connection<UserRow>> {
  requireRole(ctx.actor, 'ADMIN');
  const page = parsePage(input);
  const now = ctx.deps.clock.now();
  const tenant = await tenantOf(ctx.deps, ctx.actor.tenantId);
  const [plan, all, used] = await Promise.all([
    effectivePlan(ctx.deps.plans, tenant, now),
    usersMatching(ctx, input.filter),
    ledgerTotalsByUser(ctx.deps.db, tenant.id, utcDay(now), utcMonth(now)),
  ]);
  const ranked = all
    .map((user) => {
      const limits = userLimits(plan, user);
      const u = used.get(user.id) ?? { day: 0, month: 0 };
      return { user, share: Math.max(share(u.day, limits.daily), share(u.month, limits.monthly)) };
    })
    .sort((a, b) => b.share - a.share || (a.user.id < b.user.id ? -1 : 1))
    .map((r) => r.user);
  const at = page.afterId ? ranked.findIndex((u) => u.id === page.afterId) : -1;
  if (page.afterId && at < 0) throw badInput('The cursor names a user this listing no longer has.', 'after');
  return toConnection(ranked.slice(at + 1, at + 1 + page.first + 1), page);
}
