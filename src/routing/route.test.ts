import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../db/schema/index.js';
import {
  cheaperThan,
  planRoute,
  thresholdOf,
  UNSURE_MARGIN,
  verdictOf,
  withClassifier,
  type RouteInput,
  type RoutingOverride,
} from './route.js';
import { difficulty } from './score.js';
import { MIN_SAMPLES, SKETCH_BINS } from './calibration.js';

const model = (id: string, tier: ModelRow['tier']) => ({ id, tier }) as ModelRow;
const models = { cheap: model('cheap', 'CHEAP'), strong: model('strong', 'STRONG'), local: model('local', 'LOCAL') };
const ALL = { allowedModelTiers: ['LOCAL', 'CHEAP', 'STRONG'] as ModelRow['tier'][] };
const NO_STRONG = { allowedModelTiers: ['LOCAL', 'CHEAP'] as ModelRow['tier'][] };

const SIMPLE = 'What is the capital of Peru?';
const COMPLEX =
  'Review this login handler for security issues and explain step by step how an attacker would exploit it.';
const UNSURE = 'Our Redis cluster hits 100% CPU every day at noon and requests time out.';

/** The route as the pipeline takes it: planned, then the classifier's rating when it is asked. */
async function decideRoute(input: RouteInput & { classify: (message: string) => Promise<number | undefined> }) {
  const planned = planRoute(input);
  if (!planned.consultClassifier) return planned.decision;
  return withClassifier(input, planned, await input.classify(input.message));
}

describe('routing', () => {
  const table: [
    string,
    {
      routing: 'HEURISTIC' | 'CLASSIFIER' | 'FIXED_CHEAP' | 'FIXED_STRONG';
      override?: RoutingOverride;
      plan?: typeof ALL;
      local?: boolean;
      message: string;
    },
    string,
  ][] = [
    ['simple work goes to the local model', { routing: 'HEURISTIC', message: SIMPLE, local: true }, 'local'],
    ['simple work goes to the cheap model without a local one', { routing: 'HEURISTIC', message: SIMPLE }, 'cheap'],
    ['complex work goes to the strong model', { routing: 'HEURISTIC', message: COMPLEX }, 'strong'],
    [
      'complex work stays cheap when the plan has no STRONG',
      { routing: 'HEURISTIC', message: COMPLEX, plan: NO_STRONG },
      'cheap',
    ],
    ['FIXED_CHEAP ignores complexity', { routing: 'FIXED_CHEAP', message: COMPLEX }, 'cheap'],
    ['FIXED_STRONG ignores complexity', { routing: 'FIXED_STRONG', message: SIMPLE }, 'strong'],
    ['the caller may ask for STRONG', { routing: 'FIXED_CHEAP', override: 'STRONG', message: SIMPLE }, 'strong'],
    [
      "the caller's STRONG stays within the plan",
      { routing: 'HEURISTIC', override: 'STRONG', message: SIMPLE, plan: NO_STRONG },
      'cheap',
    ],
    ['the caller may ask for CHEAP', { routing: 'FIXED_STRONG', override: 'CHEAP', message: COMPLEX }, 'cheap'],
  ];
  it.each(table)('%s', async (_, c, expected) => {
    const d = await decideRoute({
      agent: { routing: c.routing },
      plan: c.plan ?? ALL,
      models: { ...models, local: c.local ? models.local : undefined },
      override: c.override ?? 'AUTO',
      message: c.message,
      history: [],
      threshold: 0.5,
      classify: async () => 1,
    });
    expect(d.model.id).toBe(expected);
    expect(d.reason.length).toBeGreaterThan(0);
    // Every decision, pinned and fixed ones included, records what the score said.
    expect(d).toMatchObject({ score: difficulty(c.message).score, threshold: 0.5 });
    expect(d.complexity).toBe(d.score >= 0.5 ? 'COMPLEX' : 'SIMPLE');
  });

  it('consults the classifier only in the unsure band, which moves with the threshold', async () => {
    const asked: string[] = [];
    const classify = async (m: string) => (asked.push(m), 0.9);
    const score = difficulty(UNSURE).score;
    const route = (routing: 'HEURISTIC' | 'CLASSIFIER', message: string, threshold = 0.5) =>
      decideRoute({
        agent: { routing },
        plan: ALL,
        models,
        override: 'AUTO',
        message,
        history: [],
        threshold,
        classify,
      });
    expect((await route('CLASSIFIER', SIMPLE)).model.id).toBe('local');
    expect((await route('CLASSIFIER', COMPLEX)).model.id).toBe('strong');
    // Outside the band around this threshold, inside the band around another.
    await route('CLASSIFIER', UNSURE, score + UNSURE_MARGIN + 0.01);
    expect(asked).toEqual([]);
    const unsure = await route('CLASSIFIER', UNSURE, score + UNSURE_MARGIN / 2);
    expect(asked).toEqual([UNSURE]);
    // The rating and the score count equally: (score + 0.9) / 2 clears a threshold just above the score.
    expect(unsure).toMatchObject({ complexity: 'COMPLEX', model: { id: 'strong' } });
    expect(unsure.score).toBeCloseTo((score + 0.9) / 2, 2);
    expect(unsure.reason).toMatch(/^classifier rated 0.90/);
    await route('HEURISTIC', UNSURE, score);
    expect(asked).toHaveLength(1);
  });

  it('keeps the score when the classifier cannot answer', async () => {
    const d = await decideRoute({
      agent: { routing: 'CLASSIFIER' },
      plan: ALL,
      models,
      override: 'AUTO',
      message: UNSURE,
      history: [],
      threshold: difficulty(UNSURE).score,
      classify: async () => undefined,
    });
    expect(d.reason).toContain('classifier unavailable');
  });
});

