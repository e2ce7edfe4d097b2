import type { Degradation } from '../../budgets/index.js';
import type { ModelRow, RouteRecord } from '../../db/schema/index.js';
import type { RunAgentResult } from './outcome.js';

/**
 * What a run reports as it goes, in this order: `routed` and `admitted` before the first model
 * call (a cache hit: `routed`, then its answer), `degraded` with each degradation taken at
 * admission, then `delta` (text as it arrives, when streaming) and `tool_call`, and `ended` last,
 * always, with the outcome and the run record.
 */
export type RunEvent =
  /** `callId`: this call's own id (inside a run that spans calls, the call's; else the run's). */
  | { type: 'routed'; runId: string; callId: string; route: RouteRecord; model: ModelRow | null; cached: boolean }
  | { type: 'admitted'; runId: string; model: ModelRow; outputCap: number; degradations: Degradation[] }
  | { type: 'degraded'; degradation: Degradation }
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; id: string; name: string; arguments: string; client: boolean }
  | { type: 'ended'; result: RunAgentResult };

/** Reads a run's events to the end and answers its outcome: what a caller that does not stream wants. */
export async function collectRun(events: AsyncIterable<RunEvent>): Promise<RunAgentResult> {
  for await (const event of events) if (event.type === 'ended') return event.result;
  throw new Error('invariant: a run ended without its outcome');
}
