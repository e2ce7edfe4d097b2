import type { Db } from '../db/client.js';
import { models } from '../db/schema/index.js';
import { catalogPrices, MODEL_CATALOG } from './catalog.js';

/** Seeds the model catalog, priced from the price package. Existing rows are left alone: operators' prices win. */
export async function seedModels(db: Db): Promise<void> {
  await db
    .insert(models)
    .values(
      MODEL_CATALOG.map((m) => {
        const { contextWindow, ...prices } = catalogPrices(m);
        return {
          id: `${m.provider}/${m.providerModel}`,
          provider: m.provider,
          providerModel: m.providerModel,
          tier: m.tier,
          contextWindow,
          ...prices,
        };
      }),
    )
    .onConflictDoNothing({ target: models.id });
}
