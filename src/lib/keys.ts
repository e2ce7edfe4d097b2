/**
 * The one builder of store keys. The tenant sits in a `{…}` hash tag, so every key of a tenant
 * lands in one Redis Cluster slot and a script may touch them together.
 */
export function tenantKey(tenantId: string, ...parts: (string | number)[]): string {
  if (!/^[A-Za-z0-9_-]+$/.test(tenantId)) throw new Error(`invalid tenant id for a key: ${tenantId}`);
  return [`{${tenantId}}`, ...parts].join(':');
}
