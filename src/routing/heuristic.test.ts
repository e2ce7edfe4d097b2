import { describe, expect, it } from 'vitest';
import held from './held-out-prompts.json' with { type: 'json' };
import labelled from './labelled-prompts.json' with { type: 'json' };
import { classifyHeuristic, UNSURE_BELOW } from './heuristic.js';

function evaluate(prompts: { label: string; text: string }[]) {
  const verdicts = prompts.map((p) => ({ ...p, v: classifyHeuristic(p.text) }));
  const agree = verdicts.filter((x) => x.v.complexity.toLowerCase() === x.label).length / prompts.length;
  const unsure = verdicts.filter((x) => x.v.confidence < UNSURE_BELOW).length / prompts.length;
  const confidentMistakes = verdicts.filter(
    (x) => x.v.confidence >= UNSURE_BELOW && x.v.complexity.toLowerCase() !== x.label,
  );
  return { agree, unsure, confidentMistakes };
}

describe('routing heuristic', () => {
  it('agrees with at least 85% of the labelled set and leaves at most 30% to the classifier', () => {
    const { agree, unsure } = evaluate(labelled.prompts);
    expect(agree).toBeGreaterThanOrEqual(0.85);
    expect(unsure).toBeLessThanOrEqual(0.3);
  });

  it('on prompts it was never tuned on, is wrong only where it says it is unsure', () => {
    const { agree, unsure, confidentMistakes } = evaluate(held.prompts);
    expect(confidentMistakes.map((m) => m.text)).toEqual([]);
    expect(agree + unsure).toBeGreaterThanOrEqual(0.95);
  });

  it('beats the article rule (short with a question mark is simple) on the labelled set', () => {
    const article = labelled.prompts.filter(
      (p) => (p.text.length < 200 && p.text.includes('?') ? 'simple' : 'complex') === p.label,
    ).length;
    const ours = labelled.prompts.filter((p) => classifyHeuristic(p.text).complexity.toLowerCase() === p.label).length;
    expect(ours).toBeGreaterThan(article);
  });

  it('explains its decision and leans complex over a long conversation', () => {
    const v = classifyHeuristic('Why does this deadlock?\n```go\nmu.Lock()\n```');
    expect(v).toMatchObject({ complexity: 'COMPLEX' });
    expect(v.reason).toContain('+debugging');
    expect(classifyHeuristic('Tell me more about it', 10).score).toBeGreaterThan(
      classifyHeuristic('Tell me more about it', 0).score,
    );
  });
});
