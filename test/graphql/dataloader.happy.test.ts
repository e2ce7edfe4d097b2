import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgent } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';
import type { DataloaderRunsQuery } from '../__generated__/graphql.js';

const RUNS = graphql(`
  query DataloaderRuns($first: Int) {
    agentRuns(first: $first) {
      edges {
        node {
          id
          user {
            id
            email
          }
          agent {
            id
            slug
          }
        }
      }
    }
  }
`);

/** Field resolvers batch their rows: one query per type per request, however many parents. */
describe('field resolvers', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
    const members = [];
    for (let i = 0; i < 6; i++) members.push(await addUser(app, t, 'MEMBER'));
    for (let i = 0; i < 12; i++) {
      await runAgent(app, members[i % 6]!.key, { agent: 'assistant', message: `question ${i}`, cache: 'BYPASS' });
    }
    await app.runtime.deps.outbox.flush();
  });

  /** Statements the database saw for one request (after a warm-up, so key bookkeeping is done). */
  async function statements(first: number): Promise<{ n: number; runs: DataloaderRunsQuery['agentRuns']['edges'] }> {
    await ok(app, RUNS, { first }, t.ownerKey);
    // The counter is the process's: background work (a recovery round) can only add to it, so the
    // fewest of three tries is this request's own.
    let n = Infinity;
    let runs: DataloaderRunsQuery['agentRuns']['edges'] = [];
    for (let i = 0; i < 3; i++) {
      const before = app.runtime.database.statements();
      const data = await ok(app, RUNS, { first }, t.ownerKey);
      n = Math.min(n, app.runtime.database.statements() - before);
      runs = data.agentRuns.edges;
    }
    return { n, runs };
  }

  it('load users and agents once per request, not once per run', async () => {
    const few = await statements(2);
    const many = await statements(12);
    expect(many.runs).toHaveLength(12);
    expect(new Set(many.runs.map((e) => e.node.user!.id)).size).toBe(6);
    expect(many.runs.every((e) => e.node.agent.slug === 'assistant')).toBe(true);
    // Six times as many runs, three times as many users: no more statements (users and agents are one query each).
    expect(many.n).toBe(few.n);
    // The runs, one batch of users and one of agents: three scoped transactions (two statements
    // each on PGlite, four on Postgres, which counts its begin and commit).
    expect(many.n).toBeLessThanOrEqual(3 * 4);
  });
});
