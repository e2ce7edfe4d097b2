import { parseCachedAnswer } from '../cache/response-cache.js';
import { decodeEntry, encodeEntry, ledgerStreamKey, type LedgerEntry, type StreamEntry } from '../ledger/index.js';
import { tenantKey } from '../lib/keys.js';
import type { RedisClient } from '../store/index.js';
import type { Lease } from '../store/lease.js';
import { claimsKnownKey } from './claims.js';
import {
  APPEND,
  CLAIM,
  GATE,
  HOLD,
  RATE,
  READ,
  RECOVER_OWNER,
  RELEASE,
  RESTORE_CLAIMS,
  SEED,
  SETTLE,
  UNCLAIM,
} from './redis-scripts.js';
import type {
  BudgetStore,
  ClaimOutcome,
  ClaimRecord,
  ClaimWrite,
  GateOutcome,
  GateRequest,
  HoldOutcome,
  HoldRequest,
  RateSpec,
  Seed,
  SpanState,
  SpanStop,
  SettleOutcome,
  SettleRequest,
  WindowSpec,
  WindowUsage,
} from './store.js';

type Script = (numKeys: number, ...args: (string | number)[]) => Promise<unknown[]>;
const SCRIPTS = {
  budgetGate: GATE,
  budgetHold: HOLD,
  budgetRate: RATE,
  budgetSettle: SETTLE,
  budgetRelease: RELEASE,
  budgetRead: READ,
  budgetSeed: SEED,
  budgetClaim: CLAIM,
  budgetUnclaim: UNCLAIM,
  budgetRestoreClaims: RESTORE_CLAIMS,
  budgetAppend: APPEND,
  budgetRecoverOwner: RECOVER_OWNER,
} as const;
type ScriptName = keyof typeof SCRIPTS;

/** How long a settled reservation id is remembered, so a retried settle is not charged twice. */
const SETTLED_MARKER_TTL_SECONDS = 86_400;
/** How long a recovered owner stays fenced in a tenant (a process paused longer re-registers anyway). */
const FENCE_SECONDS = 86_400;

const holdsKey = (tenantId: string) => tenantKey(tenantId, 'b', 'holds');
const expiryKey = (tenantId: string) => tenantKey(tenantId, 'b', 'expiry');
/** Set when `owner` was recovered in this tenant (a placeholder of the tenant's for no owner). */
const fenceKey = (tenantId: string, owner: string) => tenantKey(tenantId, 'b', 'fence', owner || '-');

const pairs = (flat: unknown[], from: number): WindowUsage[] => {
  const out: WindowUsage[] = [];
  for (let i = from; i < flat.length; i += 2) out.push({ used: Number(flat[i]), reserved: Number(flat[i + 1]) });
  return out;
};

const windowArgs = (req: HoldRequest) => req.windows.flatMap((w, i) => [w.limit, req.amounts[i]!, w.ttlSeconds]);
const seedOf = (reply: unknown[]): Seed => ({
  kind: 'seed',
  indexes: (reply[1] as number[]).map((i) => Number(i) - 1),
});

/** The replies every hold-shaped script can give. */
function holdReply(reply: unknown[]): HoldOutcome {
  switch (reply[0]) {
    case 'HELD':
      return { kind: 'held', usage: pairs(reply, 1) };
    case 'DENIED':
      return {
        kind: 'denied',
        index: Number(reply[1]) - 1,
        usage: { used: Number(reply[2]), reserved: Number(reply[3]) },
      };
    case 'SEED':
      return seedOf(reply);
    case 'GONE':
      return { kind: 'gone' };
    default:
      throw new Error(`unexpected budget script reply ${String(reply[0])}`);
  }
}

/**
 * Budget counters in Redis: each operation is one EVALSHA of a Lua script. With a `lease`, every
 * hold and ledger entry carries this process's owner id, so that another process can recover them
 * if this one stops (see `recoverOwner`); without one (tools, tests) they carry none and only expire.
 */
export class RedisBudgetStore implements BudgetStore {
  readonly kind = 'redis' as const;

  /** `probesCache`: the response cache lives in this Redis (no CACHE_REDIS_URL). */
  constructor(
    private readonly redis: RedisClient,
    readonly probesCache = false,
    private readonly lease?: Lease,
  ) {
    for (const [name, lua] of Object.entries(SCRIPTS)) {
      if (!(name in redis)) redis.defineCommand(name, { lua });
    }
  }

  private run(name: ScriptName, keys: string[], args: (string | number)[]): Promise<unknown[]> {
    const script = (this.redis as unknown as Record<ScriptName, Script>)[name];
    return script.call(this.redis, keys.length, ...keys, ...args);
  }

