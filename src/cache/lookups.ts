import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { agents, tenants, users, type AgentRow, type TenantRow, type UserRow } from '../db/schema/index.js';
import type { Logger } from '../lib/logger.js';
import { subscriberOf, type RedisClient } from '../store/index.js';

export type Invalidation =
  | { kind: 'tenant'; tenantId: string }
  | { kind: 'user'; tenantId: string; userId: string }
  | { kind: 'agents'; tenantId: string }
  | { kind: 'key'; keyId: string }
  | { kind: 'userKeys'; userId: string }
  | { kind: 'plans' }
  | { kind: 'models' };

/**
 * Tenant, user and agent rows for the request path, kept in process so that runAgent touches no
 * database. A change made anywhere is announced on Redis pub/sub and dropped by every process at
 * once; entries also expire after `ttlMs`, should a message be missed.
 */
export class Lookups {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();
  private readonly listeners: ((i: Invalidation) => void)[] = [];
  private subscriber: RedisClient | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: { ttlMs: number; now: () => number; redis?: RedisClient; channel: string },
  ) {}

  /** Listens for other processes' changes. */
  async start(): Promise<void> {
    if (!this.options.redis) return;
    this.subscriber = subscriberOf(this.options.redis);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_, message: string) => {
      try {
        this.apply(JSON.parse(message) as Invalidation);
      } catch (err) {
        this.log.warn({ err }, 'bad invalidation message');
      }
    });
    await this.subscriber.connect();
    await this.subscriber.subscribe(this.options.channel);
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Other in-process caches (API keys) hear about changes here too. */
  onInvalidate(listener: (i: Invalidation) => void): void {
    this.listeners.push(listener);
  }

  /** Drops the entry here at once and tells every other process. */
  async invalidate(i: Invalidation): Promise<void> {
    this.apply(i);
    await this.options.redis?.publish(this.options.channel, JSON.stringify(i)).catch((err: unknown) => {
      this.log.warn({ err }, 'could not announce an invalidation; other processes catch up within the TTL');
    });
  }

  private apply(i: Invalidation): void {
    if (i.kind === 'tenant') this.entries.delete(`t:${i.tenantId}`);
    if (i.kind === 'user') this.entries.delete(`u:${i.tenantId}:${i.userId}`);
    if (i.kind === 'agents')
      for (const k of this.entries.keys()) if (k.startsWith(`a:${i.tenantId}:`)) this.entries.delete(k);
    for (const l of this.listeners) l(i);
  }

  private async cached<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.options.now()) return hit.value as T;
    const value = await load();
    // Misses are not cached: a row created a moment later must be found.
    if (value !== undefined) {
      if (this.entries.size >= 50_000) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, expiresAt: this.options.now() + this.options.ttlMs });
    }
    return value;
  }

  tenant(tenantId: string): Promise<TenantRow | undefined> {
    return this.cached(`t:${tenantId}`, async () => {
      const [row] = await scoped(this.db, tenantId, (tx) => tx.select().from(tenants).where(eq(tenants.id, tenantId)));
      return row;
    });
  }

  user(tenantId: string, userId: string): Promise<UserRow | undefined> {
    return this.cached(`u:${tenantId}:${userId}`, async () => {
      const [row] = await scoped(this.db, tenantId, (tx) =>
        tx
          .select()
          .from(users)
          .where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
      );
      return row;
    });
  }

  /** By id (archived too) or by slug (the active agent). */
  agent(tenantId: string, idOrSlug: string): Promise<AgentRow | undefined> {
    return this.cached(`a:${tenantId}:${idOrSlug}`, async () => {
      const byId = idOrSlug.startsWith('agt_');
      const [row] = await scoped(this.db, tenantId, (tx) =>
        tx
          .select()
          .from(agents)
          .where(
            and(
              eq(agents.tenantId, tenantId),
              byId ? eq(agents.id, idOrSlug) : and(eq(agents.slug, idOrSlug.toLowerCase()), isNull(agents.archivedAt)),
            ),
          ),
      );
      return row;
    });
  }
}
