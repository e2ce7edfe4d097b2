import { ledgerStreamKey, type Outbox } from '../ledger/index.js';
import type { Logger } from '../lib/logger.js';
import { scanKeys, type RedisClient } from '../store/index.js';
import { LEASES_KEY, leaseKey, ownerTenantsKey, tenantsOf, type Lease } from '../store/lease.js';
import type { RedisBudgetStore } from './redis-store.js';

export type RecoveryOptions = {
  /** How often leases are checked (a lapsed one is recovered in the same round). */
  intervalMs: number;
  /** How often streams are swept for entries older than `sweepAgeMs`, whoever wrote them. */
  sweepMs: number;
  sweepAgeMs: number;
};

export type RecoveryDeps = {
  redis: RedisClient;
  store: RedisBudgetStore;
  outbox: Outbox;
  lease: Lease;
  log: Logger;
  /** Told of each process recovered (metrics). */
  onRecovered?: (found: { holds: number; entries: number }) => void;
};

/** Tenants that have holds or ledger entries in Redis, on every master (when an owner's index is gone). */
async function tenantsWithState(redis: RedisClient): Promise<string[]> {
  const keys = [...(await scanKeys(redis, '{*}:b:holds')), ...(await scanKeys(redis, '{*}:ledger'))];
  const tenants = new Set<string>();
  for (const key of keys) {
    const tenant = /^\{([^}]+)\}:/.exec(key)?.[1];
    if (tenant) tenants.add(tenant);
  }
  return [...tenants];
}

/** Deletes the lock only while it is still ours (one that outlived its expiry may be another's now). */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Gives back what a stopped process held and writes what it had not flushed, exactly once. In each
 * tenant it worked in (its tenant index; all tenants with state if the index is gone), its holds
 * are given back and its id fenced in one atomic step (each hold is deleted as it is given back,
 * and a hold or settle under the id afterwards is refused), then its stream entries go to Postgres
 * (idempotent on their ids) and leave the stream. A lock per owner keeps two recoverers from doing
 * the work at once; if the one that holds it dies, the next round after the lock's expiry starts
 * over, harmlessly.
 */
export async function recoverOwner(deps: RecoveryDeps, owner: string): Promise<boolean> {
  const { redis, store, outbox, lease } = deps;
  const lock = `recovering:${owner}`;
  const me = `${lease.owner}:${Math.random()}`;
  if (!(await redis.set(lock, me, 'PX', 60_000, 'NX'))) return false;
  try {
    let holds = 0;
    let entries = 0;
    for (const tenant of (await tenantsOf(redis, owner)) ?? (await tenantsWithState(redis))) {
      holds += await store.recoverOwner(tenant, owner);
      entries += await outbox.recoverOwner(owner, ledgerStreamKey(tenant));
    }
    await redis.srem(LEASES_KEY, owner);
    await redis.del(ownerTenantsKey(owner));
    if (holds || entries) deps.log.warn({ owner, holds, entries }, 'recovered a stopped process');
    deps.onRecovered?.({ holds, entries });
    return true;
  } finally {
    await redis.eval(UNLOCK, 1, lock, me).catch(() => undefined);
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
 * one process (whoever takes the lock) also moves every stream entry older than `sweepAgeMs` into
 * Postgres, whoever wrote it (idempotent: a live owner's slow batch costs a skipped insert); that
 * catches what no lease accounts for, such as entries written without an owner. The lock lives
 * half a sweep interval, so that it has expired when the next process's sweep comes round.
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
        if (moved) deps.log.warn({ moved }, 'moved old ledger entries to Postgres');
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
