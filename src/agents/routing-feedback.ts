import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, roleAtLeast, type TenantContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import {
  agents,
  routingAdjustments,
  runRatings,
  RUN_RATINGS,
  type AgentRow,
  type RoutingAdjustmentRow,
  type RunRating,
  type RunRatingRow,
} from '../db/schema/index.js';
import { forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { idSchema, optional, parseInput, safeString } from '../lib/validation.js';
import { ADAPT_MAX, ADAPT_STEP, routerChoseCheap } from '../routing/index.js';
import type { RunRecord } from './run-record.js';
import { runsMatching } from './runs.js';

/** GOOD ratings of cheap answers in a row (since the last change) that lower an adjustment one step. */
export const GOOD_STREAK_TO_RELAX = 10;

const RateRunInput = z.object({
  runId: idSchema,
  rating: z.enum(RUN_RATINGS),
  comment: optional(safeString().trim().max(2000, 'must be at most 2,000 characters')),
});

/**
 * rateRun: one rating per run (a new one replaces it), by the run's own user or ADMIN+. On an
 * agent with adaptiveRouting, a rating of an answer the router sent to a cheap model may move the
 * agent's routing (see `adapt`), in the same transaction.
 */
export async function rateRun({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<RunRecord> {
  const data = parseInput(RateRunInput, input);
  const [run] = await runsMatching(ctx, { id: data.runId }, 1);
  if (!run) throw notFound('Run');
  if (!roleAtLeast(ctx.actor.role, 'ADMIN') && run.userId !== ctx.actor.userId) {
    throw forbidden('A MEMBER rates only its own runs.');
  }
  const model = run.modelId ? await ctx.deps.models.byId(run.modelId) : undefined;
  const now = ctx.deps.clock.now();
  const row = {
    tenantId: run.tenantId,
    runId: run.id,
    rating: data.rating,
    comment: data.comment ?? null,
    ratedBy: ctx.actor.userId ?? `key:${ctx.actor.keyId}`,
    agentId: run.agentId,
    userId: run.userId,
    modelId: run.modelId,
    tier: model?.tier ?? null,
    // What adaptive routing learns from: the router itself sent it to a cheap model, and it answered.
    routedCheap: !run.cached && run.modelId !== null && routerChoseCheap(run.route, run.degradations),
    runCreatedAt: new Date(run.createdAt),
    ratedAt: now,
  };
  const changed = await inTenant(ctx, async (tx) => {
    const [before] = await tx
      .select({ taught: runRatings.taught })
      .from(runRatings)
      .where(and(eq(runRatings.tenantId, row.tenantId), eq(runRatings.runId, row.runId)))
      .for('update');
    await tx
      .insert(runRatings)
      .values(row)
      .onConflictDoUpdate({
        target: [runRatings.tenantId, runRatings.runId],
        set: { rating: row.rating, comment: row.comment, ratedBy: row.ratedBy, ratedAt: row.ratedAt },
      });
    // A run teaches adaptive routing once: its first rating is weighed, a re-rating (the same or
    // flipped) is not, so one user cannot push an agent by rating one run over and over.
    if (!row.routedCheap || before?.taught) return false;
    await tx
      .update(runRatings)
      .set({ taught: true })
      .where(and(eq(runRatings.tenantId, row.tenantId), eq(runRatings.runId, row.runId)));
    return adapt(ctx, tx, run.agentId, data.rating, now);
  });
  if (changed) await ctx.deps.lookups.invalidate({ kind: 'agents', tenantId: run.tenantId });
  return run;
}

/**
 * Adaptive routing, at a bounded rate: a BAD rating of a cheap answer raises the agent's target
 * share (or lowers its threshold) by ADAPT_STEP; GOOD_STREAK_TO_RELAX GOOD ones in a row lower it
 * back. At most one change per ROUTING_ADAPT_INTERVAL_SECONDS, never past ADAPT_MAX, so a burst
 * of ratings cannot send all traffic to the strong model. Each change is recorded.
 */
async function adapt(ctx: TenantContext, tx: Tx, agentId: string, rating: RunRating, now: Date): Promise<boolean> {
  const [agent] = await tx
    .select()
    .from(agents)
    .where(and(eq(agents.tenantId, ctx.actor.tenantId), eq(agents.id, agentId)))
    .for('update');
  if (!agent?.adaptiveRouting) return false;
  const intervalMs = ctx.deps.config.routingAdaptIntervalSeconds * 1000;
  if (agent.routingAdjustedAt && now.getTime() - agent.routingAdjustedAt.getTime() < intervalMs) return false;
  const from = agent.routingAdjustment;
  let to: number;
  let reason: string;
  if (rating === 'BAD') {
    to = Math.min(ADAPT_MAX, round(from + ADAPT_STEP));
    reason = 'a BAD rating of a cheap answer';
  } else {
    if (from <= 0 || (await goodStreakSince(tx, agent)) < GOOD_STREAK_TO_RELAX) return false;
    to = Math.max(0, round(from - ADAPT_STEP));
    reason = `${GOOD_STREAK_TO_RELAX} GOOD ratings of cheap answers in a row`;
  }
  if (to === from) return false;
  await tx
    .update(agents)
    .set({ routingAdjustment: to, routingAdjustedAt: now })
    .where(and(eq(agents.tenantId, agent.tenantId), eq(agents.id, agent.id)));
  await tx.insert(routingAdjustments).values({
    id: newId('routingAdjustment'),
    tenantId: agent.tenantId,
    agentId: agent.id,
    fromAdjustment: from,
    toAdjustment: to,
    reason,
    createdAt: now,
  });
  return true;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** GOOD ratings of the agent's cheap answers in a row: since its last change and its last BAD one. */
async function goodStreakSince(tx: Tx, agent: AgentRow): Promise<number> {
  const since = (agent.routingAdjustedAt ?? new Date(0)).toISOString();
  const [row] = await tx
    .select({
      good: sql<number>`(count(*) filter (where ${runRatings.rating} = 'GOOD' and ${runRatings.ratedAt} > greatest(
        ${since}::timestamptz,
        (select max(b.rated_at) from run_ratings b where b.tenant_id = ${agent.tenantId} and b.agent_id = ${agent.id}
           and b.routed_cheap and b.rating = 'BAD'))))::int`,
    })
    .from(runRatings)
    .where(
      and(eq(runRatings.tenantId, agent.tenantId), eq(runRatings.agentId, agent.id), eq(runRatings.routedCheap, true)),
    );
  return row?.good ?? 0;
}

/** Ratings of a tenant's runs by id (AgentRun.rating, batched). */
export async function findRatings(db: Db, tenantId: string, runIds: readonly string[]): Promise<RunRatingRow[]> {
  return scoped(db, tenantId, (tx) =>
    tx
      .select()
      .from(runRatings)
      .where(and(eq(runRatings.tenantId, tenantId), inArray(runRatings.runId, [...runIds]))),
  );
}

/** An agent's adaptive changes, newest first. */
export async function listRoutingAdjustments(
  ctx: TenantContext,
  agent: AgentRow,
  first: number,
): Promise<RoutingAdjustmentRow[]> {
  return inTenant(ctx, (tx) =>
    tx
      .select()
      .from(routingAdjustments)
      .where(and(eq(routingAdjustments.tenantId, ctx.actor.tenantId), eq(routingAdjustments.agentId, agent.id)))
      .orderBy(desc(routingAdjustments.createdAt), desc(routingAdjustments.id))
      .limit(Math.min(Math.max(first, 1), 100)),
  );
}
