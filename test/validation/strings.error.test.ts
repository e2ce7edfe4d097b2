import { beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectCode, gqlText, signUp, type Tenant } from '../helpers/graphql.js';
import { rowCounts } from '../helpers/row-counts.js';
import { stringInputs } from '../helpers/sdl-inputs.js';

const inputs = stringInputs();
const BAD = [
  ['a NUL character', 'before\u0000after'],
  ['an unpaired surrogate', 'broken \ud800 text'],
] as const;

/** One validator for every string: every string argument of the schema, NUL and surrogates refused. */
describe('every string argument of the schema', () => {
  let app: TestApp;
  let t: Tenant;
  let before: Record<string, number>;
  beforeAll(async () => {
    app = await sharedApp();
    t = await signUp(app);
    before = await rowCounts(app, t.tenantId);
  });

  it('covers the fields that take strings, ids and cursors included', () => {
    const fields = new Set(inputs.map((i) => i.field));
    for (const f of [
      'runAgent',
      'createUser',
      'user',
      'agent',
      'agentRuns',
      'revokeApiKey',
      'setUserBudget',
      'createTenant',
    ]) {
      expect(fields).toContain(f);
    }
    expect(inputs.some((i) => i.field === 'users' && i.path.includes('after'))).toBe(true);
  });

  it.each(
    inputs.flatMap((input) =>
      BAD.map(([what, bad]) => ({ ...input, what, bad, name: `${input.field}(${input.path.join('.')})` })),
    ),
  )('refuses $what in $name with BAD_USER_INPUT', async ({ document, variables, bad }) => {
    const res = await gqlText(app, document, variables(bad), t.ownerKey);
    expectCode(res, 'BAD_USER_INPUT');
    // Refused for the string itself, at the door, naming where it was.
    expect(res.errors![0]!.message).toMatch(
      /^(body\.)?variables\..+: must not contain NUL characters or unpaired surrogates$/,
    );
  });

  it('wrote nothing', async () => {
    expect(await rowCounts(app, t.tenantId)).toEqual(before);
  });

  it('refuses a body that is not valid UTF-8 with a 400, and runs nothing', async () => {
    const text = (s: string) => Buffer.from(s, 'utf8');
    const query = Buffer.concat([
      text('{"query":"mutation { runAgent(input: { agent: \\"assistant\\", message: \\"hi '),
      Buffer.from([0xff, 0xfe]), // not UTF-8: a lenient decoder would read it as U+FFFD and run
      text(' \\" }) { __typename } }"}'),
    ]);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.ownerKey}` },
      body: query,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('not valid UTF-8');
    expect(await rowCounts(app, t.tenantId)).toEqual(before);
  });
});
