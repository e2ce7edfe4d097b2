/** Tools an agent may be given. The registry behind them grows with the runAgent pipeline. */
export const TOOL_NAMES = ['calculator', 'current_time'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];
