import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../lib/logger.js';
import type { RedisClient } from './index.js';

/** Every live process's owner id (a set): where recovery looks for leases that lapsed. */
export const LEASES_KEY = 'leases';
/** A process's liveness: present while it renews it. */
export const leaseKey = (owner: string) => `lease:${owner}`;

export type LeaseOptions = { ttlMs: number; renewMs: number };

/**
 * A process's liveness lease in Redis. Its holds and ledger entries carry its owner id; once the
 * lease lapses (the process died, or was paused past it), any live process recovers them and fences
 * the id, so that nothing more is settled under it.
 *
 * The process knows its lease is good until the last acknowledged renewal's send time plus the
 * ttl (Redis counts from a later moment, so this is on the safe side). Past that, `current()` says
 * so and `refresh()` renews or, if the lease is gone, registers under a new id: a process resumed
 * after a long pause carries on as a new owner and never settles under the fenced one.
 */
export class Lease {
  private id = '';
  private validUntil = 0;
  private refreshing: Promise<string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** How many times this process found its lease gone and registered again. */
  lostCount = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly log: Logger,
    private readonly options: LeaseOptions,
    /** Told each time the lease was found gone (metrics). */
    private readonly onLost: () => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.register();
    this.timer = setInterval(() => {
      // A renewal that fails (Redis away) leaves the lease to lapse; `current()` then says so.
      this.refresh().catch((err: unknown) => this.log.warn({ err }, 'could not renew the process lease'));
    }, this.options.renewMs);
    this.timer.unref();
  }

  /** The owner id, while the lease is known to be held; undefined once it may have lapsed. */
  current(): string | undefined {
    return performance.now() < this.validUntil ? this.id : undefined;
  }

  /** This process's id whatever the lease's state (recovery skips its own). */
  get owner(): string {
    return this.id;
  }

  /** Renews the lease, or registers anew if it lapsed; resolves to the id to use. One at a time. */
  refresh(): Promise<string> {
    this.refreshing ??= this.renew().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** A store refused `owner` (it was fenced): if it is still this process's id, register anew. */
  async lost(owner: string): Promise<string> {
    if (owner === this.id) this.validUntil = 0;
    return this.refresh();
  }

  private async renew(): Promise<string> {
    const sent = performance.now();
    const kept = this.id && (await this.redis.set(leaseKey(this.id), '1', 'PX', this.options.ttlMs, 'XX'));
    if (kept) {
      this.validUntil = sent + this.options.ttlMs;
      return this.id;
    }
    if (this.id) {
      this.lostCount++;
      this.onLost();
      this.log.warn({ owner: this.id }, 'this process lost its lease (paused past it?); registering again');
    }
    return this.register();
  }

  private async register(): Promise<string> {
    const id = randomUUID();
    const sent = performance.now();
    await this.redis.set(leaseKey(id), '1', 'PX', this.options.ttlMs);
    await this.redis.sadd(LEASES_KEY, id);
    this.id = id;
    this.validUntil = sent + this.options.ttlMs;
    return id;
  }

  /**
   * At shutdown, after the last run ended. `handedOver`: everything this process wrote is in
   * Postgres, so it leaves the registry too. Otherwise (a ledger batch Postgres refused) only the
   * lease goes, at once, and another process recovers what is left within a round.
   */
  async close(handedOver: boolean): Promise<void> {
    clearInterval(this.timer);
    this.validUntil = 0;
    if (!this.id) return;
    await this.redis.del(leaseKey(this.id)).catch(() => undefined);
    if (handedOver) await this.redis.srem(LEASES_KEY, this.id).catch(() => undefined);
  }
}