  /**
   * A script that holds or writes in a tenant under this process's owner id: `keys` puts the
   * owner's fence key in place, `args` the id. The lease first notes the tenant among those it
   * works in (so that recovery knows where to look). If the id was fenced (this process was paused
   * past its lease and recovered), the lease registers a new id and the script runs once more
   * under it: the refused attempt changed nothing.
   */
  private async owned(
    name: ScriptName,
    tenantId: string,
    keys: (fence: string) => string[],
    args: (owner: string) => (string | number)[],
  ): Promise<unknown[]> {
    const lease = this.lease;
    // Past the lease's known validity it is renewed first. If Redis cannot say (the lease's own
    // node is failing over), the id is used as it is: the fence in the tenant's slot, checked in
    // the same step, still refuses it if it was recovered meanwhile.
    let owner = lease ? (lease.current() ?? (await lease.refresh().catch(() => lease.owner))) : '';
    for (let attempt = 0; ; attempt++) {
      if (lease) await lease.enter(tenantId, owner);
      const reply = await this.run(name, keys(fenceKey(tenantId, owner)), args(owner));
      if (reply[0] !== 'LEASE_LOST') return reply;
      if (!lease || attempt > 0) throw new Error(`the store fenced this process's owner id ${owner} twice`);
      owner = await lease.lost(owner);
    }
  }

  async gate(req: GateRequest): Promise<GateOutcome> {
    const probe = this.probesCache ? req.cacheProbe : undefined;
    const stream = ledgerStreamKey(req.tenantId);
    const span = req.span;
    // Unused slots still name keys of this tenant, so the script stays in one slot.
    const unused = (what: string) => tenantKey(req.tenantId, what, '-');
    const keys = (fence: string) => [
      holdsKey(req.tenantId),
      expiryKey(req.tenantId),
      req.rateLimit?.key ?? unused('rl'),
      probe?.key ?? unused('rc'),
      stream,
      span?.key ?? unused('run'),
      span?.seenKey ?? unused('run-seen'),
      fence,
      ...req.windows.map((w) => w.key),
    ];
    const limits = span?.limits;
    const args = [
      req.now,
      req.reservationId,
      req.expiresAt,
      req.rateLimit?.limit ?? 0,
      req.rateLimit?.windowSeconds ?? 0,
      probe ? encodeEntry(probe.hit) : '',
      span?.scope ?? '',
      span?.recordId ?? '',
      span?.ttlMs ?? 0,
      limits?.toolCalls ?? 0,
      limits?.tokens ?? 0,
      limits?.costMicros ?? 0,
      limits?.durationMs ?? 0,
    ];
    const reply = await this.owned('budgetGate', req.tenantId, keys, (owner) => [...args, owner, ...windowArgs(req)]);
    const spanOf = (v: unknown) => (v ? (JSON.parse(String(v)) as SpanState) : undefined);
    switch (reply[0]) {
      case 'RATE_LIMITED':
        return { kind: 'rate_limited' };
      case 'RUN_REFUSED':
        return {
          kind: 'run_refused',
          reason: String(reply[1]) as SpanStop | 'EXPIRED' | 'FOREIGN',
          span: spanOf(reply[2]),
        };
      case 'HIT': {
        const entry = decodeEntry(String(reply[3]));
        const answer = parseCachedAnswer(String(reply[2]));
        return { kind: 'hit', answer, entry, streamEntry: { stream, id: String(reply[4]) }, span: spanOf(reply[1]) };
      }
      case 'HELD':
      case 'DENIED': {
        const span = spanOf(reply[1]);
        const outcome = holdReply([reply[0], ...reply.slice(2)]);
        if (outcome.kind === 'held' || outcome.kind === 'denied') return { ...outcome, span };
        throw new Error('unreachable: a new hold is held or denied');
      }
      default:
        return holdReply(reply) as GateOutcome;
    }
  }

  reserve(req: HoldRequest): Promise<HoldOutcome> {
    return this.hold(req, 'reserve');
  }

  extend(req: HoldRequest): Promise<HoldOutcome> {
    return this.hold(req, 'extend');
  }

  force(req: HoldRequest): Promise<HoldOutcome> {
    return this.hold(req, 'force');
  }

  private async hold(req: HoldRequest, mode: 'reserve' | 'extend' | 'force'): Promise<HoldOutcome> {
    const keys = (fence: string) => [
      holdsKey(req.tenantId),
      expiryKey(req.tenantId),
      fence,
      ...req.windows.map((w) => w.key),
    ];
    const args = (owner: string) => [req.now, req.reservationId, req.expiresAt, mode, owner, ...windowArgs(req)];
    return holdReply(await this.owned('budgetHold', req.tenantId, keys, args));
  }

