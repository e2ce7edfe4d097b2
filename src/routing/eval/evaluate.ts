/**
 * How well a score ranks requests that need the strong model above those that do not, as a router
 * is used: send the top share of traffic to the strong model and count how many of the requests
 * that needed it were caught. A coin toss catches the share it sends (area 0.5).
 */
export type Labelled = { text: string; label: 'cheap' | 'strong'; kind?: string; lang?: string };
export type Scorer = (text: string) => number;

export const SHARES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The share of "needs strong" prompts caught when the highest-scored `share` of prompts goes to the
 * strong model. Ties are split evenly (the expected catch of picking among them at random), so a
 * score with few distinct values (a yes/no rule) gets no credit for the order of its input.
 */
export function caughtAt(scored: { score: number; strong: boolean }[], share: number): number {
  const strongTotal = scored.filter((s) => s.strong).length;
  if (!strongTotal) return 0;
  const groups = new Map<number, { n: number; strong: number }>();
  for (const s of scored) {
    const g = groups.get(s.score) ?? { n: 0, strong: 0 };
    g.n++;
    if (s.strong) g.strong++;
    groups.set(s.score, g);
  }
  let room = share * scored.length;
  let caught = 0;
  for (const [, g] of [...groups].sort(([a], [b]) => b - a)) {
    if (room <= 0) break;
    const taken = Math.min(room, g.n);
    caught += (g.strong * taken) / g.n;
    room -= taken;
  }
  return caught / strongTotal;
}

/** The area under the caught-versus-share curve, from 0 to 1 (trapezoids at every prompt). */
export function areaUnderCurve(scored: { score: number; strong: boolean }[]): number {
  const n = scored.length;
  let area = 0;
  let previous = 0;
  for (let k = 1; k <= n; k++) {
    const caught = caughtAt(scored, k / n);
    area += (previous + caught) / 2 / n;
    previous = caught;
  }
  return area;
}

export type Evaluation = {
  prompts: number;
  strongShare: number;
  curve: { share: number; caught: number }[];
  area: number;
  /** The share of prompts where score ≥ threshold matches the label. */
  agreement: number;
};

export function evaluate(prompts: Labelled[], score: Scorer, threshold = 0.5): Evaluation {
  const scored = prompts.map((p) => ({ score: score(p.text), strong: p.label === 'strong' }));
  return {
    prompts: prompts.length,
    strongShare: scored.filter((s) => s.strong).length / prompts.length,
    curve: SHARES.map((share) => ({ share, caught: caughtAt(scored, share) })),
    area: areaUnderCurve(scored),
    agreement: scored.filter((s) => s.score >= threshold === s.strong).length / prompts.length,
  };
}

/** The article's rule: a short request with a question mark is simple, anything else complex. */
export const articleRule: Scorer = (text) => (text.length < 200 && text.includes('?') ? 0 : 1);
