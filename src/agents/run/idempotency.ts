import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import {
  claimIdempotencyKey,
  claimKey,
  releaseIdempotencyKey,
  REPLAY_SECONDS,
  type ClaimRecord,
  type ClaimWrite,
} from '../../budgets/index.js';
import type { TenantContext } from '../../context.js';
import { scoped } from '../../db/scoped.js';
import { agentRuns } from '../../db/schema/index.js';
import { AppError, badInput } from '../../lib/errors.js';
import type { RunRecord } from '../run-record.js';
import type { DeliveredResult, RunAgentResult } from './outcome.js';
import type { PreparedRun } from './prepare.js';

/** A run's hold on its idempotency key: released unless the run charged (then the settle marks it done). */
export type Claim = { key: string; scoped: string; hash: string; runId: string };

export type Claimed = { kind: 'claimed'; claim: Claim } | { kind: 'replay'; result: DeliveredResult };

/** How long a retry waits for the first call to finish before it answers CONFLICT. */
const POLL_MS = 50;

/**
 * The key as stored: scoped to the tenant (the store key's hash tag) and the acting user (a
 * service key acting for nobody: the key itself), so that two users' keys never meet.
 */
const scopedKey = (run: PreparedRun, key: string) =>
  `${run.user ? `user:${run.user.id}` : `key:${run.apiKeyId}`}:${key}`;

/**
 * "The same input": the hash of the normalized request, the same on every door (the agent it
 * resolved to, who acts, the conversation, the caps, the modes, the caller's tools).
 */
export function requestHash(run: PreparedRun): string {
  const r = run.request;
  const parts = [
    run.agent.id,
    run.user?.id ?? null,
    r.messages,
    r.maxOutputTokens ?? null,
    r.cache,
    r.routing,
    r.tools ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The first call with a key claims it and runs; a retry with the same request gets the first
 * call's result (a charged one: refusals are not replayed, so that an upgrade in between counts),
 * waiting a little if the first is still running, else CONFLICT with when to retry. The same key
 * with another request is the caller's mistake.
 */
export async function claimRun(ctx: TenantContext, run: PreparedRun, idempotencyKey: string): Promise<Claimed> {
  const { deps } = ctx;
  const scoped = scopedKey(run, idempotencyKey);
  const claim: Claim = { key: claimKey(run.tenant.id, scoped), scoped, hash: requestHash(run), runId: run.runId };
  const running: ClaimWrite = {
    key: claim.key,
    record: { runId: run.runId, hash: claim.hash, state: 'running' },
    // A crashed run's claim lapses with its time limit; one that charged was marked done with the charge.
    ttlSeconds: run.plan.maxDurationSeconds + 60,
  };
  const deadline = Date.now() + deps.config.idempotencyWaitMs;
  for (;;) {
    const outcome = await claimIdempotencyKey(deps.budgets, run.tenant.id, running, () =>
      restorableClaims(ctx, run.tenant.id),
    );
    if (outcome.kind === 'claimed') return { kind: 'claimed', claim };
    const taken = outcome.record;
    if (taken.hash !== claim.hash) {
      throw badInput(
        'This idempotency key was used with a different request: use a new key for a new request.',
        'idempotencyKey',
      );
    }
    if (taken.state === 'done') {
      const result = taken.result as RunAgentResult;
      // Charged but cut short (its caller left a stream): never run, nor charged, twice.
      if (result.__typename === 'RunCanceled') {
        throw new AppError(
          'CONFLICT',
          `The first call with this idempotency key stopped when its caller left, and was charged for what it generated (run ${result.run.id}): send a new key to run again.`,
          { runId: result.run.id, reason: 'IDEMPOTENCY_KEY_SPENT' },
        );
      }
      return { kind: 'replay', result };
    }
    if (Date.now() >= deadline) {
      const message = 'A call with this idempotency key is still running; retry shortly for its result.';
      throw new AppError('CONFLICT', message, { retryAfterSeconds: 1, reason: 'IDEMPOTENCY_IN_FLIGHT' });
    }
    await sleep(POLL_MS);
  }
}

/**
 * A charged run's claim, marked done with its result, and what its run row keeps for a replay (a
 * run its caller cut short keeps that, and a retry is told so).
 */
export function completedClaim(
  claim: Claim,
  result: RunAgentResult,
): { write: ClaimWrite; record: Partial<RunRecord> } {
  const { run: _run, ...replay } = result;
  const record: ClaimRecord = {
    runId: claim.runId,
    hash: claim.hash,
    state: 'done',
    result: { ...result, run: { ...result.run, replay: null } },
  };
  return {
    write: { key: claim.key, record, ttlSeconds: REPLAY_SECONDS },
    record: { idempotencyKey: claim.scoped, requestHash: claim.hash, replay },
  };
}

export const releaseClaim = (ctx: TenantContext, tenantId: string, claim: Claim) =>
  releaseIdempotencyKey(ctx.deps.budgets, tenantId, claim.key, claim.runId);

/** The tenant's charged runs of the last day that a retry may replay: from Postgres (and the outbox). */
async function restorableClaims(ctx: TenantContext, tenantId: string): Promise<ClaimWrite[]> {
  const { deps } = ctx;
  const since = new Date(deps.clock.now().getTime() - REPLAY_SECONDS * 1000);
  const rows = await scoped(deps.db, tenantId, (tx) =>
    tx
      .select()
      .from(agentRuns)
      .where(
        and(
          eq(agentRuns.tenantId, tenantId),
          isNotNull(agentRuns.idempotencyKey),
          isNotNull(agentRuns.replay),
          gte(agentRuns.createdAt, since),
        ),
      ),
  );
  const runs: RunRecord[] = [
    ...rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    ...(await deps.outbox.runs(tenantId, { from: since })),
  ];
  return runs.flatMap((run) => {
    if (!run.idempotencyKey || !run.requestHash || !run.replay) return [];
    const age = (deps.clock.now().getTime() - Date.parse(run.createdAt)) / 1000;
    const result = { ...(run.replay as object), run: { ...run, replay: null } };
    return [
      {
        key: claimKey(tenantId, run.idempotencyKey),
        record: { runId: run.id, hash: run.requestHash, state: 'done' as const, result },
        ttlSeconds: Math.max(1, Math.ceil(REPLAY_SECONDS - age)),
      },
    ];
  });
}
