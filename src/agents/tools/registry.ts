import { tool, type Tool } from 'ai';
import { z } from 'zod';
import { evaluateExpression } from './calculator.js';

/**
 * The built-in tools an agent may be given. A tool is a plain typed function: add one here and
 * it can be named in an agent's `tools`.
 */
export const TOOLS = {
  calculator: tool({
    description: 'Evaluate an arithmetic expression with + - * / % ^ and parentheses.',
    inputSchema: z.object({ expression: z.string().min(1).max(500).describe('e.g. (12.5 * 4) / 3') }),
    execute: async ({ expression }) => {
      try {
        return { result: evaluateExpression(expression) };
      } catch (err) {
        return { error: (err as Error).message };
      }
    },
  }),
  current_time: tool({
    description: 'The current date and time in UTC, as ISO 8601.',
    inputSchema: z.object({}),
    execute: async () => ({ now: new Date().toISOString() }),
  }),
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;
export const TOOL_NAMES = Object.keys(TOOLS) as [ToolName, ...ToolName[]];

export function toolsFor(names: string[]): Partial<Record<ToolName, Tool>> {
  return Object.fromEntries(names.filter((n): n is ToolName => n in TOOLS).map((n) => [n, TOOLS[n]]));
}
