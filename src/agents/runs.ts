import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, roleAtLeast, type TenantContext } from '../auth/context.js';
import type { RunRecord } from '../budgets/index.js';
import type { Db } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { agentRuns, agents, RUN_STATUSES, type AgentRow, type AgentRunRow } from '../db/schema/index.js';
import { forbidden } from '../lib/errors.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, optional, parseInput } from '../lib/validation.js';

const RunFilter = z
  .object({
    userId: optional(idSchema),
    agentId: optional(idSchema),
    status: optional(z.enum(RUN_STATUSES)),
    from: optional(z.date()),
    to: optional(z.date()),
  })
  .nullish()
  .transform((f) => ({ userId: f?.userId, agentId: f?.agentId, status: f?.status, from: f?.from, to: f?.to }));

export const toRunRecord = (row: AgentRunRow): RunRecord => ({ ...row, createdAt: row.createdAt.toISOString() });

/**
 * Newest first. A MEMBER sees its own runs; ADMIN+ (and service keys) all of the tenant's.
 * Runs not yet flushed to Postgres are merged in, so a run is listed as soon as runAgent answered.
 */
export async function listAgentRuns({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { first?: number | null; after?: string | null; filter?: unknown };
}): Promise<Connection<RunRecord>> {
  const page = parsePage(input);
  const filter = parseInput(RunFilter, input.filter);
  if (!roleAtLeast(ctx.actor.role, 'ADMIN')) {
    if (filter.userId && filter.userId !== ctx.actor.userId) throw forbidden('A MEMBER sees only its own runs.');
    filter.userId = ctx.actor.userId ?? undefined;
  }
  const where: (SQL | undefined)[] = [
    eq(agentRuns.tenantId, ctx.actor.tenantId),
    page.afterId ? lt(agentRuns.id, page.afterId) : undefined,
    filter.userId ? eq(agentRuns.userId, filter.userId) : undefined,
    filter.agentId ? eq(agentRuns.agentId, filter.agentId) : undefined,
    filter.status ? eq(agentRuns.status, filter.status) : undefined,
    filter.from ? gte(agentRuns.createdAt, filter.from) : undefined,
    filter.to ? lt(agentRuns.createdAt, filter.to) : undefined,
  ];
  const [stored, unflushed] = await Promise.all([
    inTenant(ctx, (tx) => tx.select().from(agentRuns).where(and(...where)).orderBy(desc(agentRuns.id)).limit(page.first + 1)),
    ctx.deps.budgets.ledger.unflushed(ctx.actor.tenantId),
  ]);
  const matches = (r: RunRecord) =>
    (!page.afterId || r.id < page.afterId) &&
    (!filter.userId || r.userId === filter.userId) &&
    (!filter.agentId || r.agentId === filter.agentId) &&
    (!filter.status || r.status === filter.status) &&
    (!filter.from || new Date(r.createdAt) >= filter.from) &&
    (!filter.to || new Date(r.createdAt) < filter.to);
  const byId = new Map<string, RunRecord>();
  for (const r of unflushed.flatMap((e) => (e.run && matches(e.run) ? [e.run] : []))) byId.set(r.id, r);
  for (const r of stored) byId.set(r.id, toRunRecord(r));
  const rows = [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, page.first + 1);
  return toConnection(rows, page);
}

/** An agent by id, archived ones too: runs keep pointing at their agent. */
export async function findAgent(db: Db, tenantId: string, id: string): Promise<AgentRow | undefined> {
  const [row] = await scoped(db, tenantId, (tx) => tx.select().from(agents).where(and(eq(agents.tenantId, tenantId), eq(agents.id, id))));
  return row;
}
