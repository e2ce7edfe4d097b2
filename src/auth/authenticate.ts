import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows, scoped } from '../db/scoped.js';
import { apiKeys, type Role } from '../db/schema/index.js';
import { unauthenticated } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Actor } from '../context.js';
import { parseSecret, parseSessionToken, sameHash } from './secrets.js';

export type KeyAuthenticator = {
  authenticate(secret: string): Promise<Actor>;
  /** Drops cached entries at once in this process; other processes drop them within the TTL. */
  forgetKey(keyId: string): void;
  forgetUser(userId: string): void;
};

type KeyLookupRow = {
  key_id: string;
  tenant_id: string;
  user_id: string | null;
  kind: string;
  secret_hash: string;
  revoked_at: string | Date | null;
  user_role: string | null;
  user_status: string | null;
};

/** A live session (not ended, not expired) and the key and user it acts for. */
type SessionLookupRow = Omit<KeyLookupRow, 'secret_hash'> & { session_id: string };

const MAX_ENTRIES = 10_000;
const TOUCH_EVERY_MS = 60_000;

function toActor(row: Omit<KeyLookupRow, 'secret_hash'>): Actor | undefined {
  if (row.revoked_at) return undefined;
  if (row.kind === 'SERVICE')
    return { kind: 'SERVICE', tenantId: row.tenant_id, keyId: row.key_id, userId: null, role: 'ADMIN' };
  if (!row.user_id || row.user_status !== 'ACTIVE' || !row.user_role) return undefined;
  return { kind: 'USER', tenantId: row.tenant_id, keyId: row.key_id, userId: row.user_id, role: row.user_role as Role };
}

export function createKeyAuthenticator(
  db: Db,
  log: Logger,
  ttlMs: number,
  now: () => number = Date.now,
): KeyAuthenticator {
  const cache = new Map<string, { actor: Actor; expiresAt: number }>();
  const touched = new Map<string, number>();

  function touch(actor: Actor) {
    const last = touched.get(actor.keyId) ?? 0;
    if (now() - last < TOUCH_EVERY_MS) return;
    touched.set(actor.keyId, now());
    // last_used_at is a hint: written off the request path, at most once a minute per key.
    scoped(db, actor.tenantId, (tx) =>
      tx
        .update(apiKeys)
        .set({ lastUsedAt: new Date(now()) })
        .where(sql`${apiKeys.id} = ${actor.keyId}`),
    ).catch((err: unknown) => log.warn({ err, keyId: actor.keyId }, 'could not record key use'));
  }

  /**
   * A dashboard session: looked up on every request (a few a second at most), so that ending it,
   * or revoking its key, takes effect at once.
   */
  async function session(hash: string): Promise<Actor> {
    const rows = await scoped(db, null, (tx) =>
      queryRows<SessionLookupRow>(
        tx,
        sql`select * from governor_find_session(${hash}, ${new Date(now()).toISOString()}::timestamptz)`,
      ),
    );
    const row = rows[0];
    const actor = row ? toActor(row) : undefined;
    if (!row || !actor)
      throw unauthenticated('The session has ended or expired, or its key was revoked: sign in again.');
    return { ...actor, sessionId: row.session_id };
  }

  return {
    async authenticate(secret) {
      const sessionHash = parseSessionToken(secret);
      if (sessionHash) return session(sessionHash);
      const parsed = parseSecret(secret);
      if (!parsed) throw unauthenticated('The API key is malformed.');
      const hit = cache.get(parsed.hash);
      if (hit && hit.expiresAt > now()) return hit.actor;
      const rows = await scoped(db, null, (tx) =>
        queryRows<KeyLookupRow>(tx, sql`select * from governor_find_api_keys(${parsed.prefix})`),
      );
      const row = rows.find((r) => sameHash(r.secret_hash, parsed.hash));
      const actor = row && toActor(row);
      if (!actor) throw unauthenticated('The API key is invalid, revoked, or its user is disabled.');
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(parsed.hash, { actor, expiresAt: now() + ttlMs });
      touch(actor);
      return actor;
    },
    forgetKey(keyId) {
      for (const [hash, entry] of cache) if (entry.actor.keyId === keyId) cache.delete(hash);
    },
    forgetUser(userId) {
      for (const [hash, entry] of cache) if (entry.actor.userId === userId) cache.delete(hash);
    },
  };
}
