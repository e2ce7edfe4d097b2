import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../db/schema/index.js';
import { cheaperThan, decideRoute, type RoutingOverride } from './route.js';

const model = (id: string, tier: ModelRow['tier']) => ({ id, tier }) as ModelRow;
const models = { cheap: model('cheap', 'CHEAP'), strong: model('strong', 'STRONG'), local: model('local', 'LOCAL') };
const ALL = { allowedModelTiers: ['LOCAL', 'CHEAP', 'STRONG'] as ModelRow['tier'][] };
const NO_STRONG = { allowedModelTiers: ['LOCAL', 'CHEAP'] as ModelRow['tier'][] };

const SIMPLE = 'What is the capital of Peru?';
const COMPLEX =
  'Review this login handler for security issues and explain step by step how an attacker would exploit it.';
const UNSURE = 'Our Redis cluster hits 100% CPU every day at noon and requests time out.';

describe('decideRoute', () => {
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
      historyTurns: 0,
      classify: async () => 'COMPLEX',
    });
    expect(d.model.id).toBe(expected);
    expect(d.reason.length).toBeGreaterThan(0);
  });

  it('consults the classifier only in the unsure band, and only for the CLASSIFIER strategy', async () => {
    const asked: string[] = [];
    const classify = async (m: string) => (asked.push(m), 'COMPLEX' as const);
    const route = (routing: 'HEURISTIC' | 'CLASSIFIER', message: string) =>
      decideRoute({ agent: { routing }, plan: ALL, models, override: 'AUTO', message, historyTurns: 0, classify });
    expect((await route('CLASSIFIER', SIMPLE)).model.id).toBe('local');
    expect((await route('CLASSIFIER', COMPLEX)).model.id).toBe('strong');
    expect(asked).toEqual([]);
    const unsure = await route('CLASSIFIER', UNSURE);
    expect(asked).toEqual([UNSURE]);
    expect(unsure).toMatchObject({ complexity: 'COMPLEX', model: { id: 'strong' } });
    expect(unsure.reason).toMatch(/^classifier complex/);
    await route('HEURISTIC', UNSURE);
    expect(asked).toHaveLength(1);
  });

  it('keeps the heuristic verdict when the classifier cannot answer', async () => {
    const d = await decideRoute({
      agent: { routing: 'CLASSIFIER' },
      plan: ALL,
      models,
      override: 'AUTO',
      message: UNSURE,
      historyTurns: 0,
      classify: async () => undefined,
    });
    expect(d.reason).toContain('classifier unavailable');
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
