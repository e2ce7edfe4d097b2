import type { TenantContext } from '../../auth/context.js';
import { countChatTokens } from '../../providers/tokens.js';
import { chargedSideCall } from './side-calls.js';
import type { ChatTurn, RunPlan } from './types.js';

const SUMMARIZER = 'Summarize this conversation so far in at most 150 words. Keep facts, decisions, names and numbers; drop pleasantries.';

/**
 * When the history exceeds the agent's context budget, the oldest turns are replaced by a summary
 * from the cheap model (cached by their hash, its tokens charged). The newest turns that fit in
 * half the budget are kept word for word. Without a summary, the oldest turns are dropped.
 */
export async function compressHistory(ctx: TenantContext, plan: RunPlan): Promise<{ history: ChatTurn[]; compressed: boolean }> {
  const budget = plan.agent.contextTokenBudget;
  if (countChatTokens(plan.history) <= budget) return { history: plan.history, compressed: false };
  const kept: ChatTurn[] = [];
  for (let i = plan.history.length - 1; i >= 0; i--) {
    if (countChatTokens([plan.history[i]!, ...kept]) > budget / 2) break;
    kept.unshift(plan.history[i]!);
  }
  const older = plan.history.slice(0, plan.history.length - kept.length);
  const transcript = older.map((t) => `${t.role}: ${t.content}`).join('\n');
  const summary = await chargedSideCall(ctx, plan, { kind: 'summary', system: SUMMARIZER, prompt: transcript.slice(0, 200_000), maxOutputTokens: 300 });
  const history: ChatTurn[] = summary ? [{ role: 'assistant', content: `Summary of our earlier conversation: ${summary}` }, ...kept] : kept;
  return { history, compressed: true };
}
