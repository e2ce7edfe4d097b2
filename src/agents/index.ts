export { archiveAgent, createAgent, getAgent, insertAgent, listAgents, prepareAgent, updateAgent } from './definitions.js';
export { TOOL_NAMES, TOOLS, toolsFor, type ToolName } from './tools/registry.js';
