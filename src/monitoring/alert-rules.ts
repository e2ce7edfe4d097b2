import { sql } from 'drizzle-orm';
import { effectivePlan } from '../billing/index.js';
import { userLimits, utcDay, utcMonth } from '../budgets/index.js';
import type { Deps } from '../context.js';
import { queryRows } from '../db/scoped.js';
import type { AlertKind } from '../db/schema/index.js';
import { thresholdsOf } from '../agents/index.js';
import { alertInsert, tenantOf, type AlertDraft, type LedgerEntry } from '../ledger/index.js';
import { newId } from '../lib/ids.js';
import { DAY_MS } from '../lib/clock.js';

/**
 * The alert rules, run on each batch once Postgres has it (off the request path: the outbox's
 * watcher). Each alert has a period key, and the unique (tenant, kind, period key) makes it once
 * per period however many processes see the crossing (RUN_COST, per run id, is raised with the
 * settlement itself: see runCostAlert):
 * - USER_BUDGET_80 / USER_BUDGET_100: the window kind, the window's start and the user;
 * - USER_BUDGET_SHARE: the UTC month and the user;
 * - DAILY_SPEND_SPIKE: the UTC day (once three full UTC days of history exist).
 */
export function alertWatcher(deps: Deps) {
  const { evalMs, spikeEveryMs } = deps.config.alerts;
  let waiting = new Map<string, LedgerEntry[]>();
  let round: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  const spikeCheckedAt = new Map<string, number>();
  const evaluateAll = async () => {
    const batch = waiting;
    waiting = new Map();
    round = undefined;
    for (const [tenantId, entries] of batch) {
      const now = deps.clock.now().getTime();
      const spikeDue = now - (spikeCheckedAt.get(tenantId) ?? -Infinity) >= spikeEveryMs;
      if (spikeDue) spikeCheckedAt.set(tenantId, now);
      const drafts = await evaluate(deps, tenantId, entries, spikeDue);
      if (!drafts.length) continue;
      const raised = await queryRows<{ id: string; kind: AlertKind; period_key: string }>(
        deps.db,
        sql`${alertInsert(drafts)} on conflict do nothing returning id, kind, period_key`,
      );
      for (const a of raised) {
        deps.metrics.alertsRaised.inc({ kind: a.kind });
        deps.log.info({ tenantId, alertId: a.id, kind: a.kind, periodKey: a.period_key }, 'alert raised');
      }
    }
  };
  // Batches arrive every tenth of a second under load: they are gathered for evalMs, and each
  // tenant is looked at once per round (rounds one after another), so the rules' queries stay few.
  return (entries: LedgerEntry[]): Promise<void> => {
    for (const e of entries) {
      const tenantId = tenantOf(e);
      if (tenantId) waiting.set(tenantId, [...(waiting.get(tenantId) ?? []), e]);
    }
    round ??= last = last.then(() => new Promise<void>((r) => setTimeout(r, evalMs))).then(evaluateAll);
    return round;
  };
}

