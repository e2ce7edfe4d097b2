import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, gqlText, ok, signUp, type GqlResponse, type Tenant } from '../helpers/graphql.js';
import { RUN, runAgentRaw } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';
import type { RunAgentInput } from '../__generated__/graphql.js';

const RUNS = graphql(`
  query RunAgentErrorRuns {
    agentRuns(first: 100) {
      edges {
        node {
          id
        }
      }
    }
    budgetStatus {
      daily {
        used
        reserved
      }
    }
  }
`);
const OLD_AGENT = graphql(`
  mutation RunAgentErrorAgent {
    createAgent(input: { name: "Old", instructions: "x" }) {
      id
    }
  }
`);
const ARCHIVE = graphql(`
  mutation RunAgentErrorArchive($id: ID!) {
    archiveAgent(id: $id) {
      id
    }
  }
`);
const SERVICE_KEY = graphql(`
  mutation RunAgentErrorServiceKey {
    createApiKey(input: { name: "svc", kind: SERVICE }) {
      secret
    }
  }
`);
const DISABLE = graphql(`
  mutation RunAgentErrorDisable($id: ID!) {
    updateUser(input: { id: $id, status: DISABLED }) {
      id
    }
  }
`);

describe('runAgent refuses bad input without spending or recording anything', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const runs = async () => await ok(app, RUNS, {}, t.ownerKey);

  const run = (input: RunAgentInput) => () => runAgentRaw(app, t.ownerKey, input);
  const cases: [string, () => Promise<GqlResponse<unknown>>, string][] = [
    ['an empty message', run({ agent: 'assistant', message: '' }), 'BAD_USER_INPUT'],
    ['a blank message', run({ agent: 'assistant', message: '   ' }), 'BAD_USER_INPUT'],
    ['a message over 100,000 characters', run({ agent: 'assistant', message: 'x'.repeat(100_001) }), 'BAD_USER_INPUT'],
    ['a zero output cap', run({ agent: 'assistant', message: 'hi', maxOutputTokens: 0 }), 'BAD_USER_INPUT'],
    [
      'an unknown cache mode',
      // Not a CacheMode at all: no typed call can send it.
      () => gqlText(app, print(RUN), { input: { agent: 'assistant', message: 'hi', cache: 'SOMETIMES' } }, t.ownerKey),
      'BAD_USER_INPUT',
    ],
    [
      '201 history turns',
      run({
        agent: 'assistant',
        message: 'hi',
        history: Array.from({ length: 201 }, () => ({ role: 'USER', content: 'x' })),
      }),
      'BAD_USER_INPUT',
    ],
    [
      'an empty history turn',
      run({ agent: 'assistant', message: 'hi', history: [{ role: 'USER', content: '' }] }),
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character (Postgres cannot store it)',
      run({ agent: 'assistant', message: 'hi\u0000there' }),
      'BAD_USER_INPUT',
    ],
    [
      'an unpaired surrogate',
      run({ agent: 'assistant', message: 'hi', history: [{ role: 'USER', content: 'x\ud800y' }] }),
      'BAD_USER_INPUT',
    ],
    ['an unknown agent', run({ agent: 'nope', message: 'hi' }), 'NOT_FOUND'],
    [
      'an unknown user',
      run({ agent: 'assistant', message: 'hi', userId: 'usr_00000000000000000000000000' }),
      'FORBIDDEN',
    ],
  ];
  it.each(cases)('%s', async (_, send, code) => {
    const before = await runs();
    expectCode(await send(), code);
    expect(await runs()).toEqual(before);
  });

  it('refuses an archived agent and a disabled user', async () => {
    const agent = await ok(app, OLD_AGENT, {}, t.ownerKey);
    await ok(app, ARCHIVE, { id: agent.createAgent.id }, t.ownerKey);
    expectCode(await runAgentRaw(app, t.ownerKey, { agent: agent.createAgent.id, message: 'hi' }), 'CONFLICT');
    const member = await addUser(app, t, 'MEMBER');
    const svc = await ok(app, SERVICE_KEY, {}, t.ownerKey);
    await ok(app, DISABLE, { id: member.id }, t.ownerKey);
    expectCode(
      await runAgentRaw(app, svc.createApiKey.secret, { agent: 'assistant', message: 'hi', userId: member.id }),
      'FORBIDDEN',
    );
  });

  it('answers RunLimitExceeded (TOKENS) when the prompt alone is over the run limit', async () => {
    // 90,000 varied CJK characters: well over the plan's 50,000 tokens per run.
    const message = Array.from({ length: 90_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join(
      '',
    );
    const res = await runAgentRaw(app, t.ownerKey, { agent: 'assistant', message });
    expect(res.data!.runAgent).toMatchObject({
      __typename: 'RunLimitExceeded',
      kind: 'TOKENS',
      run: { status: 'RUN_LIMIT', costUsd: 0 },
    });
  });
});
