import { tenantKey } from '../../lib/keys.js';
import { AppError, badInput, notFound } from '../../lib/errors.js';
import type { SpanRequest, SpanState, SpanStop } from '../../budgets/index.js';
import type { PreparedRun } from './prepare.js';
import type { ToolCallHandoff } from './outcome.js';

/**
 * Runs that span calls: a caller that runs its own tools (the Agents SDK does) makes one call per
 * step, and the per-run breakers must hold across them. A call continues a run when it names it
 * (X-Governor-Run-Id) or when its tool results answer tool calls Governor handed out, whose ids
 * carry the run: `call_gv_<run>_<n>`. A call that offers tools and continues nothing starts a run
 * of its own (its record's id is the run's), so that a client sending no header is still caught.
 */
const HANDED_OUT = /^call_gv_([A-Za-z0-9_-]{8,128})_(\d+)$/;

export const RUN_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** The run a call belongs to, if any: by name, by the tool calls it answers, or a new one. */
export function spanKeyOf(run: PreparedRun): string | undefined {
  if (run.request.runId) return run.request.runId;
  const answered = new Set(
    run.turn.flatMap((m) => {
      if (m.role !== 'tool') return [];
      const found = HANDED_OUT.exec(m.toolCallId)?.[1];
      return found ? [found] : [];
    }),
  );
  if (answered.size > 1) throw badInput('These tool results answer the tool calls of different runs.', 'messages');
  const [answeredRun] = answered;
  if (answeredRun) return answeredRun;
  return run.request.tools?.length ? run.runId : undefined;
}

/** What admission checks the call against: the run's record, who may continue it, its limits. */
export function spanRequest(run: PreparedRun, key: string): SpanRequest {
  const { plan } = run;
  return {
    key: tenantKey(run.tenant.id, 'run', key),
    seenKey: tenantKey(run.tenant.id, 'run-seen', key),
    // Tenant by the key's hash tag; within it, the acting user (or service key) and the agent.
    scope: `${run.user ? run.user.id : `key:${run.apiKeyId}`}/${run.agent.id}`,
    recordId: run.runId,
    // A run lives as long as its time limit allows, and a minute more for its last settlement.
    ttlMs: (plan.maxDurationSeconds + 60) * 1000,
    limits: {
      toolCalls: plan.maxToolCalls,
      tokens: plan.maxTokensPerRun,
      costMicros: plan.maxCostPerRunMicros,
      durationMs: plan.maxDurationSeconds * 1000,
    },
  };
}

/** The tool calls handed to the caller, renamed so that their results lead back to the run. */
export const handOut = (calls: ToolCallHandoff[], key: string, before: number): ToolCallHandoff[] =>
  calls.map((c, i) => ({ ...c, id: `call_gv_${key}_${before + i}` }));

/** A run that cannot be continued: expired (409) or not the caller's (404); a stopped one is data. */
export function refusedSpan(reason: SpanStop | 'EXPIRED' | 'FOREIGN'): AppError | undefined {
  if (reason === 'EXPIRED') {
    const message = 'This run has expired: start a new one (a new run id, or no tool results from the old one).';
    return new AppError('CONFLICT', message, { reason: 'RUN_EXPIRED' });
  }
  if (reason === 'FOREIGN') return notFound('Run');
  return undefined;
}

export const STOP_MESSAGES = {
  TOOL_CALLS: (p: PreparedRun['plan']) => `The run made more than ${p.maxToolCalls} tool calls.`,
  TOKENS: (p: PreparedRun['plan']) => `The run reached its limit of ${p.maxTokensPerRun} tokens.`,
  COST: (p: PreparedRun['plan']) => `The run reached its cost limit of $${p.maxCostPerRunMicros / 1e6}.`,
  DURATION: (p: PreparedRun['plan']) => `The run reached its limit of ${p.maxDurationSeconds} seconds.`,
} as const satisfies Record<SpanStop, (p: PreparedRun['plan']) => string>;

export type { SpanState };
