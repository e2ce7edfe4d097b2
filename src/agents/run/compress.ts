import type { TenantContext } from '../../auth/context.js';
import { countMessageTokens } from '../../providers/tokens.js';
import { chargedSideCall } from './side-calls.js';
import type { ChatTurn, RunPlan } from './types.js';

const SUMMARIZER = 'Summarize this conversation so far in at most 150 words. Keep facts, decisions, names and numbers; drop pleasantries.';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Whether the history fits the agent's context budget as it is. */
export const historyFits = (plan: RunPlan) => sum(plan.turnTokens) <= plan.agent.contextTokenBudget;

/**
 * When the history exceeds the agent's context budget, the oldest turns are replaced by a summary
 * from the cheap model (cached by their hash, its tokens charged). The newest turns that fit in
 * half the budget are kept word for word. Without a summary, the oldest turns are dropped.
 * Answers the history to send and its tokens.
 */
export async function compressHistory(ctx: TenantContext, plan: RunPlan): Promise<{ history: ChatTurn[]; tokens: number }> {
  if (historyFits(plan)) return { history: plan.history, tokens: sum(plan.turnTokens) };
  let keptTokens = 0;
  let first = plan.history.length;
  while (first > 0 && keptTokens + plan.turnTokens[first - 1]! <= plan.agent.contextTokenBudget / 2) keptTokens += plan.turnTokens[--first]!;
  const kept = plan.history.slice(first);
  const transcript = plan.history
    .slice(0, first)
    .map((t) => `${t.role}: ${t.content}`)
    .join('\n');
  const summary = await chargedSideCall(ctx, plan, { kind: 'summary', system: SUMMARIZER, prompt: transcript.slice(0, 200_000), maxOutputTokens: 300 });
  if (!summary) return { history: kept, tokens: keptTokens };
  const note = `Summary of our earlier conversation: ${summary}`;
  return { history: [{ role: 'assistant', content: note }, ...kept], tokens: keptTokens + countMessageTokens(note) };
}
