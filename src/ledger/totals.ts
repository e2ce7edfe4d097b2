import { and, eq, gte, isNotNull, lt, sql, sum } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { usageEvents } from '../db/schema/index.js';

/** A budget window as the ledger sees it: a period, optionally one user's, in tokens or USD. */
export type LedgerWindow = { unit: 'TOKENS' | 'USD'; userId: string | null; periodStart: Date; resetsAt: Date };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A window's total in the ledger: the truth a lost counter is rebuilt from. */
export async function ledgerTotal(db: Db, tenantId: string, window: LedgerWindow): Promise<number> {
  const amount = window.unit === 'USD' ? usageEvents.costMicros : usageEvents.totalTokens;
  const [row] = await scoped(db, tenantId, (tx) =>
    tx
      .select({ total: sum(amount) })
      .from(usageEvents)
      .where(
        and(
          eq(usageEvents.tenantId, tenantId),
          window.userId ? eq(usageEvents.userId, window.userId) : undefined,
          gte(usageEvents.day, isoDay(window.periodStart)),
          lt(usageEvents.day, isoDay(window.resetsAt)),
        ),
      ),
  );
  return Number(row?.total ?? 0);
}

/** Each user's tokens in the ledger today and this month (the two user windows), in one query. */
export async function ledgerTotalsByUser(
  db: Db,
  tenantId: string,
  day: { start: Date },
  month: { start: Date; end: Date },
): Promise<Map<string, { day: number; month: number }>> {
  const today = isoDay(day.start);
  const rows = await scoped(db, tenantId, (tx) =>
    tx
      .select({
        userId: usageEvents.userId,
        day: sql<string>`coalesce(sum(${usageEvents.totalTokens}) filter (where ${usageEvents.day} = ${today}), 0)`,
        month: sum(usageEvents.totalTokens),
      })
      .from(usageEvents)
      .where(
        and(
          eq(usageEvents.tenantId, tenantId),
          isNotNull(usageEvents.userId),
          gte(usageEvents.day, isoDay(month.start)),
          lt(usageEvents.day, isoDay(month.end)),
        ),
      )
      .groupBy(usageEvents.userId),
  );
  return new Map(rows.map((r) => [r.userId!, { day: Number(r.day), month: Number(r.month ?? 0) }]));
}
