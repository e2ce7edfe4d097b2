export type BreakerState = 'closed' | 'open' | 'half-open';

/** `errors`: every failure since the process began (for /metrics); `failures`: the consecutive ones. */
type Entry = { failures: number; openUntil: number; trial: boolean; errors: number };

/**
 * One circuit breaker per model, per process: after `threshold` consecutive failures the model
 * is skipped for `openMs`; then one trial call is let through (half-open), and its outcome closes
 * or reopens the circuit.
 */
export class CircuitBreakers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: { threshold: number; openMs: number; now: () => number }) {}

  private entry(model: string): Entry {
    let e = this.entries.get(model);
    if (!e) this.entries.set(model, (e = { failures: 0, openUntil: 0, trial: false, errors: 0 }));
    return e;
  }

  state(model: string): BreakerState {
    const e = this.entry(model);
    if (e.failures < this.options.threshold) return 'closed';
    return this.options.now() < e.openUntil ? 'open' : 'half-open';
  }

  /** Whether a call may go out now; in half-open, only one at a time. */
  tryAcquire(model: string): boolean {
    const state = this.state(model);
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const e = this.entry(model);
    if (e.trial) return false;
    e.trial = true;
    return true;
  }

  /** A call that ended with no verdict (the run's own time ran out): a half-open trial is freed. */
  abandoned(model: string): void {
    this.entry(model).trial = false;
  }

  succeeded(model: string): void {
    Object.assign(this.entry(model), { failures: 0, openUntil: 0, trial: false });
  }

  failed(model: string): void {
    const e = this.entry(model);
    e.failures++;
    e.errors++;
    e.trial = false;
    if (e.failures >= this.options.threshold) e.openUntil = this.options.now() + this.options.openMs;
  }

  /** Seconds until an open circuit lets a trial through. */
  retryAfterSeconds(model: string): number {
    return Math.max(1, Math.ceil((this.entry(model).openUntil - this.options.now()) / 1000));
  }

  /** Every model called so far: its circuit's state now, and the failures counted against it. */
  *models(): Generator<[string, { state: BreakerState; errors: number }]> {
    for (const [model, e] of this.entries) yield [model, { state: this.state(model), errors: e.errors }];
  }
}
