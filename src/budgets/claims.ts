import { createHash } from 'node:crypto';
import { tenantKey } from '../lib/keys.js';
import { asStoreFault, flushStale, type BudgetDeps } from './service.js';
import type { ClaimOutcome, ClaimWrite } from './store.js';

/** How long a charged run's answer is replayed for its idempotency key. */
export const REPLAY_SECONDS = 86_400;

/** Set while the store knows every charged idempotency key of the tenant (it loses them with its data). */
export const claimsKnownKey = (tenantId: string) => tenantKey(tenantId, 'idem', 'known');

/** The store key of an idempotency key already scoped to its tenant and acting user. */
export const claimKey = (tenantId: string, scopedKey: string) =>
  tenantKey(tenantId, 'idem', createHash('sha256').update(scopedKey).digest('hex'));

/**
 * Claims an idempotency key, atomically across processes. When the store does not know the
 * tenant's claims (Redis lost its data), the charged runs of the last day are restored from the
 * ledger first (everything not yet in Postgres is written there before), so that a wipe can never
 * make one key run, and charge, twice.
 */
export async function claimIdempotencyKey(
  deps: BudgetDeps,
  tenantId: string,
  claim: ClaimWrite,
  restore: () => Promise<ClaimWrite[]>,
): Promise<Exclude<ClaimOutcome, { kind: 'rebuild' }>> {
  try {
    await flushStale(deps);
    for (let round = 0; ; round++) {
      const outcome = await deps.store.claim(tenantId, claim);
      if (outcome.kind !== 'rebuild') return outcome;
      if (round >= 2) throw new Error('idempotency claims could not be restored');
      await deps.outbox.flush();
      await deps.outbox.recoverOrphans({ tenantId, olderThanMs: 0 });
      await deps.store.restoreClaims(tenantId, await restore(), REPLAY_SECONDS);
    }
  } catch (err) {
    throw asStoreFault(deps, err);
  }
}

/** Gives a claim back: its run did not charge, and a retry should run again. */
export async function releaseIdempotencyKey(
  deps: BudgetDeps,
  tenantId: string,
  key: string,
  runId: string,
): Promise<void> {
  try {
    await deps.store.unclaim(tenantId, key, runId);
  } catch (err) {
    // The claim expires with its run's time limit; a retry then runs.
    deps.log.warn({ err, runId }, 'could not release an idempotency claim; it will expire');
  }
}
