import { CLASSIFIER_MARKER } from '../providers/sim.js';
import type { Complexity } from './heuristic.js';

/** The article's classifier prompt. The sim provider recognises its first words. */
export const CLASSIFIER_INSTRUCTIONS = `${CLASSIFIER_MARKER} 'simple' or 'complex'.
Simple: factual questions, formatting, basic code snippets.
Complex: debugging, architecture, multi-step reasoning, security review.
Respond with only 'simple' or 'complex'.`;

export function parseClassifierAnswer(text: string): Complexity | undefined {
  const t = text.trim().toLowerCase();
  if (t.startsWith('complex')) return 'COMPLEX';
  if (t.startsWith('simple')) return 'SIMPLE';
  return undefined;
}
