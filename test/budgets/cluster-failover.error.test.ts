import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { storedRuns } from '../helpers/crash-scenario.js';
import { eventually } from '../helpers/eventually.js';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { startCluster, type TestCluster } from '../helpers/redis-cluster.js';
import { attempt, type Attempt } from '../helpers/server-process.js';

// Runs where the shared test cluster runs (a services run with redis-server installed).
const enabled = Boolean(inject('redisClusterNodes') && inject('databaseUrl'));

/**
 * A cluster of its own (three masters, one replica each): one master is killed mid-load. Budget
 * checks of the tenants on its slots fail closed (or open, per BUDGET_FAIL_MODE) until its replica
 * is promoted; the other tenants never notice; no acknowledged run is lost.
 */
describe.skipIf(!enabled)('when a master of the Redis Cluster dies', () => {
  let cluster: TestCluster;
  let closed: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    cluster = await startCluster({ masters: 3, replicas: 1 });
    const env = { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes, RATE_LIMIT_PER_MINUTE: '0' };
    closed = await startApp({ env });
    open = await startApp({ env: { ...env, BUDGET_FAIL_MODE: 'open' }, database: closed.runtime.database });
  }, 60_000);
  afterAll(async () => {
    await open?.close();
    await closed?.close();
    await cluster?.stop();
  });

  it('fails closed (or open) for the tenants on that master only, and resumes once a replica is promoted', async () => {
    // Two tenants whose slots are on different masters.
    const hit = await signUp(closed);
    const victim = await cluster.masterOf(`{${hit.tenantId}}`);
    let spared: Tenant;
    do spared = await signUp(closed);
    while ((await cluster.masterOf(`{${spared.tenantId}}`)) === victim);

    const acked: string[] = [];
    const seen: Record<string, Attempt[]> = { hit: [], spared: [], open: [] };
    let phase: 'before' | 'down' | 'after' = 'before';
    const call = async (app: TestApp, t: Tenant, into: Attempt[], n: number) => {
      const a = await attempt({ base: app.url }, t.ownerKey, `[[slow:20]] failover ${n} ${phase}`);
      if (a.id) acked.push(a.id);
      into.push(a);
      return a;
    };
    for (let i = 0; i < 5; i++) {
      expect((await call(closed, hit, seen.hit!, i)).id).toBeDefined();
      expect((await call(closed, spared, seen.spared!, i)).id).toBeDefined();
    }

    cluster.kill(victim);
    phase = 'down';
    // Until the replica takes over: the hit tenant is refused with the documented code, the spared
    // one is served, and the fail-open process admits the hit tenant unguarded.
    let i = 100;
    await eventually(
      async () => {
        const [h, s, o] = await Promise.all([
          call(closed, hit, seen.hit!, i),
          call(closed, spared, seen.spared!, i),
          call(open, hit, seen.open!, i),
        ]);
        i++;
        expect(s.id, JSON.stringify(s)).toBeDefined();
        if (h.id) return true; // promoted
        expect([h.code, h.reason]).toEqual(['SERVICE_UNAVAILABLE', 'BUDGET_STORE_UNAVAILABLE']);
        expect(o.id).toBeDefined();
        return false;
      },
      'a replica to take over',
      20_000,
    );
    phase = 'after';
    const refused = seen.hit!.filter((a) => a.code);
    expect(refused.length).toBeGreaterThan(0);
    expect(seen.spared!.every((a) => a.id)).toBe(true);
    for (let j = 0; j < 5; j++) expect((await call(closed, hit, seen.hit!, 1000 + j)).id).toBeDefined();
    console.log(`failover: ${refused.length} calls of the tenant on the dead master refused, then served again`);

    // Every acknowledged run reaches Postgres (the process keeps each until Postgres has it).
    await eventually(async () => (await storedRuns(closed, acked)) === acked.length, 'every acknowledged run', 10_000);
  });
});
