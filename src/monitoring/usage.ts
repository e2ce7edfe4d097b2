import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { utcDay, utcMonth } from '../budgets/windows.js';
import { inTenant, requireRole, roleAtLeast, type TenantContext } from '../context.js';
import { queryRows } from '../db/scoped.js';
import type { ModelTier } from '../db/schema/index.js';
import { opensRun, type UsageEvent } from '../ledger/index.js';
import { badInput, forbidden } from '../lib/errors.js';
import { parseInput } from '../lib/validation.js';
import { effectivePlan } from '../billing/index.js';

export const USAGE_DIMENSIONS = ['DAY', 'USER', 'MODEL', 'AGENT', 'TIER'] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;
const SIDE_CALL_KINDS = new Set(['classifier', 'summary']);

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
};

const UsageInput = z
  .object({
    from: z.date(),
    to: z.date(),
    groupBy: z.array(z.enum(USAGE_DIMENSIONS)).max(USAGE_DIMENSIONS.length),
  })
  .refine((i) => i.from < i.to, { message: 'must be after from', path: ['to'] })
  .refine((i) => i.to.getTime() - i.from.getTime() <= MAX_RANGE_DAYS * DAY_MS, {
    message: `a report covers at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

/** The columns a dimension groups by (the day is the ledger's UTC day). */
const COLUMN: Record<UsageDimension, SQL> = {
  DAY: sql`e.day`,
  USER: sql`e.user_id`,
  MODEL: sql`e.model_id`,
  AGENT: sql`e.agent_id`,
  TIER: sql`m.tier`,
};
const ALIAS: Record<UsageDimension, string> = {
  DAY: 'day',
  USER: 'user_id',
  MODEL: 'model_id',
  AGENT: 'agent_id',
  TIER: 'tier',
};

type Sums = Omit<UsageGroup, 'day' | 'userId' | 'modelId' | 'agentId' | 'tier' | 'tenantId'>;
type Keys = Pick<UsageGroup, 'day' | 'userId' | 'modelId' | 'agentId' | 'tier'>;
type SqlRow = Record<string, string | number | Date | null>;

const zero = (): Sums => ({
  runs: 0,
  cacheHits: 0,
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  sideCallTokens: 0,
  costMicros: 0,
  cacheSavedMicros: 0,
  routingSavedMicros: 0,
  modelRuns: 0,
  strongRuns: 0,
});

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
  return report(ctx, { from, to, dims, userId });
}

type ReportQuery = { from: Date; to: Date; dims: UsageDimension[]; userId: string | undefined };

async function report(ctx: TenantContext, q: ReportQuery): Promise<UsageGroup[]> {
  const tenantId = ctx.actor.tenantId;
  const inRange = (e: UsageEvent) => {
    const at = Date.parse(e.occurredAt);
    return at >= q.from.getTime() && at < q.to.getTime() && (!q.userId || e.userId === q.userId);
  };
  const unflushed = (await ctx.deps.outbox.events(tenantId)).filter(inRange);
  const skip = unflushed.map((e) => e.id);
  const dimCols = q.dims.map((d) => sql`${COLUMN[d]} as ${sql.identifier(ALIAS[d])}`);
  const groupCols = q.dims.map((d) => COLUMN[d]);
  const where = sql.join(
    [
      sql`e.tenant_id = ${tenantId}`,
      // The day narrows the index scan; the timestamps make the range exact.
      sql`e.day >= ${q.from.toISOString().slice(0, 10)}::date`,
      sql`e.day <= ${q.to.toISOString().slice(0, 10)}::date`,
      sql`e.occurred_at >= ${q.from.toISOString()}::timestamptz`,
      sql`e.occurred_at < ${q.to.toISOString()}::timestamptz`,
      ...(q.userId ? [sql`e.user_id = ${q.userId}`] : []),
      ...(skip.length ? [sql`not (e.id = any(${sql.param(skip)}::text[]))`] : []),
    ],
    sql` and `,
  );
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
  const grouping = groupCols.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``;
  const stored = await inTenant(ctx, (tx) =>
    queryRows<SqlRow>(
      tx,
      sql`select ${select} from usage_events e left join models m on m.id = e.model_id where ${where} ${grouping}`,
    ),
  );

  const groups = new Map<string, { keys: Keys; sums: Sums }>();
  const keyOf = (k: Keys) => JSON.stringify([k.day?.getTime() ?? null, k.userId, k.modelId, k.agentId, k.tier]);
  const group = (k: Keys) => {
    const id = keyOf(k);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { keys: k, sums: zero() }));
    return g;
  };
  const keysOfRow = (r: SqlRow): Keys => ({
    day: q.dims.includes('DAY')
      ? new Date(`${String(r.day instanceof Date ? r.day.toISOString() : r.day).slice(0, 10)}T00:00:00Z`)
      : null,
    userId: q.dims.includes('USER') ? ((r.user_id as string | null) ?? null) : null,
    modelId: q.dims.includes('MODEL') ? ((r.model_id as string | null) ?? null) : null,
    agentId: q.dims.includes('AGENT') ? ((r.agent_id as string | null) ?? null) : null,
    tier: q.dims.includes('TIER') ? ((r.tier as ModelTier | null) ?? null) : null,
  });
  for (const r of stored) {
    const s = group(keysOfRow(r)).sums;
    s.runs += Number(r.runs);
    s.cacheHits += Number(r.cache_hits);
    s.inputTokens += Number(r.input_tokens);
    s.outputTokens += Number(r.output_tokens);
    s.cachedInputTokens += Number(r.cached_input_tokens);
    s.sideCallTokens += Number(r.side_call_tokens);
    s.costMicros += Number(r.cost_micros);
    s.cacheSavedMicros += Number(r.cache_saved);
    s.routingSavedMicros += Number(r.routing_saved);
    s.modelRuns += Number(r.model_runs);
    s.strongRuns += Number(r.strong_runs);
  }
  for (const e of unflushed) {
    const tier = e.modelId ? ((await ctx.deps.models.byId(e.modelId))?.tier ?? null) : null;
    const g = group({
      day: q.dims.includes('DAY') ? new Date(`${e.occurredAt.slice(0, 10)}T00:00:00Z`) : null,
      userId: q.dims.includes('USER') ? e.userId : null,
      modelId: q.dims.includes('MODEL') ? e.modelId : null,
      agentId: q.dims.includes('AGENT') ? e.agentId : null,
      tier: q.dims.includes('TIER') ? tier : null,
    });
    const s = g.sums;
    // A run counts once: on the event that opens it (its first call's first line).
    if (opensRun(e)) {
      s.runs += 1;
      if (e.kind === 'run') s.modelRuns += 1;
      if (e.kind === 'run' && tier === 'STRONG') s.strongRuns += 1;
    }
    if (e.kind === 'cache_hit') s.cacheHits += 1;
    s.inputTokens += e.inputTokens;
    s.outputTokens += e.outputTokens;
    s.cachedInputTokens += e.cachedInputTokens;
    if (SIDE_CALL_KINDS.has(e.kind)) s.sideCallTokens += e.totalTokens;
    s.costMicros += e.costMicros;
    if (e.kind === 'cache_hit') s.cacheSavedMicros += e.savedCostMicros;
    else s.routingSavedMicros += e.savedCostMicros;
  }
  const rows = [...groups.values()].map((g) => ({ ...g.keys, tenantId, ...g.sums }));
  // Oldest day first, then the biggest spend.
  return rows.sort(
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
    report(ctx, { from: month.start, to: new Date(now.getTime() + 1), dims: ['DAY'], userId: undefined }),
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
