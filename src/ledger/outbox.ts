import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { isRowFault } from '../db/errors.js';
import type { StoredAgentRun } from '../db/schema/index.js';
import { tenantKey } from '../lib/keys.js';
import type { Logger } from '../lib/logger.js';
import { scanKeys, type RedisClient } from '../store/index.js';
import {
  decodeEntry,
  encodeEntry,
  opensRun,
  tenantOf,
  type AlertDraft,
  type LedgerEntry,
  type UsageEvent,
} from './entry.js';
import { matchesRunFilter, type RunFilter } from './run-filter.js';
import { latestCallSql, mergeCalls } from './run-merge.js';

/**
 * Inserts alerts, each once per kind, subject and period (a second one is dropped). An alert for a
 * tenant with a webhook and a signing secret is queued for delivery in the same statement, so it
 * is delivered even if this process dies next.
 */
export function alertInsert(alerts: AlertDraft[]) {
  return sql`
    insert into alerts (id, tenant_id, kind, subject_user_id, period_key, value, threshold, message, created_at,
      run_id, delivery_status, next_delivery_at)
    select a.id, a."tenantId", a.kind, a."subjectUserId", a."periodKey", a.value, a.threshold, a.message,
      a."createdAt", a."runId",
      case when t.alert_webhook_url is not null and t.alert_signing_secret is not null then 'PENDING' else 'NONE' end,
      case when t.alert_webhook_url is not null and t.alert_signing_secret is not null
        then now() + coalesce(a."heldMs", 0) * interval '1 millisecond' end
    from jsonb_to_recordset(${JSON.stringify(alerts)}::jsonb) as a(id text, "tenantId" text, kind text,
      "subjectUserId" text, "periodKey" text, value float8, threshold float8, message text, "createdAt" timestamptz,
      "runId" text, "heldMs" int8)
    join tenants t on t.id = a."tenantId"`;
}

/** Where an entry sits in Redis until Postgres has it. */
export type StreamEntry = { stream: string; id: string };

/** `at`: when this process took the entry (its wall clock: the ledger lag of /metrics). */
type Pending = { entry: LedgerEntry; stream?: StreamEntry; at: number };

const MAX_PENDING = 100_000;

/** A stream entry's fields: `e` the entry, `o` the owner id of the process that wrote it (if any). */
const ownerOf = (fields: string[]) => {
  const at = fields.indexOf('o');
  return at > 0 && at % 2 === 0 ? fields[at + 1] : undefined;
};

/** Rows of agent_runs from their JSON form (arrays and JSON per row: jsonb_to_recordset says it simply). */
function runInsert(runs: StoredAgentRun[]) {
  return sql`
    insert into agent_runs (id, tenant_id, agent_id, user_id, api_key_id, status, route, model_id, cached,
      degradations, input_tokens, output_tokens, cached_input_tokens, tool_calls, cost_micros,
      saved_cost_micros, duration_ms, reason, side_calls, transcript, idempotency_key, request_hash, replay,
      calls, end_user, created_at)
    select id, "tenantId", "agentId", "userId", "apiKeyId", status, route, "modelId", cached, degradations,
      "inputTokens", "outputTokens", "cachedInputTokens", "toolCalls", "costMicros", "savedCostMicros",
      "durationMs", reason, "sideCalls", transcript, "idempotencyKey", "requestHash", replay,
      coalesce(calls, '{}'::jsonb), "endUser", "createdAt"
    from jsonb_to_recordset(${JSON.stringify(runs)}::jsonb) as r(id text, "tenantId" text, "agentId" text,
      "userId" text, "apiKeyId" text, status text, route jsonb, "modelId" text, cached boolean,
      degradations text[], "inputTokens" int, "outputTokens" int, "cachedInputTokens" int, "toolCalls" int,
      "costMicros" bigint, "savedCostMicros" bigint, "durationMs" int, reason text, "sideCalls" jsonb,
      transcript jsonb, "idempotencyKey" text, "requestHash" text, replay jsonb, calls jsonb, "endUser" text,
      "createdAt" timestamptz)`;
}

