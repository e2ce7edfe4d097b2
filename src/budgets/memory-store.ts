import type { CacheKv } from '../cache/kv.js';
import { fillHit, parseCachedAnswer } from '../cache/response-cache.js';
import type { LedgerEntry } from '../ledger/index.js';
import { claimsKnownKey } from './claims.js';
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
  SettleOutcome,
  SpanRequest,
  SpanState,
  SpanStop,
  SettleRequest,
  WindowSpec,
  WindowUsage,
} from './store.js';

type Hold = { tenantId: string; expiresAt: number; amounts: Map<string, number> };

/**
 * The embedded store: one process owns the counters. Every operation checks and applies without
 * yielding, which is what makes it atomic here. The ledger row is written before counters move.
 * The steps follow the Redis scripts one for one (the contract suite runs both).
 */
export class MemoryBudgetStore implements BudgetStore {
  readonly kind = 'memory' as const;
  readonly probesCache: boolean;
  private readonly counters = new Map<string, WindowUsage>();
  private readonly holds = new Map<string, Hold>();
  private readonly settled = new Set<string>();
  private readonly rates = new Map<string, number>();
  private readonly claims = new Map<string, { record: ClaimRecord; expiresAt: number }>();
  private readonly spans = new Map<string, { state: SpanState; scope: string; ended: string; expiresAt: number }>();
  private readonly seen = new Map<string, number>();
  private readonly claimsKnown = new Set<string>();

  constructor(
    private readonly writeLedger: (entry: LedgerEntry) => Promise<void>,
    private readonly cache?: CacheKv,
  ) {
    this.probesCache = Boolean(cache);
  }

  async gate(req: GateRequest): Promise<GateOutcome> {
    this.reap(req.now);
    const missing = this.missing(req.windows);
    if (missing.length) return { kind: 'seed', indexes: missing };
    if (req.rateLimit && this.overRate(req.rateLimit)) return { kind: 'rate_limited' };
    const span = req.span ? this.openSpan(req.span, req.now) : undefined;
    if (span && span.kind === 'refused') return { kind: 'run_refused', reason: span.reason, span: span.state };
    const state = span?.state;
    if (this.cache && req.cacheProbe) {
      const raw = await this.cache.get(req.cacheProbe.key);
      const answer = raw ? parseCachedAnswer(raw) : undefined;
      if (answer && answer.expiresAt > req.now) {
        const filled = fillHit(req.cacheProbe.hit, answer);
        // A hit inside a run is one of its calls.
        const entry = state
          ? {
              run: filled.run && { ...filled.run, id: state.record },
              // Only a run's first call opens it in usage reports.
              events: filled.events.map((e) => ({ ...e, runId: state.record, opensRun: state.calls === 0 })),
            }
          : filled;
        if (state) this.spans.get(req.span!.key)!.state.calls++;
        await this.writeLedger(entry);
        return { kind: 'hit', answer, entry, span: state && { ...state } };
      }
    }
    // The cache read yielded: the counters may have moved, so the hold checks them afresh.
    const held = this.hold(req, new Map());
    if (held.kind === 'gone' || held.kind === 'seed') throw new Error('unreachable: a new hold is held or denied');
    return { ...held, span: state && { ...state } };
  }

  /** The run a call continues, or a new one: as GATE does in Lua. */
  private openSpan(
    req: SpanRequest,
    now: number,
  ):
    | { kind: 'open'; state: SpanState }
    | { kind: 'refused'; reason: SpanStop | 'EXPIRED' | 'FOREIGN'; state?: SpanState } {
    let span = this.spans.get(req.key);
    if (span && span.expiresAt <= now) {
      this.spans.delete(req.key);
      span = undefined;
    }
    if (!span) {
      if ((this.seen.get(req.seenKey) ?? 0) > now) return { kind: 'refused', reason: 'EXPIRED' };
      const state: SpanState = {
        started: now,
        inputTokens: 0,
        outputTokens: 0,
        cachedInputTokens: 0,
        costMicros: 0,
        toolCalls: 0,
        calls: 0,
        record: req.recordId,
      };
      span = { state, scope: req.scope, ended: '', expiresAt: now + req.ttlMs };
      this.spans.set(req.key, span);
      this.seen.set(req.seenKey, now + 86_400_000);
    }
    if (span.scope !== req.scope) return { kind: 'refused', reason: 'FOREIGN' };
    const s = span.state;
    const stop: SpanStop | '' =
      (span.ended as SpanStop | '') ||
      (s.toolCalls > req.limits.toolCalls
        ? 'TOOL_CALLS'
        : s.inputTokens + s.outputTokens >= req.limits.tokens
          ? 'TOKENS'
          : s.costMicros >= req.limits.costMicros
            ? 'COST'
            : now - s.started >= req.limits.durationMs
              ? 'DURATION'
              : '');
    if (stop) return { kind: 'refused', reason: stop, state: { ...s } };
    return { kind: 'open', state: { ...s } };
  }

  async reserve(req: HoldRequest): Promise<HoldOutcome> {
    this.reap(req.now);
    return this.hold(req, new Map());
  }

  async extend(req: HoldRequest): Promise<HoldOutcome> {
    this.reap(req.now);
    const existing = this.holds.get(req.reservationId);
    if (!existing) return { kind: 'gone' };
    return this.hold(req, existing.amounts);
  }

  async force(req: HoldRequest): Promise<HoldOutcome> {
    this.reap(req.now);
    const existing = this.holds.get(req.reservationId);
    if (!existing) return { kind: 'gone' };
    return this.hold(req, existing.amounts, true);
  }