async function evaluate(deps: Deps, tenantId: string, batch: LedgerEntry[], spikeDue: boolean): Promise<AlertDraft[]> {
  const tenant = await deps.lookups.tenant(tenantId);
  if (!tenant) return [];
  const now = deps.clock.now();
  const plan = await effectivePlan(deps.plans, tenant, now);
  const limits = thresholdsOf(tenant);
  const drafts: AlertDraft[] = [];
  const draft = (d: Omit<AlertDraft, 'id' | 'tenantId' | 'createdAt'>) =>
    drafts.push({ ...d, id: newId('alert', now.getTime()), tenantId, createdAt: now.toISOString() });

  const day = utcDay(now);
  const month = utcMonth(now);
  const userIds = [
    ...new Set(
      batch.flatMap((e) => [
        ...e.events.flatMap((ev) => (ev.userId ? [ev.userId] : [])),
        ...(e.run?.userId ? [e.run.userId] : []),
      ]),
    ),
  ];
  // A user refused by a window is at its limit, whatever the last few tokens say.
  const refused = new Set(
    batch.flatMap((e) =>
      e.run?.status === 'BUDGET_EXCEEDED' && e.run.userId ? [`${e.run.reason}:${e.run.userId}`] : [],
    ),
  );
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const [users, spendByDay] = await Promise.all([
    userIds.length
      ? queryRows<{ user_id: string; today: string | null; month: string | null }>(
          deps.db,
          sql`select user_id, sum(total_tokens) filter (where day = ${day.label}::date) as today,
                sum(total_tokens) as month
              from usage_events
              where tenant_id = ${tenantId} and user_id = any(${sql.param(userIds)}::text[])
                and day >= ${isoDay(month.start)}::date and day < ${isoDay(month.end)}::date
              group by user_id`,
        )
      : [],
    !spikeDue
      ? []
      : queryRows<{ day: string | Date; cost: string; first_day: string | Date | null }>(
          deps.db,
          sql`select day, sum(cost_micros) as cost,
            (select min(day) from usage_events g where g.tenant_id = ${tenantId}) as first_day
          from usage_events
          where tenant_id = ${tenantId} and day >= ${isoDay(new Date(day.start.getTime() - 7 * DAY_MS))}::date
            and day <= ${day.label}::date
          group by day`,
        ),
  ]);

  const sums = new Map(users.map((u) => [u.user_id, u]));
  for (const userId of userIds) {
    const u = sums.get(userId) ?? { user_id: userId, today: null, month: null };
    const user = await deps.lookups.user(tenantId, u.user_id);
    if (!user) continue;
    const { daily, monthly } = userLimits(plan, user);
    const windows = [
      { kind: 'USER_DAILY', used: Number(u.today ?? 0), limit: daily, start: day.label, what: 'daily' },
      { kind: 'USER_MONTHLY', used: Number(u.month ?? 0), limit: monthly, start: month.label, what: 'monthly' },
    ] as const;
    for (const w of windows) {
      if (w.limit <= 0) continue;
      for (const [kind, share] of [
        ['USER_BUDGET_100', 1],
        ['USER_BUDGET_80', 0.8],
      ] as const) {
        const atLimit = kind === 'USER_BUDGET_100' && refused.has(`${w.kind}:${user.id}`);
        if (w.used < w.limit * share && !atLimit) continue;
        draft({
          kind,
          subjectUserId: user.id,
          periodKey: `${w.kind}:${w.start}:${user.id}`,
          value: w.used,
          threshold: Math.ceil(w.limit * share),
          message: `${user.email} has used ${w.used} of ${w.limit} ${w.what} tokens (${Math.floor((w.used / w.limit) * 100)}%).`,
        });
      }
    }
    const pool = plan.tenantMonthlyTokenLimit;
    const monthTokens = Number(u.month ?? 0);
    if (pool > 0 && monthTokens > (pool * limits.userBudgetSharePercent) / 100)
      draft({
        kind: 'USER_BUDGET_SHARE',
        subjectUserId: user.id,
        periodKey: `${month.label}:${user.id}`,
        value: (monthTokens / pool) * 100,
        threshold: limits.userBudgetSharePercent,
        message: `${user.email} has used ${((monthTokens / pool) * 100).toFixed(1)}% of the organization's monthly token pool (alert at ${limits.userBudgetSharePercent}%).`,
      });
  }

  // The spike needs three full UTC days of history (the first, partial day is not one), and
  // averages over the full days before today, up to seven.
  const dayStart = (d: string | Date) =>
    Date.parse(`${(d instanceof Date ? d.toISOString() : d).slice(0, 10)}T00:00:00Z`);
  const firstDay = spendByDay[0]?.first_day;
  const fullDays = firstDay ? Math.round((day.start.getTime() - dayStart(firstDay)) / DAY_MS) - 1 : 0;
  if (fullDays >= 3) {
    const days = Math.min(7, fullDays);
    const since = day.start.getTime() - days * DAY_MS;
    const before = spendByDay
      .filter((r) => dayStart(r.day) >= since && dayStart(r.day) < day.start.getTime())
      .reduce((n, r) => n + Number(r.cost), 0);
    const average = before / days;
    const today = Number(spendByDay.find((r) => dayStart(r.day) === day.start.getTime())?.cost ?? 0);
    if (average > 0 && today > average * limits.dailySpendMultiplier)
      draft({
        kind: 'DAILY_SPEND_SPIKE',
        subjectUserId: null,
        periodKey: day.label,
        value: today / 1_000_000,
        threshold: (average * limits.dailySpendMultiplier) / 1_000_000,
        message: `Today's spend, $${(today / 1_000_000).toFixed(4)}, is over ${limits.dailySpendMultiplier}× the daily average of the last ${days} days ($${(average / 1_000_000).toFixed(4)}).`,
      });
  }
  return drafts;
}
