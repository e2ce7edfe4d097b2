import { countTokens } from 'gpt-tokenizer';

/** Tokens a chat prompt costs before the call: text plus OpenAI's per-message framing. */
export function countChatTokens(messages: { content: string }[]): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + 4, 3);
}

export { countTokens };