  async settle(req: SettleRequest): Promise<SettleOutcome> {
    const stream = ledgerStreamKey(req.tenantId);
    const span = req.span;
    const keys = (fence: string) => [
      holdsKey(req.tenantId),
      expiryKey(req.tenantId),
      stream,
      tenantKey(req.tenantId, 'b', 'settled', req.reservationId),
      req.claim?.key ?? tenantKey(req.tenantId, 'idem', '-'),
      span?.key ?? tenantKey(req.tenantId, 'run', '-'),
      fence,
      ...req.windows.map((w) => w.key),
    ];
    const args: (string | number)[] = [
      req.reservationId,
      encodeEntry(req.entry),
      SETTLED_MARKER_TTL_SECONDS,
      req.claim ? JSON.stringify(req.claim.record) : '',
      req.claim?.ttlSeconds ?? 0,
      span ? '1' : '',
      span?.inputTokens ?? 0,
      span?.outputTokens ?? 0,
      span?.cachedInputTokens ?? 0,
      span?.costMicros ?? 0,
      span?.toolCalls ?? 0,
      span?.ended ?? '',
    ];
    const charges = req.windows.flatMap((w, i) => [req.charges[i]!, w.ttlSeconds]);
    const reply = await this.owned('budgetSettle', req.tenantId, keys, (owner) => [...args, owner, ...charges]);
    if (reply[0] === 'SETTLED') return { kind: 'settled', streamEntry: { stream, id: String(reply[1]) } };
    if (reply[0] === 'DUPLICATE') return { kind: 'duplicate' };
    return seedOf(reply);
  }

  async claim(tenantId: string, claim: ClaimWrite): Promise<ClaimOutcome> {
    const keys = [claim.key, claimsKnownKey(tenantId)];
    const reply = await this.run('budgetClaim', keys, [JSON.stringify(claim.record), claim.ttlSeconds]);
    if (reply[0] === 'REBUILD') return { kind: 'rebuild' };
    if (reply[0] === 'TAKEN') return { kind: 'taken', record: JSON.parse(String(reply[1])) as ClaimRecord };
    return { kind: 'claimed' };
  }

  async unclaim(_tenantId: string, key: string, runId: string): Promise<void> {
    await this.run('budgetUnclaim', [key], [runId]);
  }

  async restoreClaims(tenantId: string, claims: ClaimWrite[], knownForSeconds: number): Promise<void> {
    const args = [knownForSeconds, ...claims.flatMap((c) => [JSON.stringify(c.record), c.ttlSeconds])];
    await this.run('budgetRestoreClaims', [claimsKnownKey(tenantId), ...claims.map((c) => c.key)], args);
  }

  async release(tenantId: string, reservationId: string): Promise<void> {
    await this.run('budgetRelease', [holdsKey(tenantId), expiryKey(tenantId)], [reservationId]);
  }

  async read(tenantId: string, windows: WindowSpec[], now: number) {
    const reply = await this.run(
      'budgetRead',
      [holdsKey(tenantId), expiryKey(tenantId), ...windows.map((w) => w.key)],
      [now],
    );
    if (reply[0] === 'SEED') return seedOf(reply);
    return { kind: 'ok' as const, usage: pairs(reply, 1) };
  }

  async seed(window: WindowSpec, used: number): Promise<void> {
    await this.run('budgetSeed', [window.key], [used, window.ttlSeconds]);
  }

  async countRate(rate: RateSpec): Promise<boolean> {
    const n = (await this.run('budgetRate', [rate.key], [rate.windowSeconds])) as unknown as number;
    return Number(n) > rate.limit;
  }

  async append(tenantId: string, entry: LedgerEntry): Promise<StreamEntry> {
    const stream = ledgerStreamKey(tenantId);
    const encoded = encodeEntry(entry);
    const keys = (fence: string) => [stream, fence];
    const reply = await this.owned('budgetAppend', tenantId, keys, (owner) => [owner, encoded]);
    return { stream, id: String(reply[1]) };
  }

  /**
   * A stopped process's holds in this tenant given back, and its owner id fenced here, in one
   * step (see RECOVER_OWNER). Answers how many holds were released; a second call releases none.
   */
  async recoverOwner(tenantId: string, owner: string): Promise<number> {
    const keys = [holdsKey(tenantId), expiryKey(tenantId), fenceKey(tenantId, owner)];
    return Number(await this.run('budgetRecoverOwner', keys, [owner, FENCE_SECONDS]));
  }

  /** One command per key: keys of several tenants lie in several slots of a cluster. */
  async invalidate(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.redis.unlink(k)));
  }
}
