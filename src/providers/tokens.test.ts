import { countTokens as countBpe } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countChatTokens, countTokens } from './tokens.js';

describe('countTokens', () => {
  it('matches the tokenizer on ordinary text and never counts less on long text', () => {
    expect(countTokens('What is the capital of France?')).toBe(countBpe('What is the capital of France?'));
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(500);
    expect(countTokens(long)).toBeGreaterThanOrEqual(countBpe(long));
    expect(countTokens(long)).toBeLessThan(countBpe(long) * 1.05);
  });

  it('counts a long run without spaces without going quadratic', () => {
    // One piece of 100,000 characters takes the tokenizer seconds; chunked it is milliseconds.
    // The assertion is on the count; the time shows in the suite's duration, not in a timed test.
    expect(countTokens('x'.repeat(100_000))).toBe(12_500);
  });

  it('answers a text counted before with the same count, long or short', () => {
    for (const text of ['Answer briefly.', 'word '.repeat(900), 'x'.repeat(5000)]) {
      const first = countTokens(text);
      expect(countTokens(text)).toBe(first);
      expect(first).toBe(text.length <= 1000 ? countBpe(text) : first);
    }
  });

  it('adds the per-message framing', () => {
    expect(countChatTokens([{ content: 'hi' }, { content: 'there' }])).toBe(
      3 + 4 + countBpe('hi') + 4 + countBpe('there'),
    );
  });
});
