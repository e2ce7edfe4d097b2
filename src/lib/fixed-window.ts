/** What a hit answers: let it through, or how long the key must wait. */
export type WindowHit = { kind: 'allowed' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * In-process fixed-window counters (per-IP limits stay in process: they guard one server's door).
 * `hit` counts a request and answers how long to wait when the key is over its limit.
 */
export class FixedWindowLimiter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  hit(key: string): WindowHit {
    const t = this.now();
    const window = Math.floor(t / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (this.limit > 0 && n > this.limit)
      return { kind: 'limited', retryAfterSeconds: Math.ceil(((window + 1) * this.windowMs - t) / 1000) };
    return { kind: 'allowed' };
  }
}
