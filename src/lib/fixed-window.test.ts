import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './fixed-window.js';

describe('FixedWindowLimiter', () => {
  it('lets `limit` through per key and window, then says how long to wait', () => {
    let now = 1_000;
    const l = new FixedWindowLimiter(2, 60_000, () => now);
    expect(l.hit('a')).toEqual({ kind: 'allowed' });
    expect(l.hit('a')).toEqual({ kind: 'allowed' });
    expect(l.hit('a')).toEqual({ kind: 'limited', retryAfterSeconds: 59 });
    expect(l.hit('b')).toEqual({ kind: 'allowed' });
    now = 60_000;
    expect(l.hit('a')).toEqual({ kind: 'allowed' });
  });
  it('does nothing with a limit of 0', () => {
    const l = new FixedWindowLimiter(0, 1_000, () => 0);
    for (let i = 0; i < 100; i++) expect(l.hit('a').kind).toBe('allowed');
  });
});
