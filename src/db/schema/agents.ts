import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { models } from './models.js';
import { tenants } from './tenants.js';

export const ROUTING_STRATEGIES = ['HEURISTIC', 'CLASSIFIER', 'FIXED_CHEAP', 'FIXED_STRONG'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];
/** Who shares a cached answer: the whole tenant (a FAQ agent), or only the user who asked. */
export const CACHE_SCOPES = ['TENANT', 'USER'] as const;
export type CacheScope = (typeof CACHE_SCOPES)[number];

export const agents = pgTable(
  'agents',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    instructions: text('instructions').notNull(),
    version: integer('version').notNull().default(1),
    routing: text('routing').$type<RoutingStrategy>().notNull(),
    cheapModelId: text('cheap_model_id')
      .notNull()
      .references(() => models.id),
    strongModelId: text('strong_model_id')
      .notNull()
      .references(() => models.id),
    localModelId: text('local_model_id').references(() => models.id),
    cacheTtlSeconds: integer('cache_ttl_seconds').notNull(),
    contextTokenBudget: integer('context_token_budget').notNull(),
    tools: text('tools').array().notNull().default([]),
    storeTranscripts: boolean('store_transcripts').notNull().default(false),
    cacheScope: text('cache_scope').$type<CacheScope>().notNull().default('TENANT'),
    /** Routing: an explicit threshold on the difficulty score, or a strong-share target (not both). */
    routingThreshold: doublePrecision('routing_threshold'),
    strongShareTarget: doublePrecision('strong_share_target'),
    /** BAD ratings of cheap answers move the target (or the threshold) by `routingAdjustment`. */
    adaptiveRouting: boolean('adaptive_routing').notNull().default(false),
    routingAdjustment: doublePrecision('routing_adjustment').notNull().default(0),
    routingAdjustedAt: timestamp('routing_adjusted_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('agents_tenant_id_id_key').on(t.tenantId, t.id),
    // An archived agent frees its slug; runs keep pointing at it by id.
    uniqueIndex('agents_tenant_slug_active_key')
      .on(t.tenantId, t.slug)
      .where(sql`archived_at is null`),
    index('agents_tenant_idx').on(t.tenantId, t.id),
  ],
);
export type AgentRow = typeof agents.$inferSelect;

/** A change adaptive routing made to an agent: recorded, so that it can be seen and undone. */
export const routingAdjustments = pgTable(
  'routing_adjustments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    agentId: text('agent_id').notNull(),
    /** The adjustment before and after (what the target gained, or the threshold lost). */
    fromAdjustment: doublePrecision('from_adjustment').notNull(),
    toAdjustment: doublePrecision('to_adjustment').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_adjustments_agent_idx').on(t.tenantId, t.agentId, t.createdAt)],
);
export type RoutingAdjustmentRow = typeof routingAdjustments.$inferSelect;
