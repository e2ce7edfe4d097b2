import { describe, expect, it } from 'vitest';
import { CircuitBreakers } from './circuit-breaker.js';

describe('CircuitBreakers', () => {
  it('opens after 5 consecutive failures for 30 s, half-opens for one trial, then closes or reopens', () => {
    let now = 0;
    const b = new CircuitBreakers({ threshold: 5, openMs: 30_000, now: () => now });
    for (let i = 0; i < 4; i++) b.failed('m');
    expect(b.state('m')).toBe('closed');
    b.succeeded('m');
    for (let i = 0; i < 5; i++) b.failed('m');
    expect(b.state('m')).toBe('open');
    expect(b.tryAcquire('m')).toBe(false);
    expect(b.retryAfterSeconds('m')).toBe(30);
    now = 30_000;
    expect(b.state('m')).toBe('half-open');
    expect(b.tryAcquire('m')).toBe(true);
    expect(b.tryAcquire('m')).toBe(false); // one trial at a time
    b.failed('m');
    expect(b.state('m')).toBe('open');
    now = 60_000;
    expect(b.tryAcquire('m')).toBe(true);
    b.succeeded('m');
    expect(b.state('m')).toBe('closed');
    expect(b.state('other')).toBe('closed');
  });

  it('frees a half-open trial that ended without a verdict', () => {
    let now = 0;
    const b = new CircuitBreakers({ threshold: 1, openMs: 1_000, now: () => now });
    b.failed('m');
    now = 1_000;
    expect(b.tryAcquire('m')).toBe(true);
    expect(b.tryAcquire('m')).toBe(false);
    b.abandoned('m'); // the run's own time ran out mid-call
    expect(b.tryAcquire('m')).toBe(true);
  });

  it('counts every failure for /metrics, across successes', () => {
    const b = new CircuitBreakers({ threshold: 2, openMs: 1_000, now: () => 0 });
    b.failed('m');
    b.succeeded('m');
    b.failed('m');
    b.failed('m');
    b.succeeded('n');
    expect([...b.models()]).toEqual([
      ['m', { state: 'open', errors: 3 }],
      ['n', { state: 'closed', errors: 0 }],
    ]);
  });
});
