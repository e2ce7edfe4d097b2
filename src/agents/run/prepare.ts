import { z } from 'zod';
import type { TenantContext } from '../../auth/context.js';
import { budgetWindows } from '../../budgets/windows.js';
import type { ModelRow } from '../../db/schema/index.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { idSchema, optional, parseInput, textSchema } from '../../lib/validation.js';
import { countMessageTokens } from '../../providers/tokens.js';
import type { ChatTurn, RunPlan } from './types.js';

const content = textSchema(100_000);
const RunAgentInput = z.object({
  agent: z.string().trim().min(1, 'must not be empty').max(64),
  message: content.refine((m) => m.trim().length > 0, 'must not be blank'),
  history: optional(
    z
      .array(z.object({ role: z.enum(['USER', 'ASSISTANT']), content }))
      .max(200, 'must be at most 200 turns')
      .refine((h) => h.reduce((n, t) => n + t.content.length, 0) <= 1_000_000, 'must be at most 1,000,000 characters in all'),
  ),
  userId: optional(idSchema),
  maxOutputTokens: optional(z.number().int().min(1, 'must be at least 1').max(32_768, 'must be at most 32,768')),
  cache: optional(z.enum(['USE', 'BYPASS', 'REFRESH'])),
  routing: optional(z.enum(['AUTO', 'CHEAP', 'STRONG'])),
});

/** Validates the input and resolves who runs what under which plan, before anything is spent. */
export async function prepareRun(ctx: TenantContext, input: unknown): Promise<RunPlan> {
  const data = parseInput(RunAgentInput, input);
  const { actor, deps } = ctx;
  if (data.userId && actor.kind === 'USER' && data.userId !== actor.userId) {
    throw forbidden('Only a service key may run an agent for another user.');
  }
  const subjectId = data.userId ?? actor.userId;
  // In-process lookups: the request path does not touch the database.
  const [tenant, user, agent] = await Promise.all([
    deps.lookups.tenant(actor.tenantId),
    subjectId ? deps.lookups.user(actor.tenantId, subjectId) : Promise.resolve(null),
    deps.lookups.agent(actor.tenantId, data.agent),
  ]);
  if (!tenant) throw notFound('Tenant');
  if (!agent) throw notFound('Agent');
  if (subjectId && !user) throw notFound('User');
  if (user && user.status !== 'ACTIVE') throw forbidden('The user is disabled.');
  if (agent.archivedAt) throw conflict('The agent is archived and cannot run.');
  const plan = await deps.plans.byId(tenant.planId);
  const model = async (id: string): Promise<ModelRow> => {
    const m = await deps.models.byId(id);
    if (!m) throw new Error(`agent ${agent.id} names unknown model ${id}`);
    return m;
  };
  const models = {
    cheap: await model(agent.cheapModelId),
    strong: await model(agent.strongModelId),
    local: agent.localModelId ? await model(agent.localModelId) : undefined,
  };
  const now = deps.clock.now();
  const history = (data.history ?? []).map((t): ChatTurn => ({ role: t.role === 'USER' ? 'user' : 'assistant', content: t.content }));
  return {
    runId: newId('run', now.getTime()),
    tenant,
    plan,
    user: user ?? null,
    apiKeyId: actor.keyId,
    agent,
    models,
    message: data.message,
    history,
    turnTokens: history.map((t) => countMessageTokens(t.content)),
    messageTokens: countMessageTokens(data.message),
    maxOutputTokens: Math.min(data.maxOutputTokens ?? deps.config.defaultMaxOutputTokens, plan.maxTokensPerRun),
    cache: data.cache ?? 'USE',
    routing: data.routing ?? 'AUTO',
    windows: budgetWindows(tenant.id, plan, user ?? null, now),
    startedAt: now.getTime(),
    providerMs: 0,
  };
}
