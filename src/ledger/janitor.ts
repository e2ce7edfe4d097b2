import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../lib/logger.js';
import type { Outbox } from './outbox.js';

/**
 * Every `intervalMs`, one process (whoever takes the lock) moves ledger stream entries that a dead
 * process left behind into Postgres. Live processes flush their own within milliseconds, so an
 * entry a minute old has lost its owner.
 */
export function startLedgerJanitor(outbox: Outbox, redis: Redis, log: Logger, intervalMs = 30_000): () => void {
  const me = randomUUID();
  const timer = setInterval(async () => {
    try {
      const locked = await redis.set('ledger:janitor', me, 'PX', intervalMs, 'NX');
      if (!locked) return;
      const moved = await outbox.recoverOrphans({ olderThanMs: 60_000 });
      if (moved) log.warn({ moved }, 'recovered ledger events left by a stopped process');
    } catch (err) {
      log.warn({ err }, 'ledger janitor round failed');
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
