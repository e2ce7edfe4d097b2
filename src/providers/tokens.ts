import { countTokens as countBpe } from 'gpt-tokenizer';
import { memoByText } from '../lib/memo.js';

const CHUNK = /[\s\S]{1,1000}/gu;

/**
 * BPE token count in linear time. The tokenizer is quadratic in the length of a run without
 * spaces (90,000 CJK characters took 24 s in one piece); counting 1,000-character chunks takes
 * ~0.1 s and can only count a few tokens more at the seams, which errs on the side of reserving.
 * Texts counted again and again (an agent's instructions, a question the cache answers) are
 * counted once: 4,000 texts of at most 4,000 characters (16 MB at worst).
 */
export const countTokens: (text: string) => number = memoByText(countChunks, { size: 4000, maxChars: 4000 });

function countChunks(text: string): number {
  if (text.length <= 1000) return countBpe(text);
  let total = 0;
  for (const chunk of text.match(CHUNK) ?? []) total += countBpe(chunk);
  return total;
}

/** One chat message: its text plus OpenAI's per-message framing. */
export const countMessageTokens = (content: string) => countTokens(content) + 4;

/** Tokens a chat prompt costs before the call: its messages plus the reply's priming. */
export function countChatTokens(messages: { content: string }[]): number {
  return messages.reduce((sum, m) => sum + countMessageTokens(m.content), 3);
}
