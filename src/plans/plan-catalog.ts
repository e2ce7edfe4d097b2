import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { plans, type PlanRow } from '../db/schema/index.js';
import { cachedValue } from '../lib/cached-value.js';
import { notFound } from '../lib/errors.js';

export type PlanCatalog = {
  list(): Promise<PlanRow[]>;
  byId(id: string): Promise<PlanRow>;
  byKey(key: string): Promise<PlanRow | undefined>;
  invalidate(): void;
};

/** Plans are global and rarely change: kept in process briefly, invalidated on every change here. */
export function createPlanCatalog(db: Db, ttlMs = 10_000): PlanCatalog {
  const all = cachedValue(() => db.select().from(plans).orderBy(asc(plans.rank)), ttlMs);
  return {
    list: () => all.get(),
    async byId(id) {
      const plan = (await all.get()).find((p) => p.id === id);
      if (!plan) throw notFound('Plan');
      return plan;
    },
    byKey: async (key) => (await all.get()).find((p) => p.key === key),
    invalidate: () => all.invalidate(),
  };
}
