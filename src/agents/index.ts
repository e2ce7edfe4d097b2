export {
  archiveAgent,
  createAgent,
  getAgent,
  insertAgent,
  listAgents,
  prepareAgent,
  updateAgent,
} from './definitions.js';
export { TOOL_NAMES, TOOLS, toolsFor, type ToolName } from './tools/registry.js';
export { collectRun, type RunEvent } from './run/events.js';
export { DEFAULT_THRESHOLDS, thresholdsOf } from './run/outcome.js';
export type { DeliveredResult, RunAgentResult, RunLimitKind, ToolCallHandoff } from './run/outcome.js';
export type { RunOptions } from './run/pipeline.js';
export { agentRefSchema, outputCapSchema } from './run/request.js';
export type { ChatMessage, ClientTool, RunRequest, ToolCallRef, ToolChoice } from './run/request.js';
export { clearExpiredReplays, startReplaySweep } from './replays.js';
export { runAgent, runAgentEvents, streamAgentRun, type RunStreamEvent } from './run/run-agent.js';
export type { RunRecord } from './run-record.js';
export { findAgents, listAgentRuns, runOutcomes, toRunRecord, type RunOutcomeCount } from './runs.js';
export { findRatings, listRoutingAdjustments, rateRun } from './routing-feedback.js';
export { routePreview, type RoutePreviewView } from './route-preview.js';
export { agentThreshold, routingCalibration } from './run/routing.js';
