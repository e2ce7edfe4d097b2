import type { BudgetWindow, UsageLine, WindowKind } from '../../budgets/index.js';
import type { CachedAnswer } from '../../cache/response-cache.js';
import type { Actor, TenantContext } from '../../context.js';
import type { AlertThresholds, PlanRow, TenantRow, UserRow } from '../../db/schema/index.js';
import type { AlertDraft } from '../../ledger/index.js';
import { newId } from '../../lib/ids.js';
import { microsToUsd } from '../../pricing/index.js';
import type { RunRecord } from '../run-record.js';

export type RunLimitKind = 'TOOL_CALLS' | 'TOKENS' | 'DURATION' | 'COST';

/** The union `runAgent` answers with: every member carries the run record. */
export type RunAgentResult =
  | {
      __typename: 'AgentRunCompleted';
      run: RunRecord;
      output: string;
      /** The caller's own tools to run (the OpenAI-compatible door): the run continues with their results. */
      toolCalls?: ToolCallHandoff[];
      /** The answer stopped at its output cap. */
      truncated?: boolean;
    }
  | {
      __typename: 'BudgetExceeded';
      run: RunRecord;
      code: 'BUDGET_EXCEEDED';
      message: string;
      window: WindowKind;
      unit: 'TOKENS' | 'USD';
      limit: number;
      used: number;
      resetsAt: Date;
      upgradeOptions: PlanRow[];
      canUpgrade: boolean;
      /** What a tool loop produced before the budget ran out (and was charged for). */
      partialOutput?: string;
    }
  | {
      __typename: 'RunLimitExceeded';
      run: RunRecord;
      code: 'RUN_LIMIT_EXCEEDED';
      message: string;
      kind: RunLimitKind;
      partialOutput: string | null;
    }
  | {
      __typename: 'ProviderUnavailable';
      run: RunRecord;
      code: 'PROVIDER_UNAVAILABLE';
      message: string;
      retryAfterSeconds: number;
    }
  /** The caller went away (its signal fired): nobody reads this, but the run and its charge are recorded. */
  | { __typename: 'RunCanceled'; run: RunRecord };

/** The members a caller who waited for the answer can get (the GraphQL union). */
export type DeliveredResult = Exclude<RunAgentResult, { __typename: 'RunCanceled' }>;

/** A completed run that ends by asking the caller to run its own tools (the OpenAI-compatible door). */
export type ToolCallHandoff = { id: string; name: string; arguments: string };

const fmt = (n: number) => n.toLocaleString('en-US');

