import { and, eq, gte, lt, sum } from 'drizzle-orm';
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
