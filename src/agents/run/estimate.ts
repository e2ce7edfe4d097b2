import { countChatTokens } from '../../providers/tokens.js';

/** Each tool's name, description and JSON schema travel with every step. */
const TOKENS_PER_TOOL = 60;

/**
 * Input tokens a call will be billed for, estimated before it with the tokenizer. Providers count
 * a little differently (framing, tokenizer versions): the margin keeps the reservation above the
 * bill, so a settlement rarely needs a true-up.
 */
export function estimateInputTokens(system: string, turns: { content: string }[], toolCount: number): number {
  return withMargin(countChatTokens([{ content: system }, ...turns]), toolCount);
}

/** The same estimate from a prompt's token count, where the parts were counted already. */
export const withMargin = (promptTokens: number, toolCount: number) =>
  Math.ceil(promptTokens * 1.1) + 16 + toolCount * TOKENS_PER_TOOL;

/**
 * What a call sent, as the tokenizer counts it (no margin): charged when a provider reports no
 * usage, or was cut off before it could.
 */
export function countSentTokens(system: string, turns: { content: string }[], toolCount: number): number {
  return countChatTokens([{ content: system }, ...turns]) + toolCount * TOKENS_PER_TOOL;
}
