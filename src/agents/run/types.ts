import type { Reservation, RunRecord } from '../../budgets/index.js';
import type { BudgetWindow, WindowKind } from '../../budgets/windows.js';
import type { AgentRow, ModelRow, PlanRow, TenantRow, UserRow } from '../../db/schema/index.js';
import type { AgentModels, RoutingOverride } from '../../routing/index.js';
import type { CacheMode } from '../../cache/response-cache.js';

export type ChatTurn = { role: 'user' | 'assistant'; content: string };

/** Everything a run needs, resolved and validated before anything is spent. */
export type RunPlan = {
  runId: string;
  tenant: TenantRow;
  plan: PlanRow;
  user: UserRow | null;
  apiKeyId: string;
  agent: AgentRow;
  models: AgentModels;
  message: string;
  history: ChatTurn[];
  /** Each turn's tokens, counted once: the cache decision, compression and the estimate share them. */
  turnTokens: number[];
  messageTokens: number;
  maxOutputTokens: number;
  cache: CacheMode;
  routing: RoutingOverride;
  windows: BudgetWindow[];
  startedAt: number;
  /** Time spent waiting for providers, so the metrics can tell Governor's own time apart. */
  providerMs: number;
};

export type RunLimitKind = 'TOOL_CALLS' | 'TOKENS' | 'DURATION' | 'COST';

/** What the agent loop produced: tokens and cost so far, whichever way it ended. */
export type Execution = {
  output: string;
  model: ModelRow | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Exact cost, in millionths of a micro-dollar: rounded up once, at the end. */
  costNumerator: number;
  toolCalls: number;
  ended:
    | { kind: 'COMPLETED' }
    | { kind: 'RUN_LIMIT'; limit: RunLimitKind; message: string }
    | { kind: 'BUDGET_EXCEEDED'; window: BudgetWindow; used: number }
    | { kind: 'PROVIDER_UNAVAILABLE'; retryAfterSeconds: number; message: string }
    /** The budget store failed mid-run: what was spent is settled, then the fault is raised. */
    | { kind: 'STORE_UNAVAILABLE'; error: Error };
};

/** The union `runAgent` answers with: every member carries the run record. */
export type RunAgentResult =
  | { __typename: 'AgentRunCompleted'; run: RunRecord; output: string }
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
  | { __typename: 'RunLimitExceeded'; run: RunRecord; code: 'RUN_LIMIT_EXCEEDED'; message: string; kind: RunLimitKind; partialOutput: string | null }
  | { __typename: 'ProviderUnavailable'; run: RunRecord; code: 'PROVIDER_UNAVAILABLE'; message: string; retryAfterSeconds: number };

export type { Reservation };
