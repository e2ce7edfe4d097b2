import DataLoader from 'dataloader';
import { findAgents, findRatings } from '../agents/index.js';
import type { Deps } from '../context.js';
import type { AgentRow, RunRatingRow, UserRow } from '../db/schema/index.js';
import { findUsers } from '../users/index.js';

/** A row of a tenant, by id: the tenant comes from the parent row the caller could already read. */
export type TenantRef = { tenantId: string; id: string };

const key = (r: TenantRef) => `${r.tenantId}/${r.id}`;

/** One loader per row type that field resolvers fetch, batched per tenant: one query per type per request. */
function batched<T extends { id: string }>(load: (tenantId: string, ids: string[]) => Promise<T[]>) {
  return new DataLoader<TenantRef, T | null, string>(
    async (refs) => {
      const byTenant = new Map<string, string[]>();
      for (const r of refs) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.id]);
      const found = new Map<string, T>();
      for (const [tenantId, ids] of byTenant)
        for (const row of await load(tenantId, ids)) found.set(key({ tenantId, id: row.id }), row);
      return refs.map((r) => found.get(key(r)) ?? null);
    },
    { cacheKeyFn: key },
  );
}

/** The request's loaders, each made on first use: most requests (a runAgent, say) load no row. */
export function createLoaders(deps: Deps) {
  let user: DataLoader<TenantRef, UserRow | null, string> | undefined;
  let agent: DataLoader<TenantRef, AgentRow | null, string> | undefined;
  let rating: DataLoader<TenantRef, (RunRatingRow & { id: string }) | null, string> | undefined;
  return {
    get user() {
      return (user ??= batched<UserRow>((tenantId, ids) => findUsers(deps.db, tenantId, ids)));
    },
    get agent() {
      return (agent ??= batched<AgentRow>((tenantId, ids) => findAgents(deps.db, tenantId, ids)));
    },
    get rating() {
      return (rating ??= batched<RunRatingRow & { id: string }>(async (tenantId, ids) =>
        (await findRatings(deps.db, tenantId, ids)).map((r) => ({ ...r, id: r.runId })),
      ));
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
