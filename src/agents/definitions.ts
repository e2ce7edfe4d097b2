import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type TenantContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { agents, CACHE_SCOPES, ROUTING_STRATEGIES, routingAdjustments, type AgentRow } from '../db/schema/index.js';
import type { ModelCatalog } from '../pricing/model-catalog.js';
import { badInput, conflict, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import {
  idSchema,
  nameSchema,
  optional,
  parseInput,
  safeString,
  slugify,
  slugSchema,
  textSchema,
} from '../lib/validation.js';
import { agentRefSchema } from './run/request.js';
import { TOOL_NAMES } from './tools/registry.js';

const instructionsSchema = safeString().trim().pipe(textSchema(100_000));

/** Settings with a default: optional on create and on update alike. */
const settings = {
  routing: optional(z.enum(ROUTING_STRATEGIES)),
  cheapModel: optional(idSchema),
  strongModel: optional(idSchema),
  localModel: optional(idSchema),
  cacheTtlSeconds: optional(
    z
      .number()
      .int()
      .min(0, 'must be 0 (no caching) or more')
      .max(30 * 86_400, 'must be at most 30 days'),
  ),
  contextTokenBudget: optional(
    z.number().int().min(256, 'must be at least 256').max(1_000_000, 'must be at most 1,000,000'),
  ),
  tools: optional(
    z
      .array(z.enum(TOOL_NAMES, { error: `must be one of: ${TOOL_NAMES.join(', ')}` }))
      .max(32)
      .refine((t) => new Set(t).size === t.length, 'must not repeat a tool'),
  ),
  storeTranscripts: optional(z.boolean()),
  cacheScope: optional(z.enum(CACHE_SCOPES)),
  // null clears (on update); absent keeps.
  routingThreshold: z.number().min(0, 'must be 0 to 1').max(1, 'must be 0 to 1').nullish(),
  strongShareTarget: z.number().min(0.01, 'must be 0.01 to 0.99').max(0.99, 'must be 0.01 to 0.99').nullish(),
  adaptiveRouting: optional(z.boolean()),
};

/** An agent routes by its own threshold or towards a strong share, not both. */
const oneRoutingTarget = (i: { routingThreshold?: number | null; strongShareTarget?: number | null }) =>
  i.routingThreshold == null || i.strongShareTarget == null;
const ONE_TARGET = {
  message: 'set routingThreshold or strongShareTarget, not both',
  path: ['strongShareTarget'],
};

const CreateAgentInput = z
  .object({
    name: nameSchema,
    slug: optional(slugSchema),
    instructions: instructionsSchema,
    ...settings,
  })
  .refine(oneRoutingTarget, ONE_TARGET);
type AgentFields = z.output<typeof CreateAgentInput>;
export type NewAgent = Pick<AgentFields, 'name' | 'instructions'> & Partial<AgentFields>;

export async function createAgent({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<AgentRow> {
  requireRole(ctx.actor, 'ADMIN');
  const values = await prepareAgent(ctx.deps, parseInput(CreateAgentInput, input));
  const row = await inTenant(ctx, (tx) => insertAgent(tx, ctx.actor.tenantId, values));
  await ctx.deps.lookups.invalidate({ kind: 'agents', tenantId: row.tenantId });
  return row;
}

type AgentValues = Omit<typeof agents.$inferInsert, 'id' | 'tenantId'>;

/**
 * Checks the models against the catalog and fills in defaults. Runs before the transaction:
 * the catalog reads outside it, which on the single-connection embedded database would deadlock.
 */
export async function prepareAgent(
  deps: { models: ModelCatalog; config: { defaultModels: { cheap: string; strong: string } } },
  data: NewAgent,
): Promise<AgentValues> {
  const cheapModelId = data.cheapModel ?? deps.config.defaultModels.cheap;
  const strongModelId = data.strongModel ?? deps.config.defaultModels.strong;
  await checkModels(deps.models, { cheapModel: cheapModelId, strongModel: strongModelId, localModel: data.localModel });
  return {
    slug: data.slug ?? slugify(data.name),
    name: data.name,
    instructions: data.instructions,
    routing: data.routing ?? 'HEURISTIC',
    cheapModelId,
    strongModelId,
    localModelId: data.localModel ?? null,
    cacheTtlSeconds: data.cacheTtlSeconds ?? 3600,
    contextTokenBudget: data.contextTokenBudget ?? 8000,
    tools: data.tools ?? [],
    storeTranscripts: data.storeTranscripts ?? false,
    cacheScope: data.cacheScope ?? 'TENANT',
    routingThreshold: data.routingThreshold ?? null,
    strongShareTarget: data.strongShareTarget ?? null,
    adaptiveRouting: data.adaptiveRouting ?? false,
  };
}

/** Shared with sign-up, which creates the `assistant` agent. */
export async function insertAgent(tx: Tx, tenantId: string, values: AgentValues): Promise<AgentRow> {
  try {
    const [row] = await tx
      .insert(agents)
      .values({ id: newId('agent'), tenantId, ...values })
      .returning();
    return row!;
  } catch (e) {
    if (uniqueViolation(e)) throw conflict('An active agent with this slug already exists.');
    throw e;
  }
}

async function checkModels(catalog: ModelCatalog, ids: Record<string, string | undefined>): Promise<void> {
  for (const [field, id] of Object.entries(ids)) {
    if (!id) continue;
    const model = await catalog.byId(id);
    if (!model) throw badInput(`Unknown model "${id}": see the models query.`, field);
    if (field === 'localModel' && model.tier !== 'LOCAL') throw badInput(`"${id}" is not a LOCAL model.`, field);
    // Plans allow model tiers: a STRONG model posing as the cheap one would slip past them.
    if (field === 'cheapModel' && model.tier === 'STRONG')
      throw badInput(`"${id}" is a STRONG model: the cheap model must be CHEAP or LOCAL.`, field);
  }
}

const UpdateAgentInput = z
  .object({
    id: idSchema,
    name: optional(nameSchema),
    instructions: optional(instructionsSchema),
    ...settings,
  })
  .refine(oneRoutingTarget, ONE_TARGET);

/**
 * Every change bumps the version, which is part of the response-cache key. Setting a threshold
 * clears the target and the other way round; either starts adaptive routing afresh.
 */
export async function updateAgent({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<AgentRow> {
  requireRole(ctx.actor, 'ADMIN');
  const { id, cheapModel, strongModel, localModel, routingThreshold, strongShareTarget, ...rest } = parseInput(
    UpdateAgentInput,
    input,
  );
  const routing =
    routingThreshold !== undefined || strongShareTarget !== undefined
      ? {
          routingThreshold:
            routingThreshold !== undefined ? routingThreshold : strongShareTarget != null ? null : undefined,
          strongShareTarget:
            strongShareTarget !== undefined ? strongShareTarget : routingThreshold != null ? null : undefined,
        }
      : undefined;
  await checkModels(ctx.deps.models, { cheapModel, strongModel, localModel });
  const updated = await inTenant(ctx, async (tx) => {
    const reset = routing ? await resetsAdaptation(tx, ctx.actor.tenantId, id, routing, ctx.deps.clock.now()) : {};
    const [row] = await tx
      .update(agents)
      .set({
        ...rest,
        ...routing,
        ...reset,
        cheapModelId: cheapModel,
        strongModelId: strongModel,
        localModelId: localModel,
        version: sql`${agents.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(agents.tenantId, ctx.actor.tenantId), eq(agents.id, id), isNull(agents.archivedAt)))
      .returning();
    if (row) return row;
    const [archived] = await tx
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.tenantId, ctx.actor.tenantId), eq(agents.id, id)));
    throw archived ? conflict('The agent is archived and cannot be changed.') : notFound('Agent');
  });
  await ctx.deps.lookups.invalidate({ kind: 'agents', tenantId: updated.tenantId });
  return updated;
}

/**
 * A new threshold or target starts adaptive routing afresh: what it had moved is dropped, and the
 * drop recorded with its other changes. Setting what is already set changes nothing.
 */
async function resetsAdaptation(
  tx: Tx,
  tenantId: string,
  id: string,
  next: { routingThreshold?: number | null; strongShareTarget?: number | null },
  now: Date,
): Promise<{ routingAdjustment?: number }> {
  const [current] = await tx
    .select()
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), eq(agents.id, id)))
    .for('update');
  if (!current || current.routingAdjustment === 0) return {};
  const changed = (['routingThreshold', 'strongShareTarget'] as const).some(
    (k) => next[k] !== undefined && next[k] !== current[k],
  );
  if (!changed) return {};
  await tx.insert(routingAdjustments).values({
    id: newId('routingAdjustment'),
    tenantId,
    agentId: id,
    fromAdjustment: current.routingAdjustment,
    toAdjustment: 0,
    reason: 'the routing threshold or target was set',
    createdAt: now,
  });
  return { routingAdjustment: 0 };
}

export async function archiveAgent({ ctx, input }: { ctx: TenantContext; input: { id: unknown } }): Promise<AgentRow> {
  requireRole(ctx.actor, 'ADMIN');
  const id = parseInput(idSchema, input.id);
  const archived = await inTenant(ctx, async (tx) => {
    const [row] = await tx
      .update(agents)
      .set({ archivedAt: sql`coalesce(${agents.archivedAt}, now())`, updatedAt: sql`now()` })
      .where(and(eq(agents.tenantId, ctx.actor.tenantId), eq(agents.id, id)))
      .returning();
    if (!row) throw notFound('Agent');
    return row;
  });
  await ctx.deps.lookups.invalidate({ kind: 'agents', tenantId: archived.tenantId });
  return archived;
}

export async function listAgents({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { includeArchived?: boolean | null };
}): Promise<AgentRow[]> {
  return inTenant(ctx, (tx) =>
    tx
      .select()
      .from(agents)
      .where(
        and(eq(agents.tenantId, ctx.actor.tenantId), input.includeArchived ? undefined : isNull(agents.archivedAt)),
      )
      .orderBy(asc(agents.id)),
  );
}

/** By id (archived ones too), or by slug (the active agent). */
export async function getAgent({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { idOrSlug: unknown };
}): Promise<AgentRow> {
  const key = parseInput(agentRefSchema, input.idOrSlug);
  const [row] = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(agents)
      .where(
        and(
          eq(agents.tenantId, ctx.actor.tenantId),
          key.startsWith('agt_')
            ? eq(agents.id, key)
            : and(eq(agents.slug, key.toLowerCase()), isNull(agents.archivedAt)),
        ),
      ),
  );
  if (!row) throw notFound('Agent');
  return row;
}