  private hold(req: HoldRequest, current: Map<string, number>, force = false): HoldOutcome {
    const missing = this.missing(req.windows);
    if (missing.length) return { kind: 'seed', indexes: missing };
    const usage = req.windows.map((w) => this.counters.get(w.key)!);
    for (const [i, w] of req.windows.entries()) {
      const u = usage[i]!;
      if (!force && u.used + u.reserved + req.amounts[i]! > w.limit)
        return { kind: 'denied', index: i, usage: { ...u } };
    }
    const amounts = new Map(current);
    for (const [i, w] of req.windows.entries()) {
      usage[i]!.reserved += req.amounts[i]!;
      amounts.set(w.key, (amounts.get(w.key) ?? 0) + req.amounts[i]!);
    }
    this.holds.set(req.reservationId, { tenantId: req.tenantId, expiresAt: req.expiresAt, amounts });
    return { kind: 'held', usage: usage.map((u) => ({ ...u })) };
  }

  async settle(req: SettleRequest): Promise<SettleOutcome> {
    if (this.settled.has(req.reservationId)) return { kind: 'duplicate' };
    const missing = this.missing(req.windows);
    if (missing.length) return { kind: 'seed', indexes: missing };
    await this.writeLedger(req.entry);
    // Nothing below yields: the counters move together, after the ledger has the row.
    if (this.settled.has(req.reservationId)) return { kind: 'duplicate' };
    const hold = this.holds.get(req.reservationId);
    this.giveBack(hold);
    for (const [i, w] of req.windows.entries()) this.counters.get(w.key)!.used += req.charges[i]!;
    this.holds.delete(req.reservationId);
    this.settled.add(req.reservationId);
    const span = req.span && this.spans.get(req.span.key);
    if (req.span && span) {
      const s = span.state;
      s.inputTokens += req.span.inputTokens;
      s.outputTokens += req.span.outputTokens;
      s.cachedInputTokens += req.span.cachedInputTokens;
      s.costMicros += req.span.costMicros;
      s.toolCalls += req.span.toolCalls;
      s.calls++;
      if (req.span.ended) span.ended = req.span.ended;
    }
    if (req.claim)
      // The claims' clock is the process's (as claim() reads it), not the request's.
      this.claims.set(req.claim.key, { record: req.claim.record, expiresAt: Date.now() + req.claim.ttlSeconds * 1000 });
    // Duplicates arrive moments apart: the oldest settled ids can be forgotten.
    if (this.settled.size > 100_000) this.settled.delete(this.settled.values().next().value!);
    return { kind: 'settled' };
  }

  async release(_tenantId: string, reservationId: string): Promise<void> {
    this.giveBack(this.holds.get(reservationId));
    this.holds.delete(reservationId);
  }

  async read(_tenantId: string, windows: WindowSpec[], now: number) {
    this.reap(now);
    const missing = this.missing(windows);
    if (missing.length) return { kind: 'seed' as const, indexes: missing };
    return { kind: 'ok' as const, usage: windows.map((w) => ({ ...this.counters.get(w.key)! })) };
  }

  async seed(window: WindowSpec, used: number): Promise<void> {
    if (!this.counters.has(window.key)) this.counters.set(window.key, { used, reserved: 0 });
  }

  async append(_tenantId: string, entry: LedgerEntry): Promise<undefined> {
    await this.writeLedger(entry);
    return undefined;
  }

  async invalidate(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.counters.delete(key);
      this.claimsKnown.delete(key);
    }
  }

  async claim(tenantId: string, claim: ClaimWrite): Promise<ClaimOutcome> {
    if (!this.claimsKnown.has(claimsKnownKey(tenantId))) return { kind: 'rebuild' };
    const existing = this.claims.get(claim.key);
    if (existing && existing.expiresAt > Date.now()) return { kind: 'taken', record: existing.record };
    this.forgetExpiredClaims();
    this.claims.set(claim.key, { record: claim.record, expiresAt: Date.now() + claim.ttlSeconds * 1000 });
    return { kind: 'claimed' };
  }

  async unclaim(_tenantId: string, key: string, runId: string): Promise<void> {
    if (this.claims.get(key)?.record.runId === runId) this.claims.delete(key);
  }

  async restoreClaims(tenantId: string, claims: ClaimWrite[]): Promise<void> {
    for (const c of claims) {
      if (!this.claims.has(c.key))
        this.claims.set(c.key, { record: c.record, expiresAt: Date.now() + c.ttlSeconds * 1000 });
    }
    this.claimsKnown.add(claimsKnownKey(tenantId));
  }

  private forgetExpiredClaims(): void {
    if (this.claims.size < 10_000) return;
    const now = Date.now();
    for (const [key, c] of this.claims) if (c.expiresAt <= now) this.claims.delete(key);
  }

  async countRate(rate: RateSpec): Promise<boolean> {
    return this.overRate(rate);
  }

  /** Fixed windows: the key names the window, so old keys are only ever left behind. */
  private overRate(rate: RateSpec): boolean {
    if (this.rates.size > 10_000) this.rates.clear();
    const n = (this.rates.get(rate.key) ?? 0) + 1;
    this.rates.set(rate.key, n);
    return n > rate.limit;
  }

  private missing(windows: WindowSpec[]): number[] {
    return windows.flatMap((w, i) => (this.counters.has(w.key) ? [] : [i]));
  }

  private giveBack(hold: Hold | undefined): void {
    for (const [key, amount] of hold?.amounts ?? []) {
      const c = this.counters.get(key);
      if (c) c.reserved = Math.max(0, c.reserved - amount);
    }
  }

  private reap(now: number): void {
    for (const [id, hold] of this.holds) {
      if (hold.expiresAt <= now) {
        this.giveBack(hold);
        this.holds.delete(id);
      }
    }
  }
}
