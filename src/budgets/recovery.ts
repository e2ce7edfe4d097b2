import { ledgerStreamKey, type Outbox } from '../ledger/index.js';
import type { Logger } from '../lib/logger.js';
import { scanKeys, type RedisClient } from '../store/index.js';
import { LEASES_KEY, leaseKey, type Lease } from '../store/lease.js';
import type { RedisBudgetStore } from './redis-store.js';

export type RecoveryOptions = {
  /** How often leases are checked (a lapsed one is recovered in the same round). */
  intervalMs: number;
  /** How often streams are swept for entries of no known owner, and how old such an entry must be. */
  sweepMs: number;
  sweepAgeMs: number;
};

export type RecoveryDeps = {
  redis: RedisClient;
  store: RedisBudgetStore;
  outbox: Outbox;
  lease: Lease;
  log: Logger;
  now: () => number;
  /** Told of each process recovered (metrics). */
  onRecovered?: (found: { holds: number; entries: number }) => void;
};

/** Tenants that have holds or ledger entries in Redis, on every master. */
async function tenantsWithState(redis: RedisClient): Promise<string[]> {
  const keys = [...(await scanKeys(redis, '{*}:b:holds')), ...(await scanKeys(redis, '{*}:ledger'))];
  const tenants = new Set<string>();
  for (const key of keys) {
    const tenant = /^\{([^}]+)\}:/.exec(key)?.[1];
    if (tenant) tenants.add(tenant);
  }
  return [...tenants];
}

/**
 * Gives back what a stopped process held and writes what it had not flushed, exactly once: in
 * each tenant, its holds are released and its id fenced in one atomic step (a settle under it
 * afterwards is refused), then its stream entries go to Postgres (idempotent on their ids) and
 * leave the stream. A lock per owner keeps two recoverers from doing the work twice at once; if
 * the one that holds it dies, the next round after the lock's expiry starts over, harmlessly.
 */
export async function recoverOwner(deps: RecoveryDeps, owner: string): Promise<boolean> {
  const { redis, store, outbox, lease } = deps;
  const lock = `recovering:${owner}`;
  if (!(await redis.set(lock, lease.owner, 'PX', 60_000, 'NX'))) return false;
  try {
    let holds = 0;
    let entries = 0;
    for (const tenant of await tenantsWithState(redis)) {
      holds += await store.recoverOwner(tenant, owner, deps.now());
      entries += await outbox.recoverOwner(owner, ledgerStreamKey(tenant));
    }
    await redis.srem(LEASES_KEY, owner);
    if (holds || entries) deps.log.warn({ owner, holds, entries }, 'recovered a stopped process');
    deps.onRecovered?.({ holds, entries });
    return true;
  } finally {
    await redis.del(lock).catch(() => undefined);
  }
}

/** One round: every registered owner whose lease is gone, recovered by this process. */
export async function recoverLapsed(deps: RecoveryDeps): Promise<number> {
  const owners = (await deps.redis.smembers(LEASES_KEY)).filter((o) => o !== deps.lease.owner);
  const alive = await Promise.all(owners.map((o) => deps.redis.exists(leaseKey(o))));
  let recovered = 0;
  for (const [i, owner] of owners.entries()) {
    if (!alive[i] && (await recoverOwner(deps, owner))) recovered++;
  }
  return recovered;
}

/**
 * Every `intervalMs`, any process recovers the processes whose leases lapsed. Every `sweepMs`,
 * one process (whoever takes the lock) also moves entries older than `sweepAgeMs` that no lease
 * accounts for (written without an owner) into Postgres. The lock lives half a sweep interval,
 * so that it has always expired when the next sweep comes round.
 */
export function startRecovery(deps: RecoveryDeps, options: RecoveryOptions): () => void {
  let busy = false;
  let lastSweep = Date.now();
  const timer = setInterval(async () => {
    if (busy) return; // a round that outlasts the interval is not overlapped by the next
    busy = true;
    try {
      await recoverLapsed(deps);
      if (Date.now() - lastSweep >= options.sweepMs) {
        lastSweep = Date.now();
        const locked = await deps.redis.set('ledger:sweep', deps.lease.owner, 'PX', options.sweepMs / 2, 'NX');
        const moved = locked ? await deps.outbox.recoverOrphans({ olderThanMs: options.sweepAgeMs }) : 0;
        if (moved) deps.log.warn({ moved }, 'recovered ledger entries that no process owned');
      }
    } catch (err) {
      deps.log.warn({ err }, 'recovery round failed');
    } finally {
      busy = false;
    }
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
