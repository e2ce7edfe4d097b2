import { and, count, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, roleAtLeast, type TenantContext } from '../context.js';
import type { Db } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { agentRuns, agents, RUN_STATUSES, type AgentRow, type AgentRunRow } from '../db/schema/index.js';
import { mergeCalls, runFilterSql, type RunFilter } from '../ledger/index.js';
import { forbidden } from '../lib/errors.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, optional, parseInput, withDateRange } from '../lib/validation.js';
import { agentRefSchema } from './run/request.js';
import type { RunRecord } from './run-record.js';

const RunFilterInput = z
  .object({
    userId: optional(idSchema),
    /** An agent id, or a slug as runAgent takes it. */
    agentId: optional(agentRefSchema),
    status: optional(z.enum(RUN_STATUSES)),
    from: optional(z.date()),
    to: optional(z.date()),
  })
  .nullish()
  .transform((f) => ({ userId: f?.userId, agentId: f?.agentId, status: f?.status, from: f?.from, to: f?.to }));

export const toRunRecord = (row: AgentRunRow): RunRecord => ({ ...row, createdAt: row.createdAt.toISOString() });

const EMPTY: Connection<RunRecord> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

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
  const { agentId: agentRef, ...rest } = parseInput(RunFilterInput, input.filter);
  const filter: RunFilter = { ...rest, beforeId: page.afterId };
  if (!roleAtLeast(ctx.actor.role, 'ADMIN')) {
    if (filter.userId && filter.userId !== ctx.actor.userId) throw forbidden('A MEMBER sees only its own runs.');
    filter.userId = ctx.actor.userId ?? undefined;
  }
  if (agentRef) {
    const agent = await ctx.deps.lookups.agent(ctx.actor.tenantId, agentRef);
    if (!agent) return EMPTY;
    filter.agentId = agent.id;
  }
  return toConnection(await runsMatching(ctx, filter, page.first + 1), page);
}

/**
 * The caller's tenant's runs that match, newest first, at most `limit`: Postgres's rows and those
 * on their way there, merged, so that a run is found as soon as runAgent has answered and a run
 * spanning calls is whole, with its latest call's facts. No role rule here: callers apply theirs.
 */
export async function runsMatching(ctx: TenantContext, filter: RunFilter, limit: number): Promise<RunRecord[]> {
  const tenantId = ctx.actor.tenantId;
  const [stored, unflushed] = await Promise.all([
    inTenant(ctx, (tx) =>
      tx.select().from(agentRuns).where(runFilterSql(tenantId, filter)).orderBy(desc(agentRuns.id)).limit(limit),
    ),
    ctx.deps.outbox.runs(tenantId, filter),
  ]);
  return mergeById([...stored.map(toRunRecord), ...unflushed])
    .sort((a, b) => (a.id < b.id ? 1 : -1))
    .slice(0, limit);
}

const OutcomesInput = withDateRange(z.object({ from: z.date(), to: z.date() }));

export type RunOutcomeCount = { status: AgentRunRow['status']; runs: number };

/**
 * How many runs ended each way over [from, to): a MEMBER its own, ADMIN+ the tenant's. Runs on
 * their way to Postgres count with their merged (latest) status, once.
 */
export async function runOutcomes({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { from: unknown; to: unknown };
}): Promise<RunOutcomeCount[]> {
  const { from, to } = parseInput(OutcomesInput, input);
  const tenantId = ctx.actor.tenantId;
  const filter: RunFilter = { from, to };
  if (!roleAtLeast(ctx.actor.role, 'ADMIN')) filter.userId = ctx.actor.userId ?? undefined;
  // Runs on their way to Postgres: merged with their stored rows (a run spanning calls), once each.
  const unflushed = await ctx.deps.outbox.runs(tenantId, filter);
  const ids = [...new Set(unflushed.map((r) => r.id))];
  const [stored, storedPending] = await Promise.all([
    inTenant(ctx, (tx) =>
      tx
        .select({ status: agentRuns.status, runs: count() })
        .from(agentRuns)
        .where(and(runFilterSql(tenantId, filter), ids.length ? notInArray(agentRuns.id, ids) : undefined))
        .groupBy(agentRuns.status),
    ),
    ids.length
      ? inTenant(ctx, (tx) =>
          tx
            .select()
            .from(agentRuns)
            .where(and(eq(agentRuns.tenantId, tenantId), inArray(agentRuns.id, ids))),
        )
      : [],
  ]);
  const pending = mergeById([...storedPending.map(toRunRecord), ...unflushed]);
  const counts = new Map(stored.map((r) => [r.status, Number(r.runs)]));
  for (const r of pending) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return RUN_STATUSES.flatMap((status) => (counts.get(status) ? [{ status, runs: counts.get(status)! }] : []));
}

/** One record per run: the calls of a run spanning calls merged, its latest call's facts winning. */
function mergeById(records: RunRecord[]): RunRecord[] {
  const byId = new Map<string, RunRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    byId.set(r.id, seen ? mergeCalls(seen, r) : r);
  }
  return [...byId.values()];
}

/** Many agents of one tenant in one query (archived ones too): what field resolvers batch into. */
export async function findAgents(db: Db, tenantId: string, ids: readonly string[]): Promise<AgentRow[]> {
  return scoped(db, tenantId, (tx) =>
    tx
      .select()
      .from(agents)
      .where(and(eq(agents.tenantId, tenantId), inArray(agents.id, [...ids]))),
  );
}
