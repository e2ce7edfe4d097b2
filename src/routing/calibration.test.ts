import { describe, expect, it } from 'vitest';
import { binOf, MemorySketches, SKETCH_BINS, thresholdForShare, type Sketch } from './calibration.js';
import { TIE_JITTER, tieBreak } from './route.js';

const sketchOf = (scores: number[]): Sketch => {
  const weights = new Array<number>(SKETCH_BINS).fill(0);
  for (const s of scores) weights[binOf(s)]!++;
  return { weights, samples: scores.length };
};

describe('thresholdForShare', () => {
  it('is the score above which the share of the weight lies', () => {
    const uniform = sketchOf(Array.from({ length: 1000 }, (_, i) => i / 1000));
    expect(thresholdForShare(uniform, 0.3)).toBeCloseTo(0.7, 2);
    expect(thresholdForShare(uniform, 0.01)).toBeCloseTo(0.99, 2);
    expect(thresholdForShare(uniform, 0.99)).toBeCloseTo(0.01, 2);
  });

  it('stays inside the one bin that holds all the weight, and says 1 - share of an empty sketch', () => {
    const spike = sketchOf(new Array<number>(500).fill(0.41));
    const t = thresholdForShare(spike, 0.3);
    expect(t).toBeGreaterThanOrEqual(0.41);
    expect(t).toBeLessThan(0.415);
    expect(thresholdForShare({ weights: new Array<number>(SKETCH_BINS).fill(0), samples: 0 }, 0.3)).toBe(0.7);
  });

  it('splits requests of one score at the target once they carry their tie-break jitter', () => {
    // Most traffic is one request (an FAQ), the rest spread out.
    const ids = Array.from({ length: 4000 }, (_, i) => `run_${i.toString(36)}`);
    const raw = ids.map((_, i) => (i % 5 === 0 ? (i % 100) / 100 : 0.401));
    const scores = raw.map((s, i) => Math.min(1, Math.max(0, s + tieBreak(ids[i]!))));
    const t = thresholdForShare(sketchOf(scores), 0.3);
    const share = scores.filter((s) => s >= t).length / scores.length;
    expect(Math.abs(share - 0.3)).toBeLessThan(0.03);
    for (const id of ids.slice(0, 100)) expect(Math.abs(tieBreak(id))).toBeLessThanOrEqual(TIE_JITTER);
  });
});

describe('MemorySketches', () => {
  it('decays old samples by half every 2,000 newer ones', async () => {
    const sketches = new MemorySketches();
    const one = (score: number) => {
      const counts = new Array<number>(SKETCH_BINS).fill(0);
      counts[binOf(score)] = 1;
      return counts;
    };
    await sketches.add('k', one(0.9), 1);
    for (let i = 0; i < 2000; i++) await sketches.add('k', one(0.1), 1);
    const read = (await sketches.read('k'))!;
    expect(read.samples).toBe(2001);
    expect(read.weights[binOf(0.9)]).toBeCloseTo(0.5, 3);
  });
});
