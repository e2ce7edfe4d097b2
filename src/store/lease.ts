import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../lib/logger.js';
import type { RedisClient } from './index.js';

/** Every registered owner id (a set): where recovery looks for leases that lapsed. */
export const LEASES_KEY = 'leases';
/** A process's liveness: present while it renews it. */
export const leaseKey = (owner: string) => `lease:${owner}`;
/**
 * The tenants an owner has worked in (a set, with the member `-` from its registration on): the
 * tenants its recovery visits. Missing altogether (lost with a failed-over node), recovery scans.
 */
export const ownerTenantsKey = (owner: string) => `lease-tenants:${owner}`;
const NO_TENANT = '-';
/** The tenant index outlives the lease by far: recovery may come long after a crash (nobody was up). */
const INDEX_TTL_SECONDS = 7 * 86_400;

export type LeaseOptions = { ttlMs: number; renewMs: number };

/**
 * A process's liveness lease in Redis. Its holds and ledger entries carry its owner id; once the
 * lease lapses (the process died, or was paused past it), any live process recovers them and fences
 * the id, so that nothing more is held or settled under it.
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
  /** Tenants already in this id's tenant index. */
  private entered = new Set<string>();
  /** Tenants whose noting failed (the index's node was away): noted again at the next renewal. */
  private pending = new Set<string>();

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

  /**
   * Notes a tenant in `owner`'s tenant index before anything is held or written there under it
   * (once per tenant and id). If the index cannot be written (its node is failing over), the work
   * goes on and the next renewal notes it; should this process die first, that tenant's holds are
   * given back by their expiry and its entries moved by the sweep, not within seconds.
   */
  async enter(tenantId: string, owner: string): Promise<void> {
    if (owner !== this.id || this.entered.has(tenantId)) return;
    try {
      await this.redis.sadd(ownerTenantsKey(owner), tenantId);
      if (owner === this.id) this.entered.add(tenantId);
    } catch (err) {
      if (owner === this.id) this.pending.add(tenantId);
      this.log.warn({ err, tenantId }, 'could not note a tenant in the lease index; will retry');
    }
  }

  /** Renews the lease, or registers anew if it lapsed; resolves to the id to use. One at a time. */
  refresh(): Promise<string> {
    this.refreshing ??= this.renew().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** A store refused `owner` (it was fenced): if it is still this process's id, register a new one. */
  async lost(owner: string): Promise<string> {
    await this.refreshing?.catch(() => undefined);
    if (owner !== this.id) return this.id;
    this.validUntil = 0;
    this.refreshing ??= this.reRegister().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async renew(): Promise<string> {
    if (!this.id) return this.register();
    const sent = performance.now();
    const id = this.id;
    const [kept, indexed] = await Promise.all([
      this.redis.set(leaseKey(id), '1', 'PX', this.options.ttlMs, 'XX'),
      this.redis.expire(ownerTenantsKey(id), INDEX_TTL_SECONDS),
    ]);
    if (!kept) return this.reRegister();
    this.validUntil = sent + this.options.ttlMs;
    // The index was lost (a failover), or some tenants could not be noted: write it whole again.
    if (!indexed || this.pending.size) await this.rewriteIndex(id);
    return id;
  }

  private async rewriteIndex(id: string): Promise<void> {
    const tenants = [...this.entered, ...this.pending];
    await this.redis.sadd(ownerTenantsKey(id), NO_TENANT, ...tenants);
    await this.redis.expire(ownerTenantsKey(id), INDEX_TTL_SECONDS);
    for (const t of this.pending) this.entered.add(t);
    this.pending.clear();
  }

  private async reRegister(): Promise<string> {
    this.onLost();
    this.log.warn({ owner: this.id }, 'this process lost its lease (paused past it?); registering again');
    return this.register();
  }

  private async register(): Promise<string> {
    const id = randomUUID();
    const sent = performance.now();
    await this.redis.set(leaseKey(id), '1', 'PX', this.options.ttlMs);
    await this.redis.sadd(ownerTenantsKey(id), NO_TENANT);
    await this.redis.expire(ownerTenantsKey(id), INDEX_TTL_SECONDS);
    await this.redis.sadd(LEASES_KEY, id);
    this.id = id;
    this.entered = new Set();
    this.pending = new Set();
    this.validUntil = sent + this.options.ttlMs;
    return id;
  }

  /**
   * At shutdown, after the last run ended. `handedOver`: everything this process wrote is in
   * Postgres, so it leaves the registry. Otherwise (a ledger batch Postgres refused) only the lease
   * goes, at once, and another process recovers what is left within a round.
   */
  async close(handedOver: boolean): Promise<void> {
    clearInterval(this.timer);
    this.validUntil = 0;
    if (!this.id) return;
    await this.redis.del(leaseKey(this.id)).catch(() => undefined);
    if (!handedOver) return;
    await this.redis.srem(LEASES_KEY, this.id).catch(() => undefined);
    await this.redis.del(ownerTenantsKey(this.id)).catch(() => undefined);
  }
}

/**
 * The tenants recovery of `owner` visits: its index, or undefined if the index is not whole (gone,
 * or written again without the mark its registration put in it).
 */
export async function tenantsOf(redis: RedisClient, owner: string): Promise<string[] | undefined> {
  const members = await redis.smembers(ownerTenantsKey(owner));
  return members.includes(NO_TENANT) ? members.filter((m) => m !== NO_TENANT) : undefined;
}
