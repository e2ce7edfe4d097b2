import { describe, expect, it } from 'vitest';
import { costNumerator, costMicros, toMicros } from './cost.js';

// gpt-4o-mini: $0.15 input, $0.60 output, $0.075 cached input per million tokens.
const mini = { inputMicrosPerMTok: 150_000, outputMicrosPerMTok: 600_000, cachedInputMicrosPerMTok: 75_000 };
// gpt-4o: $2.50 / $10 / $1.25.
const gpt4o = { inputMicrosPerMTok: 2_500_000, outputMicrosPerMTok: 10_000_000, cachedInputMicrosPerMTok: 1_250_000 };

describe('run cost', () => {
  it('matches hand-computed values', () => {
    // 1,000 in + 500 out on gpt-4o-mini: 0.00015 + 0.0003 = $0.00045 = 450 micro-dollars.
    expect(costMicros(mini, { inputTokens: 1_000, outputTokens: 500, cachedInputTokens: 0 })).toBe(450);
    // 2,000 in of which 1,500 cached, 300 out on gpt-4o: 500×2.5 + 1500×1.25 + 300×10 = 1250 + 1875 + 3000 = 6,125 µ$.
    expect(costMicros(gpt4o, { inputTokens: 2_000, outputTokens: 300, cachedInputTokens: 1_500 })).toBe(6_125);
    // The article's table: a 3,000-token interaction on gpt-4o (2,500 in, 500 out) costs $0.01125.
    expect(costMicros(gpt4o, { inputTokens: 2_500, outputTokens: 500, cachedInputTokens: 0 })).toBe(11_250);
  });

  it('rounds up to the micro-dollar once per run, not per step', () => {
    const step = costNumerator(mini, { inputTokens: 3, outputTokens: 0, cachedInputTokens: 0 }); // 0.45 µ$
    expect(toMicros(step)).toBe(1);
    expect(toMicros(step * 3)).toBe(2); // 1.35 → 2, where rounding each step would give 3
  });

  it('prices cached tokens at the input rate when the model has no cached rate', () => {
    const noCache = { ...mini, cachedInputMicrosPerMTok: null };
    expect(costMicros(noCache, { inputTokens: 1_000, outputTokens: 0, cachedInputTokens: 1_000 })).toBe(150);
  });
});
