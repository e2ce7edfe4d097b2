import type { RunRecord } from '../../budgets/index.js';
import type { BudgetWindow } from '../../budgets/windows.js';
import type { RouteRecord, RunStatus } from '../../db/schema/index.js';
import { toStorable } from '../../lib/validation.js';
import { microsToUsd } from '../../pricing/index.js';
import type { Execution, RunAgentResult, RunPlan } from './types.js';

export type RunFacts = {
  status: RunStatus;
  route: RouteRecord;
  modelId: string | null;
  cached?: boolean;
  degradations?: string[];
  usage?: { inputTokens: number; outputTokens: number; cachedInputTokens: number };
  toolCalls?: number;
  costMicros?: number;
  savedCostMicros?: number;
  reason?: string | null;
  output?: string | null;
};

/** The `agent_runs` row of a call, whatever its outcome. Prompts are kept only if the agent opts in. */
export function runRecord(plan: RunPlan, facts: RunFacts, endedAt: number): RunRecord {
  return {
    id: plan.runId,
    tenantId: plan.tenant.id,
    agentId: plan.agent.id,
    userId: plan.user?.id ?? null,
    apiKeyId: plan.apiKeyId,
    status: facts.status,
    route: { strategy: facts.route.strategy, complexity: facts.route.complexity, confidence: facts.route.confidence, reason: facts.route.reason, tier: facts.route.tier },
    modelId: facts.modelId,
    cached: facts.cached ?? false,
    degradations: facts.degradations ?? [],
    inputTokens: facts.usage?.inputTokens ?? 0,
    outputTokens: facts.usage?.outputTokens ?? 0,
    cachedInputTokens: facts.usage?.cachedInputTokens ?? 0,
    toolCalls: facts.toolCalls ?? 0,
    costMicros: facts.costMicros ?? 0,
    savedCostMicros: facts.savedCostMicros ?? 0,
    durationMs: Math.max(0, Math.round(endedAt - plan.startedAt)),
    reason: facts.reason ? toStorable(facts.reason) : null,
    // Inputs were validated as storable; what a model wrote is made so.
    transcript: plan.agent.storeTranscripts ? { history: plan.history, message: plan.message, output: facts.output ? toStorable(facts.output) : null } : null,
    createdAt: new Date(plan.startedAt).toISOString(),
  };
}

export const STATUS_OF = {
  COMPLETED: 'COMPLETED',
  RUN_LIMIT: 'RUN_LIMIT',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  PROVIDER_UNAVAILABLE: 'FAILED',
  STORE_UNAVAILABLE: 'FAILED',
} as const satisfies Record<Execution['ended']['kind'], RunStatus>;

const fmt = (n: number) => n.toLocaleString('en-US');

/** A refusal for a window, with what would lift it. */
export function budgetExceeded(
  plan: RunPlan,
  run: RunRecord,
  window: BudgetWindow,
  used: number,
  upgrades: { plans: RunPlan['plan'][]; canUpgrade: boolean },
  partialOutput: string | null,
): Extract<RunAgentResult, { __typename: 'BudgetExceeded' }> {
  const usd = window.unit === 'USD';
  const limit = usd ? microsToUsd(window.limit) : window.limit;
  const usedValue = usd ? microsToUsd(used) : used;
  const what = {
    USER_DAILY: 'your daily tokens',
    USER_MONTHLY: 'your monthly tokens',
    TENANT_MONTHLY: "your organization's monthly token pool",
    TENANT_SPEND: "your organization's monthly spend cap",
  }[window.kind];
  const amount = usd ? `$${usedValue.toFixed(2)} of $${limit.toFixed(2)}` : `${fmt(usedValue)} of ${fmt(limit)}`;
  return {
    __typename: 'BudgetExceeded',
    run,
    code: 'BUDGET_EXCEEDED',
    message: `This request does not fit in ${what} (${amount} used); it resets at ${window.resetsAt.toISOString()}.`,
    window: window.kind,
    unit: window.unit,
    limit,
    used: usedValue,
    resetsAt: window.resetsAt,
    upgradeOptions: upgrades.plans,
    canUpgrade: upgrades.canUpgrade,
    ...(partialOutput ? { partialOutput } : {}),
  };
}

/** Higher plans whose limit for this window is higher than the current one. */
export function upgradeOptions(all: RunPlan['plan'][], current: RunPlan['plan'], window: BudgetWindow): RunPlan['plan'][] {
  const limitOf = (p: RunPlan['plan']) =>
    ({
      USER_DAILY: p.userDailyTokenLimit,
      USER_MONTHLY: p.userMonthlyTokenLimit,
      TENANT_MONTHLY: p.tenantMonthlyTokenLimit,
      TENANT_SPEND: p.tenantMonthlySpendLimitMicros,
    })[window.kind];
  return all.filter((p) => p.rank > current.rank && limitOf(p) > limitOf(current));
}
