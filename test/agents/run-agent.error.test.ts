import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { addUser, expectCode, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgentRaw } from '../helpers/runs.js';

describe('runAgent refuses bad input without spending or recording anything', () => {
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
  });
  const runs = async () =>
    await ok<any>(
      app,
      '{ agentRuns(first: 100) { edges { node { id } } } budgetStatus { daily { used reserved } } }',
      {},
      t.ownerKey,
    );

  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty message', { agent: 'assistant', message: '' }, 'BAD_USER_INPUT'],
    ['a blank message', { agent: 'assistant', message: '   ' }, 'BAD_USER_INPUT'],
    ['a message over 100,000 characters', { agent: 'assistant', message: 'x'.repeat(100_001) }, 'BAD_USER_INPUT'],
    ['a zero output cap', { agent: 'assistant', message: 'hi', maxOutputTokens: 0 }, 'BAD_USER_INPUT'],
    ['an unknown cache mode', { agent: 'assistant', message: 'hi', cache: 'SOMETIMES' }, 'BAD_USER_INPUT'],
    [
      '201 history turns',
      {
        agent: 'assistant',
        message: 'hi',
        history: Array.from({ length: 201 }, () => ({ role: 'USER', content: 'x' })),
      },
      'BAD_USER_INPUT',
    ],
    [
      'an empty history turn',
      { agent: 'assistant', message: 'hi', history: [{ role: 'USER', content: '' }] },
      'BAD_USER_INPUT',
    ],
    ['a NUL character (Postgres cannot store it)', { agent: 'assistant', message: 'hi\u0000there' }, 'BAD_USER_INPUT'],
    [
      'an unpaired surrogate',
      { agent: 'assistant', message: 'hi', history: [{ role: 'USER', content: 'x\ud800y' }] },
      'BAD_USER_INPUT',
    ],
    ['an unknown agent', { agent: 'nope', message: 'hi' }, 'NOT_FOUND'],
    ['an unknown user', { agent: 'assistant', message: 'hi', userId: 'usr_00000000000000000000000000' }, 'FORBIDDEN'],
  ];
  it.each(cases)('%s', async (_, input, code) => {
    const before = await runs();
    expectCode(await runAgentRaw(app, t.ownerKey, input), code);
    expect(await runs()).toEqual(before);
  });

  it('refuses an archived agent and a disabled user', async () => {
    const agent = await ok<any>(
      app,
      'mutation { createAgent(input: { name: "Old", instructions: "x" }) { id } }',
      {},
      t.ownerKey,
    );
    await ok(app, 'mutation($id: ID!) { archiveAgent(id: $id) { id } }', { id: agent.createAgent.id }, t.ownerKey);
    expectCode(await runAgentRaw(app, t.ownerKey, { agent: agent.createAgent.id, message: 'hi' }), 'CONFLICT');
    const member = await addUser(app, t, 'MEMBER');
    const svc = await ok<any>(
      app,
      'mutation { createApiKey(input: { name: "svc", kind: SERVICE }) { secret } }',
      {},
      t.ownerKey,
    );
    await ok(
      app,
      'mutation($id: ID!) { updateUser(input: { id: $id, status: DISABLED }) { id } }',
      { id: member.id },
      t.ownerKey,
    );
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
    expect(res.data.runAgent).toMatchObject({
      __typename: 'RunLimitExceeded',
      kind: 'TOKENS',
      run: { status: 'RUN_LIMIT', costUsd: 0 },
    });
  });
});
