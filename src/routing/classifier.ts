import { CLASSIFIER_MARKER } from '../providers/sim.js';

/**
 * Asked only in the unsure band: a difficulty rating (not a bare simple/complex word), combined
 * with the score. The sim provider recognises its first words.
 */
export const CLASSIFIER_INSTRUCTIONS = `${CLASSIFIER_MARKER} from 0 to 10: how much better a strong model would answer it than a small, cheap one.
0-3: look-ups, definitions, rewriting, summaries, translation, extraction, formatting, chit-chat, role-play, simple creative writing.
7-10: maths and word problems, writing or debugging code, proofs and logic puzzles, multi-step plans with constraints, design and security reviews.
Respond with only the number.`;

/** The rating as a difficulty in [0, 1]; undefined for an answer that is not one. */
export function parseClassifierAnswer(text: string): number | undefined {
  const found = /^\s*(10|\d)(?:\.\d+)?\b/.exec(text);
  if (found) return Number(found[1]) / 10;
  const t = text.trim().toLowerCase();
  // A model that answers in words anyway.
  if (t.startsWith('complex')) return 0.8;
  if (t.startsWith('simple')) return 0.2;
  return undefined;
}
