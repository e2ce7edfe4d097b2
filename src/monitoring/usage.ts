import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { utcDay, utcMonth } from '../budgets/windows.js';
import { inTenant, requireRole, roleAtLeast, type TenantContext } from '../context.js';
import { queryRows } from '../db/scoped.js';
import type { ModelTier } from '../db/schema/index.js';
import { opensRun, type UsageEvent } from '../ledger/index.js';
import { badInput, forbidden } from '../lib/errors.js';
import { parseInput, withDateRange } from '../lib/validation.js';
import { effectivePlan } from '../billing/index.js';
import { DAY_MS } from '../lib/clock.js';

export const USAGE_DIMENSIONS = ['DAY', 'USER', 'MODEL', 'AGENT', 'TIER'] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

/** One row of a usage report: the group's keys (those asked for), and its sums. */
export type UsageGroup = {
  day: Date | null;
  userId: string | null;
  modelId: string | null;
  agentId: string | null;
  tier: ModelTier | null;
  tenantId: string;
  runs: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  sideCallTokens: number;
  costMicros: number;
  cacheSavedMicros: number;
  routingSavedMicros: number;
  /** Runs whose own calls were on a model (not answered from the cache), and of those on STRONG. */
  modelRuns: number;
  strongRuns: number;
  /** Ratings of the group's runs (rateRun). */
  goodRatings: number;
  badRatings: number;
};

const UsageInput = withDateRange(
  z.object({
    from: z.date(),
    to: z.date(),
    groupBy: z.array(z.enum(USAGE_DIMENSIONS)).max(USAGE_DIMENSIONS.length),
  }),
);

/** The columns a dimension groups by (the day is the ledger's UTC day). */
const COLUMN: Record<UsageDimension, SQL> = {
  DAY: sql`e.day`,
  USER: sql`e.user_id`,
  MODEL: sql`e.model_id`,
  AGENT: sql`e.agent_id`,
  TIER: sql`m.tier`,
};
/** The same dimensions over run_ratings (a rating keeps its run's facts). */
const RATING_COLUMN: Record<UsageDimension, SQL> = {
  DAY: sql`(r.run_created_at at time zone 'UTC')::date`,
  USER: sql`r.user_id`,
  MODEL: sql`r.model_id`,
  AGENT: sql`r.agent_id`,
  TIER: sql`r.tier`,
};
const ALIAS: Record<UsageDimension, string> = {
  DAY: 'day',
  USER: 'user_id',
  MODEL: 'model_id',
  AGENT: 'agent_id',
  TIER: 'tier',
};

type SqlRow = Record<string, string | number | Date | null>;

/**
 * `usage(from, to, groupBy)`: the ledger summed over [from, to), in groups. MEMBERs get their own
 * usage, ADMIN+ the tenant's. Exact: Postgres's rows plus the entries still on their way there
 * (each counted once), so a report agrees with the budgets to the token. A run counts once, in the
 * group of the event that opens it (its first call's first line), so no distinct count is needed.
 */
