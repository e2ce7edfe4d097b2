import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentRuns } from '../../src/db/schema/index.js';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgent, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const KEEPER = graphql(`
  mutation TranscriptsKeeper {
    createAgent(input: { name: "Keeper", slug: "keeper", instructions: "x", storeTranscripts: true }) {
      id
    }
  }
`);

/** Prompts and answers are kept only when the agent opts in. */
describe('transcripts', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const stored = async (runId: string) => {
    await app.runtime.deps.outbox.flush();
    const [row] = await app.runtime.database.db
      .select({ transcript: agentRuns.transcript })
      .from(agentRuns)
      .where(eq(agentRuns.id, runId));
    return row!.transcript as { message: string; output: string } | null;
  };

  it('are not stored by default', async () => {
    const res = await runAgent(app, t.ownerKey, { agent: 'assistant', message: 'my secret plan', cache: 'BYPASS' });
    expect(await stored(res.run.id)).toBeNull();
  });

  it('are stored when the agent opts in', async () => {
    await ok(app, KEEPER, {}, t.ownerKey);
    const res = (await runAgent(app, t.ownerKey, {
      agent: 'keeper',
      message: 'remember this',
      cache: 'BYPASS',
    })) as RunOf<'AgentRunCompleted'>;
    expect(await stored(res.run.id)).toMatchObject({ message: 'remember this', output: res.output });
  });
});
