import { describe, expect, it } from 'vitest';
import { estimateCostMicros as costMicros } from '../pricing/cost.js';
import { decideLadder, type LadderInput, type Remaining } from './ladder.js';

const strong = { id: 'strong', inputMicrosPerMTok: 2_500_000, outputMicrosPerMTok: 10_000_000 }; // $2.50 / $10 per 1M
const cheap = { id: 'cheap', inputMicrosPerMTok: 150_000, outputMicrosPerMTok: 600_000 }; // $0.15 / $0.60 per 1M
const local = { id: 'local', inputMicrosPerMTok: 0, outputMicrosPerMTok: 0 };

const windows = (tokens: number, usdMicros: number): Remaining[] => [
  { kind: 'USER_DAILY', unit: 'TOKENS', remaining: tokens },
  { kind: 'USER_MONTHLY', unit: 'TOKENS', remaining: 1_000_000 },
  { kind: 'TENANT_MONTHLY', unit: 'TOKENS', remaining: 10_000_000 },
  { kind: 'TENANT_SPEND', unit: 'USD', remaining: usdMicros },
];

const base = (remaining: Remaining[]): LadderInput => ({
  routed: strong,
  cheaper: [cheap],
  inputTokens: 1_000,
  outputCap: 1_000,
  remaining,
});

describe('costMicros', () => {
  it('prices input and output per million tokens and rounds up', () => {
    expect(costMicros(strong, 1_000, 1_000)).toBe(12_500); // $0.0025 + $0.01
    expect(costMicros(cheap, 1, 0)).toBe(1); // 0.15 micro-dollars round up to 1
    expect(costMicros(local, 50_000, 50_000)).toBe(0);
  });
});

describe('decideLadder', () => {
  // Each row: remaining tokens, remaining USD micros → decision.
  const table: [string, Remaining[], string, string | undefined, number | string][] = [
    ['plenty of both', windows(100_000, 1_000_000), 'RUN', 'strong', 1_000],
    ['exactly enough for the routed model', windows(2_000, 12_500), 'RUN', 'strong', 1_000],
    ['spend too low for strong, fine for cheap', windows(100_000, 5_000), 'CHEAPER_MODEL', 'cheap', 1_000],
    ['tokens short of the full cap', windows(1_500, 1_000_000), 'SHORTER_RESPONSE', 'strong', 500],
    ['spend allows cheap only with a shorter cap', windows(100_000, 600), 'SHORTER_RESPONSE', 'cheap', 750],
    ['tokens below input plus the floor', windows(1_200, 1_000_000), 'REFUSE', undefined, 'USER_DAILY'],
    ['spend exhausted', windows(100_000, 0), 'REFUSE', undefined, 'TENANT_SPEND'],
  ];
  it.each(table)('%s', (_, remaining, kind, model, capOrWindow) => {
    const d = decideLadder(base(remaining));
    expect(d.kind).toBe(kind);
    if (d.kind === 'REFUSE') expect(d.window).toBe(capOrWindow);
    else {
      expect(d.model.id).toBe(model);
      expect(d.outputCap).toBe(capOrWindow);
    }
  });

  it('never sets a cap whose cost exceeds what is left', () => {
    for (let usd = 0; usd < 20_000; usd += 37) {
      const d = decideLadder(base(windows(100_000, usd)));
      if (d.kind !== 'REFUSE') expect(costMicros(d.model, 1_000, d.outputCap)).toBeLessThanOrEqual(usd);
      if (d.kind === 'SHORTER_RESPONSE') expect(d.outputCap).toBeGreaterThanOrEqual(256);
    }
  });

  it('prefers a free local model when it is cheaper and the plan allows it', () => {
    const d = decideLadder({ ...base(windows(100_000, 0)), cheaper: [cheap, local] });
    expect(d).toMatchObject({ kind: 'CHEAPER_MODEL', model: { id: 'local' } });
  });

  it('honours a custom floor', () => {
    expect(decideLadder({ ...base(windows(1_100, 1_000_000)), floor: 64 })).toMatchObject({
      kind: 'SHORTER_RESPONSE',
      outputCap: 100,
    });
    expect(decideLadder({ ...base(windows(1_100, 1_000_000)), floor: 128 })).toMatchObject({
      kind: 'REFUSE',
      window: 'USER_DAILY',
    });
  });
});
