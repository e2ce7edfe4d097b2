import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { killMidLoad } from '../helpers/crash-scenario.js';
import { eventually } from '../helpers/eventually.js';
import { ok, signUp } from '../helpers/graphql.js';
import { attempt, type Server } from '../helpers/server-process.js';

const nodes = inject('redisClusterNodes');
const onCluster = { REDIS_URL: '', REDIS_CLUSTER_NODES: nodes ?? '' };

const RUNS = graphql(`
  query ClusterRuns {
    agentRuns(first: 10) {
      edges {
        node {
          id
          status
        }
      }
    }
  }
`);
const LIMIT = graphql(`
  mutation ClusterLimit($u: ID!) {
    setUserBudget(input: { userId: $u, dailyTokenLimit: 1 }) {
      id
    }
  }
`);

/** Two app processes on the run's three-master Redis Cluster (REDIS_CLUSTER_NODES), one Postgres. */
describe.skipIf(!nodes)('on a Redis Cluster', () => {
  let one: TestApp;
  let two: TestApp;
  const servers: Server[] = [];
  beforeAll(async () => {
    one = await startApp({ env: onCluster });
    two = await startApp({ env: onCluster, database: one.runtime.database });
  });
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    await two?.close();
    await one?.close();
  });
  const target = (app: TestApp) => ({ base: app.url });

  it('serves runAgent from either process: cache hits, listings and invalidations cross the cluster', async () => {
    expect(one.runtime.store.kind === 'redis' && one.runtime.store.redis instanceof Cluster).toBe(true);
    const t = await signUp(one);
    const first = await attempt(target(one), t.ownerKey, 'what is a hash slot?');
    expect(first.typename).toBe('AgentRunCompleted');
    // The second process answers the same question from the cache the first filled (one script, one slot).
    const again = await attempt(target(two), t.ownerKey, 'what is a hash slot?');
    expect(again.typename).toBe('AgentRunCompleted');
    const listed = await ok(two, RUNS, {}, t.ownerKey);
    expect(listed.agentRuns.edges.map((e) => e.node.status).sort()).toEqual(['CACHED', 'COMPLETED']);
    // A change made through one process reaches the other over pub/sub, well before any TTL.
    await ok(one, LIMIT, { u: t.ownerId }, t.ownerKey);
    // (Each try asks something new: an answer the cache had would be served whatever the limit.)
    let n = 0;
    await eventually(
      async () => (await attempt(target(two), t.ownerKey, `one more question ${n++}`)).typename === 'BudgetExceeded',
      'the other process to see the new limit',
      5000, // its caches would take 10 s without the message
    );
  });

  it('recovers a SIGKILLed worker within seconds, scanning every master', async () => {
    const took = await killMidLoad(one, onCluster, servers);
    console.log(`recovered a SIGKILLed worker on the cluster in ${took} ms`);
  });
});
