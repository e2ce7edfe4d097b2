import type { Degradation } from '../budgets/index.js';
import type { RouteRecord, RunCallRecord, RunStatus, StoredAgentRun } from '../db/schema/index.js';
import { toStorable } from '../lib/validation.js';
import type { PreparedRun } from './run/prepare.js';
import type { Spend } from './run/spend.js';

/**
 * One `agent_runs` row, refusals and failures included: what a run was, what it spent (its side
 * calls included, and itemised), and how it ended. Owned here; the outbox only carries it.
 */
export type RunRecord = StoredAgentRun;

export type RunFacts = {
  status: RunStatus;
  route: RouteRecord;
  modelId: string | null;
  cached?: boolean;
  degradations?: Degradation[];
  spend?: Spend;
  toolCalls?: number;
  savedCostMicros?: number;
  reason?: string | null;
  output?: string | null;
};

/** A charged run's idempotency: its key as scoped, the request's hash, and its answer to replay. */
export type RunIdempotency = { idempotencyKey: string; requestHash: string; replay: unknown };

/** The run record of a call, whatever its outcome. Prompts are kept only if the agent opts in. */
export function runRecord(run: PreparedRun, facts: RunFacts, endedAt: number): RunRecord {
  const usage = facts.spend?.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  const messages = run.request.messages.slice(0, -1);
  const span = run.span?.state;
  const started = span?.started ?? run.startedAt;
  return {
    id: recordId(run),
    tenantId: run.tenant.id,
    agentId: run.agent.id,
    userId: run.user?.id ?? null,
    apiKeyId: run.apiKeyId,
    status: facts.status,
    route: { ...facts.route },
    modelId: facts.modelId,
    cached: facts.cached ?? false,
    degradations: facts.degradations ?? [],
    ...usage,
    toolCalls: facts.toolCalls ?? 0,
    costMicros: facts.spend?.costMicros ?? 0,
    savedCostMicros: facts.savedCostMicros ?? facts.spend?.savedCostMicros ?? 0,
    durationMs: Math.max(0, Math.round(endedAt - started)),
    reason: facts.reason ? toStorable(facts.reason) : null,
    sideCalls: facts.spend?.sideCalls() ?? [],
    // Inputs were validated as storable; what a model wrote is made so.
    transcript: run.agent.storeTranscripts
      ? {
          ...(messages.length ? { messages } : {}),
          message: run.message,
          output: facts.output ? toStorable(facts.output) : null,
        }
      : null,
    idempotencyKey: null,
    requestHash: null,
    replay: null,
    calls: span ? { [run.runId]: callRecord(run, facts) } : {},
    endUser: run.request.endUser ?? null,
    createdAt: new Date(started).toISOString(),
  };
}

/** A run's record id: its own, or, for a call continuing a run, the run's. */
export const recordId = (run: PreparedRun) => run.span?.state.record ?? run.runId;

/** This call of a run that spans calls. */
function callRecord(run: PreparedRun, facts: RunFacts): RunCallRecord {
  const usage = facts.spend?.callUsage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  return {
    seq: run.span?.state.calls ?? 0,
    at: new Date(run.startedAt).toISOString(),
    status: facts.status,
    modelId: facts.modelId,
    toolCalls: Math.max(0, (facts.toolCalls ?? 0) - (run.span?.state.toolCalls ?? 0)),
    ...usage,
    costMicros: facts.spend?.callCostMicros ?? 0,
  };
}
