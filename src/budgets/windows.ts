import type { PlanRow, UserRow } from '../db/schema/index.js';
import { tenantKey } from '../lib/keys.js';
import { DAY_MS } from '../lib/clock.js';

export const WINDOW_KINDS = ['USER_DAILY', 'USER_MONTHLY', 'TENANT_MONTHLY', 'TENANT_SPEND'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];
export type BudgetUnit = 'TOKENS' | 'USD';

/** A budget window: a store key with a limit, over one UTC day or UTC calendar month. */
export type BudgetWindow = {
  kind: WindowKind;
  unit: BudgetUnit;
  key: string;
  /** Tokens, or micro-dollars for TENANT_SPEND. */
  limit: number;
  periodStart: Date;
  resetsAt: Date;
  /** How long the counter is worth keeping; a lost one is rebuilt from the ledger anyway. */
  ttlSeconds: number;
  userId: string | null;
};

export function utcDay(now: Date): { start: Date; end: Date; label: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start, end: new Date(start.getTime() + DAY_MS), label: start.toISOString().slice(0, 10) };
}

export function utcMonth(now: Date): { start: Date; end: Date; label: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end, label: start.toISOString().slice(0, 7) };
}

const ttl = (end: Date, now: Date, graceDays: number) =>
  Math.ceil((end.getTime() - now.getTime()) / 1000) + graceDays * 86_400;

/** Effective per-user limits: the user's override where set, else the plan's. */
export function userLimits(plan: PlanRow, user: Pick<UserRow, 'dailyTokenLimit' | 'monthlyTokenLimit'>) {
  return {
    daily: user.dailyTokenLimit ?? plan.userDailyTokenLimit,
    monthly: user.monthlyTokenLimit ?? plan.userMonthlyTokenLimit,
  };
}

/**
 * The windows one request is held against: the user's day and month (when acting for a user),
 * the tenant's monthly token pool and its monthly USD cap.
 */
export function budgetWindows(
  tenantId: string,
  plan: PlanRow,
  user: Pick<UserRow, 'id' | 'dailyTokenLimit' | 'monthlyTokenLimit'> | null,
  now: Date,
): BudgetWindow[] {
  const day = utcDay(now);
  const month = utcMonth(now);
  const monthly = (
    kind: WindowKind,
    unit: BudgetUnit,
    key: string,
    limit: number,
    userId: string | null,
  ): BudgetWindow => ({
    kind,
    unit,
    key,
    limit,
    userId,
    periodStart: month.start,
    resetsAt: month.end,
    ttlSeconds: ttl(month.end, now, 7),
  });
  const windows: BudgetWindow[] = [];
  if (user) {
    const limits = userLimits(plan, user);
    windows.push({
      kind: 'USER_DAILY',
      unit: 'TOKENS',
      key: tenantKey(tenantId, 'b', 'ud', user.id, day.label),
      limit: limits.daily,
      userId: user.id,
      periodStart: day.start,
      resetsAt: day.end,
      ttlSeconds: ttl(day.end, now, 2),
    });
    windows.push(
      monthly('USER_MONTHLY', 'TOKENS', tenantKey(tenantId, 'b', 'um', user.id, month.label), limits.monthly, user.id),
    );
  }
  windows.push(
    monthly(
      'TENANT_MONTHLY',
      'TOKENS',
      tenantKey(tenantId, 'b', 'tm', month.label),
      plan.tenantMonthlyTokenLimit,
      null,
    ),
  );
  windows.push(
    monthly(
      'TENANT_SPEND',
      'USD',
      tenantKey(tenantId, 'b', 'ts', month.label),
      plan.tenantMonthlySpendLimitMicros,
      null,
    ),
  );
  return windows;
}

/** What a request puts on each window: its tokens, or its cost on the USD window. */
export const amountsFor = (windows: BudgetWindow[], tokens: number, costMicros: number) =>
  windows.map((w) => (w.unit === 'USD' ? costMicros : tokens));
