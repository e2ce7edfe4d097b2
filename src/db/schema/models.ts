import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ModelTier } from './plans.js';

/** The model catalog: prices per million tokens in integer micro-dollars; operators override. */
export const models = pgTable('models', {
  id: text('id').primaryKey(), // "<provider>/<provider model id>"
  provider: text('provider').notNull(),
  providerModel: text('provider_model').notNull(),
  tier: text('tier').$type<ModelTier>().notNull(),
  inputMicrosPerMTok: bigint('input_micros_per_mtok', { mode: 'number' }).notNull(),
  outputMicrosPerMTok: bigint('output_micros_per_mtok', { mode: 'number' }).notNull(),
  cachedInputMicrosPerMTok: bigint('cached_input_micros_per_mtok', { mode: 'number' }),
  contextWindow: integer('context_window'),
  priceSource: text('price_source').$type<'catalog' | 'operator'>().notNull().default('catalog'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ModelRow = typeof models.$inferSelect;
