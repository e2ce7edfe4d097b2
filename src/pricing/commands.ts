import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OperatorContext } from '../context.js';
import { models, type ModelRow } from '../db/schema/index.js';
import { forbidden, notFound } from '../lib/errors.js';
import { idSchema, optional, parseInput } from '../lib/validation.js';

export const usdToMicros = (usd: number) => Math.round(usd * 1_000_000);
export const microsToUsd = (micros: number) => micros / 1_000_000;

const price = z.number().min(0, 'must not be negative').max(10_000, 'must be at most 10,000 USD per million tokens');
const SetModelPriceInput = z.object({
  modelId: idSchema,
  inputPricePerMTokUsd: price,
  outputPricePerMTokUsd: price,
  cachedInputPricePerMTokUsd: optional(price),
});

/** Operator only: overrides the catalog price; later seeding never overwrites it. */
export async function setModelPrice({ ctx, input }: { ctx: OperatorContext; input: unknown }): Promise<ModelRow> {
  if (!ctx.operator) throw forbidden('Setting model prices needs the operator token.');
  const data = parseInput(SetModelPriceInput, input);
  const [row] = await ctx.deps.db
    .update(models)
    .set({
      inputMicrosPerMTok: usdToMicros(data.inputPricePerMTokUsd),
      outputMicrosPerMTok: usdToMicros(data.outputPricePerMTokUsd),
      cachedInputMicrosPerMTok:
        data.cachedInputPricePerMTokUsd === undefined ? null : usdToMicros(data.cachedInputPricePerMTokUsd),
      priceSource: 'operator',
      updatedAt: sql`now()`,
    })
    .where(eq(models.id, data.modelId))
    .returning();
  if (!row) throw notFound('Model');
  // Every process prices runs from its cached catalog: all of them drop it now.
  await ctx.deps.lookups.invalidate({ kind: 'models' });
  return row;
}