/** A refusal for a window, with what would lift it. */
export function budgetExceeded(
  run: RunRecord,
  window: BudgetWindow,
  used: number,
  upgrades: { plans: PlanRow[]; canUpgrade: boolean },
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
export function upgradeOptions(all: PlanRow[], current: PlanRow, window: Pick<BudgetWindow, 'kind'>): PlanRow[] {
  const limitOf = (p: PlanRow) =>
    ({
      USER_DAILY: p.userDailyTokenLimit,
      USER_MONTHLY: p.userMonthlyTokenLimit,
      TENANT_MONTHLY: p.tenantMonthlyTokenLimit,
      TENANT_SPEND: p.tenantMonthlySpendLimitMicros,
    })[window.kind];
  return all.filter((p) => p.rank > current.rank && limitOf(p) > limitOf(current));
}

const WINDOW_NAMES: Record<WindowKind, string> = {
  USER_DAILY: 'daily token',
  USER_MONTHLY: 'monthly token',
  TENANT_MONTHLY: "organization's monthly token",
  TENANT_SPEND: "organization's monthly spend",
};

/**
 * A MEMBER stopped by a limit that a higher plan would lift, at admission or mid-run: a note for the
 * tenant's admins (who, which window), once per window period. The user acting decides, whichever key
 * acts for them (a service key acting for a MEMBER counts). It travels in a ledger entry, so the
 * request path writes nothing to Postgres.
 */
export function upgradeSuggestion(
  actor: Pick<Actor, 'tenantId'>,
  user: Pick<UserRow, 'id' | 'email' | 'role'> | null,
  refusal: Extract<RunAgentResult, { __typename: 'BudgetExceeded' }>,
  window: Pick<BudgetWindow, 'periodStart'>,
): AlertDraft[] {
  if (user?.role !== 'MEMBER' || !refusal.upgradeOptions.length) return [];
  const period = window.periodStart.toISOString().slice(0, refusal.window === 'USER_DAILY' ? 10 : 7);
  const unit = refusal.unit === 'USD' ? ' USD' : ' tokens';
  return [
    {
      id: newId('alert'),
      tenantId: actor.tenantId,
      kind: 'UPGRADE_SUGGESTED',
      subjectUserId: user.id,
      periodKey: `${refusal.window}:${period}:${user.id}`,
      value: refusal.used,
      threshold: refusal.limit,
      message: `${user.email} reached the ${WINDOW_NAMES[refusal.window]} limit (${refusal.used.toLocaleString('en-US')} of ${refusal.limit.toLocaleString('en-US')}${unit}); the ${refusal.upgradeOptions[0]!.name} plan would lift it.`,
      createdAt: refusal.run.createdAt,
    },
  ];
}

/** The article's alert thresholds, each overridable per tenant (updateTenant's alertThresholds). */
export const DEFAULT_THRESHOLDS: Required<AlertThresholds> = {
  dailySpendMultiplier: 2,
  userBudgetSharePercent: 10,
  runCostUsd: 1,
};

export const thresholdsOf = (tenant: Pick<TenantRow, 'alertThresholds'>): Required<AlertThresholds> => ({
  ...DEFAULT_THRESHOLDS,
  ...tenant.alertThresholds,
});

/**
 * RUN_COST, once per run (period key: the run id), raised in the settlement's own ledger entry so
 * that a process dying after the charge cannot lose it. A run spanning calls is checked at each
 * call against its cost so far.
 */
export function runCostAlert(tenant: Pick<TenantRow, 'alertThresholds'>, run: RunRecord): AlertDraft[] {
  const limit = thresholdsOf(tenant).runCostUsd;
  const usd = run.costMicros / 1_000_000;
  if (usd <= limit) return [];
  return [
    {
      id: newId('alert'),
      tenantId: run.tenantId,
      kind: 'RUN_COST',
      subjectUserId: run.userId,
      periodKey: `run:${run.id}`,
      runId: run.id,
      value: usd,
      threshold: limit,
      message: `A run cost $${usd.toFixed(4)}, over the $${limit} alert threshold.`,
      createdAt: run.createdAt,
    },
  ];
}

/** The tenant label of a run's metrics: only when the operator turned it on (METRICS_TENANT_LABEL). */
export const tenantLabel = (ctx: TenantContext): { tenant?: string } =>
  ctx.deps.config.metrics.tenantLabel ? { tenant: ctx.actor.tenantId } : {};

/**
 * A call's outcome on /metrics, once per call (a run spanning calls counts each of its calls): its
 * status, latency and Governor's own time, its run's cost so far, the degradations it took, and the
 * budget window or run limit that stopped it, read off the outcome that carries the decision. No
 * result: the call failed with a fault (counted FAILED). Increments only, nothing awaited.
 */
export function countOutcome(
  ctx: TenantContext,
  result: RunAgentResult | undefined,
  time: { wallMs: number; providerMs: number },
): void {
  const { metrics } = ctx.deps;
  const tenant = tenantLabel(ctx);
  const status = result?.run.status ?? 'FAILED';
  const outcome = status.toLowerCase();
  metrics.latency.observe({ outcome }, time.wallMs / 1000);
  metrics.overhead.observe({ outcome }, (time.wallMs - time.providerMs) / 1000);
  metrics.runs.inc({ status, ...tenant });
  if (!result) return;
  metrics.runCost.observe(tenant, result.run.costMicros / 1_000_000);
  for (const kind of result.run.degradations) metrics.degradations.inc({ kind, ...tenant });
  switch (result.__typename) {
    case 'BudgetExceeded':
      metrics.budgetRefusals.inc({ window: result.window, ...tenant });
      return;
    case 'RunLimitExceeded':
      metrics.runLimitTrips.inc({ kind: result.kind, ...tenant });
      return;
    case 'AgentRunCompleted':
    case 'ProviderUnavailable':
    case 'RunCanceled':
      return;
    default:
      return result satisfies never;
  }
}

/** What a settlement charged, per line (kind of call and model): tokens, cost, and what routing saved. */
export function countUsage(ctx: TenantContext, lines: UsageLine[]): void {
  const { metrics } = ctx.deps;
  const tenant = tenantLabel(ctx);
  for (const line of lines) {
    const model = line.modelId ?? 'none';
    const at = { call: line.kind, model, ...tenant };
    metrics.tokens.inc({ kind: 'input', ...at }, line.inputTokens);
    metrics.tokens.inc({ kind: 'cached_input', ...at }, line.cachedInputTokens);
    metrics.tokens.inc({ kind: 'output', ...at }, line.outputTokens);
    metrics.costMicros.inc(at, line.costMicros);
    if (line.savedCostMicros) metrics.savedMicros.inc({ source: 'routing', model, ...tenant }, line.savedCostMicros);
  }
}

/** A response-cache hit: it saved what the cached answer cost, on the model that wrote it. */
export function countCacheHit(ctx: TenantContext, answer: Pick<CachedAnswer, 'modelId' | 'costMicros'>): void {
  const { metrics } = ctx.deps;
  const tenant = tenantLabel(ctx);
  metrics.cacheHits.inc({ cache: 'response', ...tenant });
  metrics.savedMicros.inc({ source: 'cache', model: answer.modelId, ...tenant }, answer.costMicros);
}