/** Each tenant's outbox stream: the settle script appends to it in the step that moves the counters. */
export const ledgerStreamKey = (tenantId: string) => tenantKey(tenantId, 'ledger');

/**
 * The outbox of usage events and run records, on their way into Postgres in batches (idempotent
 * on their ids). Services mode: the budget scripts have already put each entry in its tenant's
 * Redis stream (durable if this process dies); this process also keeps it until Postgres has it
 * (durable if Redis loses its data), then deletes the stream entry. Streams left by dead processes
 * are recovered by `recoverOrphans`. Embedded mode: `insertNow`, synchronously.
 */
export class Outbox {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** A drain for full batches is queued and not yet started: more entries need not queue another. */
  private fullQueued = false;
  /** The last write failed: the retry timer writes next, not every entry that arrives meanwhile. */
  private failing = false;
  private closed = false;
  private readonly watchers: ((entries: LedgerEntry[]) => Promise<void>)[] = [];
  private readonly raisedListeners: ((kind: string) => void)[] = [];
  /** The watchers' work on what was written, one batch after another, off the request path. */
  private watching: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly redis: RedisClient | undefined,
    private readonly log: Logger,
    // Reads never wait for Postgres (they merge the streams), so batches can be a tenth of a second.
    private readonly options = { intervalMs: 100, maxBatch: 1000 },
  ) {}

  /**
   * One statement for both tables (a socket write costs more than the SQL on a small machine).
   * Runs as the connecting role: the outbox is allowed to bypass row-level security.
   */
  async insertNow(entries: LedgerEntry[]): Promise<void> {
    const events = entries.flatMap((e) => e.events);
    const runs = entries.flatMap((e) => (e.run ? [e.run] : []));
    const alerts = entries.flatMap((e) => e.alerts ?? []);
    if (!events.length && !runs.length && !alerts.length) return;
    // A run that spans calls has one row: each of its calls upserts it (the calls merge by id).
    // Several calls of one run in a batch are one row (an upsert may not touch a row twice).
    const byId = new Map<string, StoredAgentRun>();
    for (const r of runs.filter((r) => Object.keys(r.calls ?? {}).length > 0)) {
      const seen = byId.get(r.id);
      byId.set(r.id, seen ? mergeCalls(seen, r) : r);
    }
    const spanning = [...byId.values()];
    const single = runs.filter((r) => !Object.keys(r.calls ?? {}).length);
    const col = <T>(pick: (e: UsageEvent) => T) => sql.param(events.map(pick));
    let raised: string[] = [];
    const write = async (db: Db) => {
      const result = (await db.execute(sql`
        with new_events as (
          insert into usage_events (id, tenant_id, user_id, agent_id, run_id, model_id, kind, input_tokens,
            output_tokens, cached_input_tokens, total_tokens, cost_micros, saved_cost_micros, day, occurred_at,
            opens_run)
          select * from unnest(${col((e) => e.id)}::text[], ${col((e) => e.tenantId)}::text[],
            ${col((e) => e.userId)}::text[], ${col((e) => e.agentId)}::text[], ${col((e) => e.runId)}::text[],
            ${col((e) => e.modelId)}::text[], ${col((e) => e.kind)}::text[], ${col((e) => e.inputTokens)}::int[],
            ${col((e) => e.outputTokens)}::int[], ${col((e) => e.cachedInputTokens)}::int[],
            ${col((e) => e.totalTokens)}::int[], ${col((e) => e.costMicros)}::bigint[],
            ${col((e) => e.savedCostMicros)}::bigint[], ${col((e) => e.occurredAt.slice(0, 10))}::date[],
            ${col((e) => e.occurredAt)}::timestamptz[], ${col(opensRun)}::bool[])
          on conflict (id) do nothing
          returning 1
        ), new_runs as (
          -- Any conflict (the id, or an idempotency key charged already) leaves the stored row as it is.
          ${runInsert(single)}
          on conflict do nothing
          returning 1
        ), new_alerts as (
          -- Once per period: a second one for the same kind, subject and period is dropped.
          ${alertInsert(alerts)}
          on conflict do nothing
          returning kind
        )
        select (select count(*) from new_events) as events, (select count(*) from new_runs) as runs,
          array(select kind from new_alerts) as alerts`)) as unknown as { rows: { alerts: string[] | null }[] };
      raised = result.rows[0]?.alerts ?? [];
      if (!spanning.length) return;
      // Later calls of a run: the facts of its latest call win (whichever process flushes first),
      // the calls merge, and the totals are recomputed from the run's ledger events (so a replayed
      // entry cannot count twice).
      const newer = sql`${latestCallSql(sql`excluded.calls`)} >= ${latestCallSql(sql`agent_runs.calls`)}`;
      const pick = (name: string) => {
        const column = sql.raw(name);
        return sql`${column} = case when ${newer} then excluded.${column} else agent_runs.${column} end`;
      };
      await db.execute(sql`
        ${runInsert(spanning)}
        on conflict (id) do update set ${pick('status')}, ${pick('route')}, ${pick('model_id')},
          ${pick('degradations')}, ${pick('reason')}, tool_calls = greatest(agent_runs.tool_calls, excluded.tool_calls),
          duration_ms = greatest(agent_runs.duration_ms, excluded.duration_ms),
          calls = agent_runs.calls || excluded.calls`);
      await db.execute(sql`
        update agent_runs r set input_tokens = s.input, output_tokens = s.output, cached_input_tokens = s.cached,
          cost_micros = s.cost, saved_cost_micros = s.saved
        from (select run_id, sum(input_tokens)::int as input, sum(output_tokens)::int as output,
                sum(cached_input_tokens)::int as cached, sum(cost_micros) as cost, sum(saved_cost_micros) as saved
              from usage_events where run_id = any(${sql.param(spanning.map((r) => r.id))}::text[]) group by run_id) s
        where r.id = s.run_id`);
    };
    if (spanning.length) await this.db.transaction((tx) => write(tx as unknown as Db));
    else await write(this.db);
    for (const kind of raised) for (const listen of this.raisedListeners) listen(kind);
    this.written(entries);
  }

  /** Calls `listen` with the kind of each alert a batch raised (a duplicate of one raised before is not). */
  onAlertRaised(listen: (kind: string) => void): void {
    this.raisedListeners.push(listen);
  }

  /** Calls `watch` with every batch once Postgres has it (alert rules); never on the request path. */
  onWritten(watch: (entries: LedgerEntry[]) => Promise<void>): void {
    this.watchers.push(watch);
  }

  private written(entries: LedgerEntry[]): void {
    // Each watcher paces itself (the alert rules gather batches); `watched` waits for them all.
    for (const watch of this.watchers) {
      const seen = watch(entries).catch((err: unknown) => this.log.error({ err }, 'a ledger watcher failed'));
      this.watching = Promise.all([this.watching, seen]).then(() => undefined);
    }
  }

  /** Resolves once what was written so far has been seen by every watcher (tests, shutdown). */
  watched(): Promise<void> {
    return this.watching;
  }

  /** An entry a budget script has put in its stream: written to Postgres with the next batch. */
  track(entry: LedgerEntry, stream: StreamEntry): void {
    this.pending.push({ entry, stream, at: Date.now() });
    // Redis keeps a copy: past the cap the oldest are left for recoverOrphans.
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    this.schedule();
  }

  /**
   * A drain now for a full batch (one queued at a time; none while writes fail, when the retry
   * timer writes next), else a flush one interval after the first entry that waits.
   */
  private schedule(): void {
    if (this.closed) return;
    if (this.pending.length >= this.options.maxBatch && !this.failing) {
      if (this.fullQueued) return;
      this.fullQueued = true;
      void this.enqueue(undefined).catch(() => undefined);
    } else if (this.pending.length) this.later(this.options.intervalMs);
  }

  private later(ms: number): void {
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), ms).unref();
  }

  /** How long the oldest entry this process holds has waited for Postgres (0 when none waits). */
  oldestUnflushedMs(now = Date.now()): number {
    const oldest = this.pending[0];
    return oldest ? Math.max(0, now - oldest.at) : 0;
  }

  /**
   * Entries any process has made durable but that may not be in Postgres yet: the tenant's stream
   * (services mode) and this process's own queue, each once. Reads merge them, so a run is visible
   * as soon as runAgent has answered.
   */
  async unflushed(tenantId: string): Promise<LedgerEntry[]> {
    const local = this.pending.flatMap((p) => (tenantOf(p.entry) === tenantId ? [p] : []));
    if (!this.redis) return local.map((p) => p.entry);
    const stream = await this.redis.xrange(ledgerStreamKey(tenantId), '-', '+', 'COUNT', 10_000);
    const inStream = new Set(stream.map(([id]) => id));
    const onlyHere = local.filter((p) => !p.stream || !inStream.has(p.stream.id)).map((p) => p.entry);
    return [...stream.map(([, fields]) => decodeEntry(fields[1]!)), ...onlyHere];
  }

  /** Unflushed run records of a tenant that match a listing's filter. */
  async runs(tenantId: string, filter: RunFilter): Promise<StoredAgentRun[]> {
    return (await this.unflushed(tenantId)).flatMap((e) => (e.run && matchesRunFilter(e.run, filter) ? [e.run] : []));
  }

  /** Unflushed usage events of a tenant. */
  async events(tenantId: string): Promise<UsageEvent[]> {
    return (await this.unflushed(tenantId)).flatMap((e) => e.events);
  }

  /** Writes everything pending now; resolves once Postgres has it. Calls queue up one after another. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.enqueue(this.pending.at(-1));
  }

  private enqueue(through: Pending | undefined): Promise<void> {
    const run = this.chain.then(() => this.drain(through));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Inserts a batch; if a row is at fault, the rest still goes in and the bad rows are set aside
   * (returned), so one bad entry can never hold up every tenant's ledger. Other failures
   * (Postgres away) are thrown: the batch is retried as a whole.
   */
  private async insertSparing(entries: LedgerEntry[]): Promise<LedgerEntry[]> {
    try {
      await this.insertNow(entries);
      return [];
    } catch (err) {
      if (!isRowFault(err)) throw err;
    }
    const poisoned: LedgerEntry[] = [];
    for (const entry of entries) {
      try {
        await this.insertNow([entry]);
      } catch (err) {
        if (!isRowFault(err)) throw err;
        poisoned.push(entry);
        const ids = { eventIds: entry.events.map((e) => e.id), runId: entry.run?.id };
        this.log.error({ err, ...ids }, 'ledger entry refused by Postgres; set aside');
      }
    }
    await this.setAside(poisoned);
    return poisoned;
  }

  /** Keeps refused entries where an operator can find them: a dead-letter stream per tenant. */
  private async setAside(entries: LedgerEntry[]): Promise<void> {
    if (!this.redis) return;
    for (const entry of entries) {
      const tenantId = tenantOf(entry);
      if (!tenantId) continue;
      await this.redis.xadd(tenantKey(tenantId, 'ledger-dead'), '*', 'e', encodeEntry(entry)).catch(() => undefined);
    }
  }

  /**
   * Writes full batches while there are any, and the pending entries up to `through` (the last one
   * when a flush was asked for). Entries that arrive meanwhile wait for the next interval or a full
   * batch: a drain that took them as they came would write one or two rows a statement under
   * steady load, the costliest way to write.
   */
  private async drain(through: Pending | undefined): Promise<void> {
    if (!through) this.fullQueued = false;
    const { maxBatch } = this.options;
    for (;;) {
      // Where `through` is now (-1 once written, or dropped past MAX_PENDING).
      const last = through ? this.pending.indexOf(through) : -1;
      const size = this.pending.length >= maxBatch ? maxBatch : last + 1;
      if (size <= 0) break;
      const batch = this.pending.slice(0, size);
      try {
        await this.insertSparing(batch.map((p) => p.entry));
      } catch (err) {
        this.log.error({ err, entries: batch.length }, 'ledger flush failed; will retry');
        this.failing = true;
        if (!this.closed) this.later(1000);
        throw err;
      }
      this.failing = false;
      // By identity: the cap may have dropped some of the oldest (the batch's own) meanwhile.
      this.pending.splice(0, this.pending.indexOf(batch.at(-1)!) + 1);
      await this.forget(batch.flatMap((p) => (p.stream ? [p.stream] : [])));
    }
    this.schedule();
  }

  /** Deletes stream entries that Postgres now holds. A failure only leaves work for recoverOrphans. */
  private async forget(entries: StreamEntry[]): Promise<void> {
    if (!this.redis || !entries.length) return;
    const byStream = new Map<string, string[]>();
    for (const e of entries) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e.id]);
    // Issued together: ioredis writes each without waiting for the others' replies, so they share a
    // round trip (on a cluster, one per node).
    const redis = this.redis;
    await Promise.all([...byStream].map(([stream, ids]) => redis.xdel(stream, ...ids))).catch((err: unknown) =>
      this.log.warn({ err }, 'could not trim ledger streams'),
    );
  }

  /**
   * Moves the entries that `owner` (a process whose lease lapsed) left in `stream` into the ledger,
   * then deletes them there. Call it after the owner was fenced in the stream's tenant, so that
   * nothing more is appended under it. Idempotent: an entry already in Postgres is skipped.
   */
  async recoverOwner(owner: string, stream: string): Promise<number> {
    if (!this.redis) return 0;
    return this.moveEntries(this.redis, stream, '+', (fields) => ownerOf(fields) === owner);
  }

  /**
   * Writes the entries of `stream` up to id `end` that `pick` accepts into Postgres, then deletes
   * them from the stream, a page at a time; answers how many.
   */
  private async moveEntries(
    redis: RedisClient,
    stream: string,
    end: string,
    pick: (fields: string[]) => boolean,
  ): Promise<number> {
    let moved = 0;
    let start = '-';
    for (;;) {
      const page = await redis.xrange(stream, start, end, 'COUNT', 1000);
      if (!page.length) return moved;
      const picked = page.filter(([, fields]) => pick(fields));
      if (picked.length) {
        await this.insertSparing(picked.map(([, fields]) => decodeEntry(fields[1]!)));
        await redis.xdel(stream, ...picked.map(([id]) => id));
        moved += picked.length;
      }
      start = `(${page.at(-1)![0]}`;
    }
  }

  /**
   * Moves stream entries older than `olderThanMs` (left by a process that died before its batch
   * reached Postgres) into the ledger. Idempotent: an entry already there is skipped.
   */
  async recoverOrphans(options: { tenantId?: string; olderThanMs: number; now?: number }): Promise<number> {
    const redis = this.redis;
    if (!redis) return 0;
    const cutoff = (options.now ?? Date.now()) - options.olderThanMs;
    const streams = options.tenantId ? [ledgerStreamKey(options.tenantId)] : await scanKeys(redis, '{*}:ledger');
    let moved = 0;
    for (const stream of streams) {
      try {
        moved += await this.moveEntries(redis, stream, String(Math.max(0, cutoff)), () => true);
      } catch (err) {
        // One stream's trouble must not stop the others' recovery.
        this.log.error({ err, stream }, 'could not recover a ledger stream; will retry');
        if (options.tenantId) throw err;
      }
    }
    return moved;
  }

  /** Writes what is pending; answers whether Postgres has it all (if not, Redis keeps it). */
  async close(): Promise<boolean> {
    this.closed = true;
    let drained = true;
    try {
      // Runs still ending add entries while a flush writes: flush until none waits.
      do await this.flush();
      while (this.pending.length);
    } catch (err) {
      this.log.error({ err }, 'ledger not drained at shutdown; Redis keeps it');
      drained = false;
    }
    clearTimeout(this.timer);
    await this.watching;
    return drained;
  }
}
