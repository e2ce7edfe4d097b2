import { budgetWindows, type BudgetWindow, type SpanState } from '../../budgets/index.js';
import type { TenantContext } from '../../context.js';
import type { AgentRow, ModelRow, PlanRow, TenantRow, UserRow } from '../../db/schema/index.js';
import { effectivePlan, refuseSuspended } from '../../billing/index.js';
import { badInput, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { countMessageTokens } from '../../providers/tokens.js';
import type { AgentModels } from '../../routing/index.js';
import { messageText, type ChatMessage, type RunRequest } from './request.js';

/** A request resolved and counted: who runs what under which plan, before anything is spent. */
export type PreparedRun = {
  runId: string;
  request: RunRequest;
  tenant: TenantRow;
  plan: PlanRow;
  user: UserRow | null;
  apiKeyId: string;
  agent: AgentRow;
  models: AgentModels;
  /** The caller's messages before its last user message: what compression may shorten. */
  history: ChatMessage[];
  /** From the last user message on: the request, and any tool results that answer it. */
  turn: ChatMessage[];
  /** The last user message: what routing reads. */
  message: string;
  /** Each history message's tokens, counted once: the cache decision, compression and the estimate share them. */
  historyTokens: number[];
  turnTokens: number;
  instructionTokens: number;
  /** The output cap asked for, within the plan's tokens per run. */
  maxOutputTokens: number;
  windows: BudgetWindow[];
  startedAt: number;
  /** A call continuing a run (a client-side tool loop): the run, as admission found it. */
  span?: RunSpan | undefined;
};

/** The run a call belongs to when runs span calls: its key and its totals before this call. */
export type RunSpan = { key: string; state: SpanState };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Resolves the caller, agent, plan and models (in-process lookups: no database on the request path). */
export async function prepareRun(ctx: TenantContext, request: RunRequest): Promise<PreparedRun> {
  const { actor, deps } = ctx;
  if (request.userId && actor.kind === 'USER' && request.userId !== actor.userId) {
    throw forbidden('Only a service key may run an agent for another user.');
  }
  const subjectId = request.userId ?? actor.userId;
  const [tenant, user, agent] = await Promise.all([
    deps.lookups.tenant(actor.tenantId),
    subjectId ? deps.lookups.user(actor.tenantId, subjectId) : Promise.resolve(null),
    deps.lookups.agent(actor.tenantId, request.agent),
  ]);
  if (!tenant) throw notFound('Tenant');
  if (!agent) throw notFound('Agent');
  if (subjectId && !user) throw notFound('User');
  if (user && user.status !== 'ACTIVE') throw forbidden('The user is disabled.');
  if (agent.archivedAt) throw conflict('The agent is archived and cannot run.');
  refuseSuspended(tenant);
  const plan = await effectivePlan(deps.plans, tenant, deps.clock.now());
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
  const last = request.messages.findLastIndex((m) => m.role === 'user');
  if (last < 0) throw badInput('The conversation needs a user message.', 'messages');
  const history = request.messages.slice(0, last);
  const turn = request.messages.slice(last);
  const now = deps.clock.now();
  return {
    runId: newId('run', now.getTime()),
    request,
    tenant,
    plan,
    user: user ?? null,
    apiKeyId: actor.keyId,
    agent,
    models,
    history,
    turn,
    message: turn[0]!.content,
    historyTokens: history.map((m) => countMessageTokens(messageText(m))),
    turnTokens: sum(turn.map((m) => countMessageTokens(messageText(m)))),
    instructionTokens: countMessageTokens(agent.instructions),
    maxOutputTokens: Math.min(request.maxOutputTokens ?? deps.config.defaultMaxOutputTokens, plan.maxTokensPerRun),
    windows: budgetWindows(tenant.id, plan, user ?? null, now),
    startedAt: now.getTime(),
  };
}

/** Tokens of the prompt as it would go out with this history: 3 for the reply's priming. */
export const promptTokens = (run: PreparedRun, historyTokens: number) =>
  3 + run.instructionTokens + historyTokens + run.turnTokens;

export const historyTokenTotal = (run: PreparedRun) => sum(run.historyTokens);
