import type { Db } from '../db/client.js';
import { plans } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import { DEFAULT_RUN_LIMITS, SEED_PLANS } from './catalog.js';

/** Seeds the plans. Existing rows are left alone: operators' edits win. */
export async function seedPlans(db: Db): Promise<void> {
  await db
    .insert(plans)
    .values(SEED_PLANS.map((p) => ({ id: newId('plan'), ...DEFAULT_RUN_LIMITS, ...p })))
    .onConflictDoNothing({ target: plans.key });
}
