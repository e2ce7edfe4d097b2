import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { models, type ModelRow } from '../db/schema/index.js';
import { cachedValue } from '../lib/cached-value.js';

export type ModelCatalog = {
  list(): Promise<ModelRow[]>;
  byId(id: string): Promise<ModelRow | undefined>;
  invalidate(): void;
};

export function createModelCatalog(db: Db, ttlMs = 10_000): ModelCatalog {
  const all = cachedValue(async () => {
    const rows = await db.select().from(models).orderBy(asc(models.id));
    return { rows, byId: new Map(rows.map((m) => [m.id, m])) };
  }, ttlMs);
  return {
    list: async () => (await all.get()).rows,
    byId: async (id) => (await all.get()).byId.get(id),
    invalidate: () => all.invalidate(),
  };
}
