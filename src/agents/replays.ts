import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { REPLAY_SECONDS } from '../budgets/index.js';
import type { Logger } from '../lib/logger.js';

/**
 * A charged run's answer is kept for its idempotency key's replay for a day, whatever the agent's
 * storeTranscripts says; then it is cleared. Runs as the system role (the request role cannot
 * change run rows), once an hour, on every process (the statement is idempotent and cheap).
 */
export async function clearExpiredReplays(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - REPLAY_SECONDS * 1000);
  const result = (await db.execute(
    sql`update agent_runs set replay = null where replay is not null and created_at < ${before}`,
  )) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  return result.rowCount ?? result.affectedRows ?? 0;
}

export function startReplaySweep(db: Db, log: Logger, now: () => Date, intervalMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    clearExpiredReplays(db, now()).catch((err: unknown) => log.warn({ err }, 'could not clear expired replays'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
