export { archiveAgent, createAgent, getAgent, insertAgent, listAgents, prepareAgent, updateAgent } from './definitions.js';
export { TOOL_NAMES, TOOLS, toolsFor, type ToolName } from './tools/registry.js';
export { runAgent } from './run/run-agent.js';
export type { RunAgentResult } from './run/types.js';
export { findAgent, listAgentRuns } from './runs.js';
