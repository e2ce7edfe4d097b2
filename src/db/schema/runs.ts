import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agents, type RoutingStrategy } from './agents.js';
import { models } from './models.js';
import type { ModelTier } from './plans.js';
import { tenants } from './tenants.js';

/** CANCELED: the caller went away mid-run; what was generated until then is charged. */
export const RUN_STATUSES = ['COMPLETED', 'CACHED', 'BUDGET_EXCEEDED', 'RUN_LIMIT', 'FAILED', 'CANCELED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RouteRecord = {
  strategy: RoutingStrategy;
  complexity: 'SIMPLE' | 'COMPLEX';
  confidence: number;
  reason: string;
  tier: ModelTier;
  /** The difficulty score and the threshold it was held against (absent on runs recorded before them). */
  score?: number;
  threshold?: number;
  /** The caller left routing to Governor (AUTO): no pin. */
  auto?: boolean;
};

export const SIDE_CALL_KINDS = ['CLASSIFIER', 'SUMMARY'] as const;
export type SideCallKind = (typeof SIDE_CALL_KINDS)[number];
/** A completion Governor made for itself on the run's behalf (routing, compression), charged to it. */
export type SideCallRecord = {
  kind: SideCallKind;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
};

/** One call of a run that spans several (a client-side tool loop): what it did and spent. */
export type RunCallRecord = {
  /** The run's calls settled before this one (absent in records older than it). */
  seq?: number;
  at: string;
  status: RunStatus;
  modelId: string | null;
  toolCalls: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicros: number;
};

/** One row per runAgent call, refusals and failures included. */
export const agentRuns = pgTable(
  'agent_runs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    agentId: text('agent_id').notNull(),
    userId: text('user_id'),
    apiKeyId: text('api_key_id'),
    status: text('status').$type<RunStatus>().notNull(),
    route: jsonb('route').$type<RouteRecord>().notNull(),
    modelId: text('model_id').references(() => models.id),
    cached: boolean('cached').notNull().default(false),
    degradations: text('degradations').array().notNull().default([]),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    toolCalls: integer('tool_calls').notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    savedCostMicros: bigint('saved_cost_micros', { mode: 'number' }).notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    reason: text('reason'),
    /** Itemised side calls; their tokens and cost are included in the run's own totals. */
    sideCalls: jsonb('side_calls').$type<SideCallRecord[]>().notNull().default([]),
    transcript: jsonb('transcript'),
    /**
     * A charged run called with an idempotency key: the key (scoped to the acting user), the hash of
     * the request, and its answer for a replay, kept 24 h (then cleared) whatever storeTranscripts says.
     */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    replay: jsonb('replay'),
    /** A run spanning calls: each call, by its reservation id (merging is idempotent). Empty otherwise. */
    calls: jsonb('calls').$type<Record<string, RunCallRecord>>().notNull().default({}),
    /** OpenAI's opaque end-user label (a user key's `user`): recorded, never an identity. */
    endUser: text('end_user'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agent_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('agent_runs_tenant_user_idx').on(t.tenantId, t.userId, t.id),
    // The durable anchor of idempotency: a Redis wipe cannot make one key charge twice.
    uniqueIndex('agent_runs_idempotency_key')
      .on(t.tenantId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    // Replays are cleared after a day: the sweep reads only the rows that still hold one.
    index('agent_runs_replay_idx')
      .on(t.createdAt)
      .where(sql`replay is not null`),
    foreignKey({
      columns: [t.tenantId, t.agentId],
      foreignColumns: [agents.tenantId, agents.id],
      name: 'agent_runs_agent_fk',
    }),
  ],
);
export type AgentRunRow = typeof agentRuns.$inferSelect;
/** An agent_runs row as JSON carries it (the outbox, Redis streams): its time as an ISO string. */
export type StoredAgentRun = Omit<AgentRunRow, 'createdAt'> & { createdAt: string };

/** Append-only ledger: the source of truth for spend. `id` is the idempotency key. */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id'),
    agentId: text('agent_id'),
    runId: text('run_id'),
    modelId: text('model_id'),
    kind: text('kind').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    savedCostMicros: bigint('saved_cost_micros', { mode: 'number' }).notNull().default(0),
    /** The event that counts its run in usage reports (see UsageEvent.opensRun). */
    opensRun: boolean('opens_run').notNull().default(true),
    day: date('day').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('usage_events_tenant_user_day_idx').on(t.tenantId, t.userId, t.day),
    index('usage_events_tenant_day_idx').on(t.tenantId, t.day),
  ],
);
export type UsageEventRow = typeof usageEvents.$inferSelect;

export const RUN_RATINGS = ['GOOD', 'BAD'] as const;
export type RunRating = (typeof RUN_RATINGS)[number];

/**
 * One rating per run (a new one replaces it), from the run's user or an admin. It keeps the run's
 * facts that usage() groups by, so a rating counts even before its run reaches agent_runs.
 */
export const runRatings = pgTable(
  'run_ratings',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    runId: text('run_id').notNull(),
    rating: text('rating').$type<RunRating>().notNull(),
    comment: text('comment'),
    ratedBy: text('rated_by'),
    agentId: text('agent_id').notNull(),
    userId: text('user_id'),
    modelId: text('model_id'),
    tier: text('tier').$type<ModelTier>(),
    /** The router itself sent the run to a cheaper model: what adaptive routing learns from. */
    routedCheap: boolean('routed_cheap').notNull().default(false),
    /** Adaptive routing has weighed a rating of this run: a run teaches at most once, however re-rated. */
    taught: boolean('taught').notNull().default(false),
    runCreatedAt: timestamp('run_created_at', { withTimezone: true }).notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId] }),
    index('run_ratings_tenant_created_idx').on(t.tenantId, t.runCreatedAt),
  ],
);
export type RunRatingRow = typeof runRatings.$inferSelect;