describe('the threshold and what follows from it', () => {
  const agent = { routingThreshold: null, strongShareTarget: null, routingAdjustment: 0, adaptiveRouting: true };
  const uniform = { weights: new Array<number>(SKETCH_BINS).fill(10), samples: MIN_SAMPLES };

  it("is the default, the agent's own, or calibrated to a target once there are enough samples", () => {
    expect(thresholdOf(agent, undefined)).toEqual({ threshold: 0.5, source: 'DEFAULT' });
    expect(thresholdOf({ ...agent, routingThreshold: 0.7 }, undefined)).toEqual({ threshold: 0.7, source: 'FIXED' });
    const target = { ...agent, strongShareTarget: 0.3 };
    expect(thresholdOf(target, { ...uniform, samples: MIN_SAMPLES - 1 })).toMatchObject({ source: 'DEFAULT' });
    expect(thresholdOf(target, uniform)).toEqual({ threshold: 0.7, source: 'CALIBRATED', share: 0.3 });
    // Adaptive routing raises a target and lowers a threshold (the default too, before calibration).
    expect(thresholdOf({ ...target, routingAdjustment: 0.1 }, undefined)).toMatchObject({
      threshold: 0.4,
      source: 'DEFAULT',
    });
    expect(thresholdOf({ ...target, routingAdjustment: 0.1, adaptiveRouting: false }, undefined).threshold).toBe(0.5);
    expect(thresholdOf({ ...target, routingAdjustment: 0.1 }, uniform)).toMatchObject({ threshold: 0.6, share: 0.4 });
    expect(thresholdOf({ ...agent, routingThreshold: 0.7, routingAdjustment: 0.1 }, undefined).threshold).toBe(0.6);
  });

  it('gives the complexity and a confidence of min(1, 0.5 + distance)', () => {
    expect(verdictOf(0.8, 0.5)).toEqual({ complexity: 'COMPLEX', confidence: 0.8 });
    expect(verdictOf(0.5, 0.5)).toEqual({ complexity: 'COMPLEX', confidence: 0.5 });
    expect(verdictOf(0.1, 0.7)).toEqual({ complexity: 'SIMPLE', confidence: 1 });
  });
});

describe('cheaperThan', () => {
  it('lists the cheaper models within the plan, in ladder order', () => {
    expect(cheaperThan(models.strong, models, ALL).map((m) => m.id)).toEqual(['cheap', 'local']);
    expect(cheaperThan(models.cheap, models, ALL).map((m) => m.id)).toEqual(['local']);
    expect(cheaperThan(models.local, models, ALL)).toEqual([]);
    expect(cheaperThan(models.strong, { ...models, local: undefined }, NO_STRONG).map((m) => m.id)).toEqual(['cheap']);
  });
});