export async function usageReport({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<UsageGroup[]> {
  const { from, to, groupBy } = parseInput(UsageInput, input);
  const dims = USAGE_DIMENSIONS.filter((d) => groupBy.includes(d));
  const userId = roleAtLeast(ctx.actor.role, 'ADMIN') ? undefined : (ctx.actor.userId ?? undefined);
  if (!userId && !roleAtLeast(ctx.actor.role, 'ADMIN')) throw badInput('A key without a user has no usage of its own.');
  return report(ctx, { from, to, dims, userId, ratings: true });
}

/** `ratings`: count the groups' ratings too (a second query; the summary has no use for them). */
type ReportQuery = { from: Date; to: Date; dims: UsageDimension[]; userId: string | undefined; ratings: boolean };

async function report(ctx: TenantContext, q: ReportQuery): Promise<UsageGroup[]> {
  const tenantId = ctx.actor.tenantId;
  const inRange = (e: UsageEvent) => {
    const at = Date.parse(e.occurredAt);
    return at >= q.from.getTime() && at < q.to.getTime() && (!q.userId || e.userId === q.userId);
  };
  // The entries on their way to Postgres join its rows in one aggregation (those Postgres has
  // already, from a batch half written, are taken from the pending side only).
  const unflushed = (await ctx.deps.outbox.events(tenantId)).filter(inRange);
  const pending = unflushed.map((e) => ({
    id: e.id,
    user_id: e.userId,
    agent_id: e.agentId,
    model_id: e.modelId,
    kind: e.kind,
    input_tokens: e.inputTokens,
    output_tokens: e.outputTokens,
    cached_input_tokens: e.cachedInputTokens,
    total_tokens: e.totalTokens,
    cost_micros: e.costMicros,
    saved_cost_micros: e.savedCostMicros,
    day: e.occurredAt.slice(0, 10),
    opens_run: opensRun(e),
  }));
  const columns = sql`id, user_id, agent_id, model_id, kind, input_tokens, output_tokens, cached_input_tokens,
    total_tokens, cost_micros, saved_cost_micros, day, opens_run`;
  const stored = sql.join(
    [
      sql`u.tenant_id = ${tenantId}`,
      // The day narrows the index scan; the timestamps make the range exact.
      sql`u.day >= ${q.from.toISOString().slice(0, 10)}::date`,
      sql`u.day <= ${q.to.toISOString().slice(0, 10)}::date`,
      sql`u.occurred_at >= ${q.from.toISOString()}::timestamptz`,
      sql`u.occurred_at < ${q.to.toISOString()}::timestamptz`,
      ...(q.userId ? [sql`u.user_id = ${q.userId}`] : []),
      ...(pending.length ? [sql`not (u.id = any(${sql.param(pending.map((p) => p.id))}::text[]))`] : []),
    ],
    sql` and `,
  );
  const dimCols = q.dims.map((d) => sql`${COLUMN[d]} as ${sql.identifier(ALIAS[d])}`);
  const select = sql.join(
    [
      ...dimCols,
      sql`(count(*) filter (where e.opens_run))::int as runs`,
      sql`(count(*) filter (where e.kind = 'cache_hit'))::int as cache_hits`,
      sql`coalesce(sum(e.input_tokens), 0)::bigint as input_tokens`,
      sql`coalesce(sum(e.output_tokens), 0)::bigint as output_tokens`,
      sql`coalesce(sum(e.cached_input_tokens), 0)::bigint as cached_input_tokens`,
      sql`coalesce(sum(e.total_tokens) filter (where e.kind in ('classifier', 'summary')), 0)::bigint as side_call_tokens`,
      sql`coalesce(sum(e.cost_micros), 0)::bigint as cost_micros`,
      sql`coalesce(sum(e.saved_cost_micros) filter (where e.kind = 'cache_hit'), 0)::bigint as cache_saved`,
      sql`coalesce(sum(e.saved_cost_micros) filter (where e.kind <> 'cache_hit'), 0)::bigint as routing_saved`,
      sql`(count(*) filter (where e.opens_run and e.kind = 'run'))::int as model_runs`,
      sql`(count(*) filter (where e.opens_run and e.kind = 'run' and m.tier = 'STRONG'))::int as strong_runs`,
    ],
    sql`, `,
  );
  const grouping = q.dims.length
    ? sql`group by ${sql.join(
        q.dims.map((d) => COLUMN[d]),
        sql`, `,
      )}`
    : sql``;
  const fromPostgres = sql`select ${columns} from usage_events u where ${stored}`;
  // Without pending entries the plain scan (a union costs a third more on a month of a million runs).
  const source = pending.length
    ? sql`(${fromPostgres} union all select ${columns} from jsonb_to_recordset(${JSON.stringify(pending)}::jsonb)
        as p(id text, user_id text, agent_id text, model_id text, kind text, input_tokens int, output_tokens int,
          cached_input_tokens int, total_tokens int, cost_micros bigint, saved_cost_micros bigint, day date,
          opens_run boolean))`
    : sql`(${fromPostgres})`;
  const rows = await inTenant(ctx, (tx) =>
    queryRows<SqlRow>(
      tx,
      sql`select ${select} from ${source} e left join models m on m.id = e.model_id ${grouping} having count(*) > 0`,
    ),
  );
  const ratings = !q.ratings
    ? []
    : await inTenant(ctx, (tx) =>
        queryRows<SqlRow>(
          tx,
          sql`select ${sql.join(
            [
              ...q.dims.map((d) => sql`${RATING_COLUMN[d]} as ${sql.identifier(ALIAS[d])}`),
              sql`(count(*) filter (where r.rating = 'GOOD'))::int as good`,
              sql`(count(*) filter (where r.rating = 'BAD'))::int as bad`,
            ],
            sql`, `,
          )} from run_ratings r where r.tenant_id = ${tenantId}
        and r.run_created_at >= ${q.from.toISOString()}::timestamptz and r.run_created_at < ${q.to.toISOString()}::timestamptz
        ${q.userId ? sql`and r.user_id = ${q.userId}` : sql``}
        ${
          q.dims.length
            ? sql`group by ${sql.join(
                q.dims.map((d) => RATING_COLUMN[d]),
                sql`, `,
              )}`
            : sql``
        } having count(*) > 0`,
        ),
      );
  const groups = [...rows, ...ratings].map((r) => ({
    day: q.dims.includes('DAY')
      ? new Date(`${String(r.day instanceof Date ? r.day.toISOString() : r.day).slice(0, 10)}T00:00:00Z`)
      : null,
    userId: q.dims.includes('USER') ? ((r.user_id as string | null) ?? null) : null,
    modelId: q.dims.includes('MODEL') ? ((r.model_id as string | null) ?? null) : null,
    agentId: q.dims.includes('AGENT') ? ((r.agent_id as string | null) ?? null) : null,
    tier: q.dims.includes('TIER') ? ((r.tier as ModelTier | null) ?? null) : null,
    tenantId,
    runs: Number(r.runs ?? 0),
    cacheHits: Number(r.cache_hits ?? 0),
    inputTokens: Number(r.input_tokens ?? 0),
    outputTokens: Number(r.output_tokens ?? 0),
    cachedInputTokens: Number(r.cached_input_tokens ?? 0),
    sideCallTokens: Number(r.side_call_tokens ?? 0),
    costMicros: Number(r.cost_micros ?? 0),
    cacheSavedMicros: Number(r.cache_saved ?? 0),
    routingSavedMicros: Number(r.routing_saved ?? 0),
    modelRuns: Number(r.model_runs ?? 0),
    strongRuns: Number(r.strong_runs ?? 0),
    goodRatings: Number(r.good ?? 0),
    badRatings: Number(r.bad ?? 0),
  }));
  // A group's ratings join its usage (a group rated but with no usage in the range, a run begun
  // before `from`, say, stands on its own with zero usage).
  const byKey = new Map<string, UsageGroup>();
  for (const g of groups) {
    const key = `${g.day?.getTime() ?? ''}|${keyOf(g)}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, g);
    else
      Object.assign(seen, {
        goodRatings: seen.goodRatings + g.goodRatings,
        badRatings: seen.badRatings + g.badRatings,
      });
  }
  return sortGroups([...byKey.values()]);
}

const keyOf = (k: UsageGroup) => JSON.stringify([k.userId, k.modelId, k.agentId, k.tier]);

function sortGroups(groups: UsageGroup[]): UsageGroup[] {
  // Oldest day first, then the biggest spend.
  return groups.sort(
    (a, b) =>
      (a.day?.getTime() ?? 0) - (b.day?.getTime() ?? 0) ||
      b.costMicros - a.costMicros ||
      keyOf(a).localeCompare(keyOf(b)),
  );
}

/** `Tenant.usageSummary`: this UTC month against the plan, and where it is heading. */
export type UsageSummaryView = {
  periodStart: Date;
  spendMicros: number;
  spendLimitMicros: number;
  tokens: number;
  tokenLimit: number;
  cacheSavedMicros: number;
  routingSavedMicros: number;
  forecastMicros: number;
};

/**
 * The month so far, and a forecast of its end: what is spent, plus the daily rate since the start
 * of the seventh day before today (or of the month) times the days left. ADMIN+; the tenant's own.
 */
export async function usageSummary(ctx: TenantContext, tenantId: string): Promise<UsageSummaryView> {
  requireRole(ctx.actor, 'ADMIN');
  if (tenantId !== ctx.actor.tenantId) throw forbidden("Only the caller's own tenant has a usage summary here.");
  const now = ctx.deps.clock.now();
  const month = utcMonth(now);
  const [tenant, days] = await Promise.all([
    ctx.deps.lookups.tenant(ctx.actor.tenantId),
    report(ctx, {
      from: month.start,
      to: new Date(now.getTime() + 1),
      dims: ['DAY'],
      userId: undefined,
      ratings: false,
    }),
  ]);
  const plan = await effectivePlan(ctx.deps.plans, tenant!, now);
  const sum = (pick: (r: UsageGroup) => number) => days.reduce((n, r) => n + pick(r), 0);
  const spendMicros = sum((r) => r.costMicros);
  // The rate: what was spent since the start of the seventh day before today (or of the month),
  // over the time since then (today counted as far as it has gone).
  const since = Math.max(month.start.getTime(), utcDay(now).start.getTime() - 7 * DAY_MS);
  const window = Math.max((now.getTime() - since) / DAY_MS, 1 / 24);
  const recent = days.filter((r) => r.day!.getTime() >= since).reduce((n, r) => n + r.costMicros, 0);
  const leftDays = (month.end.getTime() - now.getTime()) / DAY_MS;
  return {
    periodStart: month.start,
    spendMicros,
    spendLimitMicros: plan.tenantMonthlySpendLimitMicros,
    tokens: sum((r) => r.inputTokens + r.outputTokens),
    tokenLimit: plan.tenantMonthlyTokenLimit,
    cacheSavedMicros: sum((r) => r.cacheSavedMicros),
    routingSavedMicros: sum((r) => r.routingSavedMicros),
    forecastMicros: Math.round(spendMicros + (recent / window) * leftDays),
  };
}
