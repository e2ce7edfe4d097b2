/**
 * npm run eval:routing: how well the router's difficulty score catches the requests that need the
 * strong model, against the article's rule, on labelled prompts. The held-out part (written by
 * someone who never saw the router, and never used to tune it) is the figure to report.
 */
import { readFileSync } from 'node:fs';
import {
  articleRule,
  evaluate,
  SHARES,
  type Evaluation,
  type Labelled,
  type Scorer,
} from '../src/routing/eval/evaluate.js';
import { difficulty } from '../src/routing/score.js';

const load = (name: string): Labelled[] =>
  (JSON.parse(readFileSync(new URL(`../src/routing/eval/${name}`, import.meta.url), 'utf8')) as { prompts: Labelled[] })
    .prompts;

const parts = {
  development: [...load('first-labelled-prompts.json'), ...load('dev-prompts.json')],
  'held-out': [...load('first-held-out-prompts.json'), ...load('held-out-prompts.json')],
};
const scorers: Record<string, Scorer> = {
  'difficulty score': (text) => difficulty(text).score,
  "article's rule": articleRule,
};

const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
const row = (name: string, e: Evaluation) =>
  `${name.padEnd(18)} ${e.curve.map((c) => pct(c.caught)).join(' ')}   ${e.area.toFixed(3)}   ${pct(e.agreement)}`;

for (const [part, prompts] of Object.entries(parts)) {
  const first = evaluate(prompts, scorers['difficulty score']!);
  console.log(`\n${part}: ${prompts.length} prompts, ${pct(first.strongShare).trim()} need the strong model`);
  console.log(`"needs strong" caught when this share goes to the strong model; area under the curve; agreement at 0.5`);
  console.log(`${'strong share'.padEnd(18)} ${SHARES.map((s) => pct(s)).join(' ')}   area    agree`);
  for (const [name, scorer] of Object.entries(scorers)) console.log(row(name, evaluate(prompts, scorer)));
  console.log(`${'coin toss'.padEnd(18)} ${SHARES.map((s) => pct(s)).join(' ')}   0.500`);
}

// Where the score disagrees with the labels, by kind and language (development part only: the
// held-out part is not for tuning).
if (process.argv.includes('--details')) {
  const by = (key: 'kind' | 'lang') => {
    const groups = new Map<string, Labelled[]>();
    for (const p of parts.development) groups.set(p[key] ?? '?', [...(groups.get(p[key] ?? '?') ?? []), p]);
    console.log(`\ndevelopment agreement by ${key}`);
    for (const [name, ps] of [...groups].sort()) {
      const e = evaluate(ps, scorers['difficulty score']!);
      console.log(`  ${name.padEnd(12)} ${String(ps.length).padStart(4)}  ${pct(e.agreement)}`);
    }
  };
  by('kind');
  by('lang');
  console.log('\ndevelopment mistakes at 0.5');
  for (const p of parts.development) {
    const d = difficulty(p.text);
    if (d.score >= 0.5 !== (p.label === 'strong'))
      console.log(
        `  ${p.label.padEnd(6)} ${d.score.toFixed(2)} ${d.reasons.join(',')} | ${p.text.slice(0, 90).replace(/\n/g, ' ')}`,
      );
  }
}
