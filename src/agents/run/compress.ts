import type { TenantContext } from '../../context.js';
import { countMessageTokens } from '../../providers/tokens.js';
import { historyTokenTotal, type PreparedRun } from './prepare.js';
import { messageText, type ChatMessage } from './request.js';
import { sideCall, type SideCallScope, type SideCallSpec } from './side-calls.js';

const SUMMARIZER =
  'Summarize this conversation so far in at most 150 words. Keep facts, decisions, names and numbers; drop pleasantries.';
const SUMMARY_TOKENS = 300;
const NOTE = 'Summary of our earlier conversation: ';

/**
 * How a history over the agent's context budget is shortened: its newest turns that fit in half
 * the budget are kept word for word (from a user message on, so a tool call keeps its result, and
 * the caller's system messages always), and the older ones are replaced by a summary.
 */
export type Compression = {
  summarized: ChatMessage[];
  /** The caller's system messages from the summarized part, kept as they are. */
  system: ChatMessage[];
  kept: ChatMessage[];
  keptTokens: number;
  spec: SideCallSpec;
  /** The history's tokens once compressed, at most: what admission holds for it. */
  estimatedTokens: number;
};

/** Undefined when the history fits as it is. */
export function planCompression(run: PreparedRun): Compression | undefined {
  if (historyTokenTotal(run) <= run.agent.contextTokenBudget) return undefined;
  const { history, historyTokens } = run;
  const half = run.agent.contextTokenBudget / 2;
  let tokens = 0;
  let from = history.length;
  let fromTokens = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]!.role === 'system') continue;
    if (tokens + historyTokens[i]! > half) break;
    tokens += historyTokens[i]!;
    if (history[i]!.role === 'user') [from, fromTokens] = [i, tokens];
  }
  const systemTokens = history.reduce((n, m, i) => (m.role === 'system' && i < from ? n + historyTokens[i]! : n), 0);
  const summarized = history.slice(0, from).filter((m) => m.role !== 'system');
  const system = history.slice(0, from).filter((m) => m.role === 'system');
  const kept = history.slice(from);
  const transcript = summarized.map((m) => `${m.role}: ${messageText(m)}`).join('\n');
  const spec = {
    kind: 'summary' as const,
    system: SUMMARIZER,
    prompt: transcript.slice(0, 200_000),
    maxOutputTokens: SUMMARY_TOKENS,
  };
  const keptTokens = fromTokens + systemTokens;
  return {
    summarized,
    system,
    kept,
    keptTokens,
    spec,
    estimatedTokens: keptTokens + SUMMARY_TOKENS + countMessageTokens(NOTE),
  };
}

/** The history to send: compressed when planned, with the summary's cost on the run. */
export async function compressHistory(
  ctx: TenantContext,
  run: PreparedRun,
  plan: Compression,
  scope: SideCallScope,
): Promise<{ history: ChatMessage[]; tokens: number; providerMs: number }> {
  const { text, providerMs } = await sideCall(ctx, run, plan.spec, scope);
  // Without a summary, the oldest turns are dropped.
  if (!text) return { history: [...plan.system, ...plan.kept], tokens: plan.keptTokens, providerMs };
  const note = `${NOTE}${text}`;
  const history: ChatMessage[] = [...plan.system, { role: 'assistant', content: note }, ...plan.kept];
  return { history, tokens: plan.keptTokens + countMessageTokens(note), providerMs };
}
