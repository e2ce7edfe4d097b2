import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { agentRuns, type RunStatus, type StoredAgentRun } from '../db/schema/index.js';

/** Which runs a listing wants. The SQL and the in-memory test live side by side so they agree. */
export type RunFilter = {
  /** One run, by id. */
  id?: string | undefined;
  userId?: string | undefined;
  agentId?: string | undefined;
  status?: RunStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset paging, newest first: ids below this one. */
  beforeId?: string | undefined;
};

export function runFilterSql(tenantId: string, f: RunFilter): SQL | undefined {
  return and(
    eq(agentRuns.tenantId, tenantId),
    f.id ? eq(agentRuns.id, f.id) : undefined,
    f.beforeId ? lt(agentRuns.id, f.beforeId) : undefined,
    f.userId ? eq(agentRuns.userId, f.userId) : undefined,
    f.agentId ? eq(agentRuns.agentId, f.agentId) : undefined,
    f.status ? eq(agentRuns.status, f.status) : undefined,
    f.from ? gte(agentRuns.createdAt, f.from) : undefined,
    f.to ? lt(agentRuns.createdAt, f.to) : undefined,
  );
}

export function matchesRunFilter(run: StoredAgentRun, f: RunFilter): boolean {
  const created = Date.parse(run.createdAt);
  return (
    (!f.id || run.id === f.id) &&
    (!f.beforeId || run.id < f.beforeId) &&
    (!f.userId || run.userId === f.userId) &&
    (!f.agentId || run.agentId === f.agentId) &&
    (!f.status || run.status === f.status) &&
    (!f.from || created >= f.from.getTime()) &&
    (!f.to || created < f.to.getTime())
  );
}
