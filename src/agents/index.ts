export { archiveAgent, createAgent, getAgent, insertAgent, listAgents, prepareAgent, updateAgent } from './definitions.js';
export { TOOL_NAMES } from './tool-names.js';
