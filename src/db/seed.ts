import type { Db } from './client.js';
import { models, plans } from './schema/index.js';
import { DEFAULT_RUN_LIMITS, SEED_PLANS } from '../plans/catalog.js';
import { MODEL_CATALOG, catalogPrices } from '../pricing/catalog.js';
import { newId } from '../lib/ids.js';

/** Seeds plans and the model catalog. Existing rows are left alone: operators' edits win. */
export async function seedCatalog(db: Db): Promise<void> {
  await db
    .insert(plans)
    .values(SEED_PLANS.map((p) => ({ id: newId('plan'), ...DEFAULT_RUN_LIMITS, ...p })))
    .onConflictDoNothing({ target: plans.key });
  await db
    .insert(models)
    .values(
      MODEL_CATALOG.map((m) => {
        const { contextWindow, ...prices } = catalogPrices(m);
        return { id: `${m.provider}/${m.providerModel}`, provider: m.provider, providerModel: m.providerModel, tier: m.tier, contextWindow, ...prices };
      }),
    )
    .onConflictDoNothing({ target: models.id });
}
