import { Writable } from 'node:stream';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/eventually.js';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { graphql } from '../__generated__/gql.js';

const ASK = graphql(`
  mutation Ask($m: String!) {
    runAgent(input: { agent: "assistant", message: $m }) {
      __typename
    }
  }
`);
const STREAMED = graphql(`
  subscription Streamed($m: String!) {
    runAgentEvents(input: { agent: "assistant", message: $m }) {
      __typename
    }
  }
`);
const ME = graphql(`
  query Me {
    viewer {
      tenant {
        id
      }
    }
  }
`);
const REFUSED = graphql(`
  query RequestLogRefused {
    viewer {
      tenant {
        id
      }
    }
  }
`);

/** One wide log line per request: who, which operation, how it ended, how long; never prompts or keys. */
describe('the request log', () => {
  const lines: Record<string, unknown>[] = [];
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _, done) => void (lines.push(JSON.parse(String(chunk))), done()) });
    const log = pino({ level: 'info' }, sink);
    app = await startApp({ log, database: (await sharedApp()).runtime.database });
    t = await signUp(app);
  });
  afterAll(() => app.close());

  const requestLines = () => lines.filter((l) => l.msg === 'request');

  it('names the tenant, the operation and the run outcome, and logs the path without its query', async () => {
    const secret = 'my very private question about payroll';
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.ownerKey}`,
        'x-request-id': 'req-log-test-1',
      },
      body: JSON.stringify({ query: print(ASK), variables: { m: secret } }),
    });
    expect(res.status).toBe(200);
    // A document sent by GET with its variables in the URL.
    const get = `${app.url}/graphql?query=${encodeURIComponent(print(ME))}&variables=${encodeURIComponent(JSON.stringify({ x: secret }))}`;
    await fetch(get, {
      headers: {
        authorization: `Bearer ${t.ownerKey}`,
        'x-request-id': 'req-log-test-2',
        'apollo-require-preflight': '1',
      },
    });
    await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-log-test-3' },
      body: JSON.stringify({ query: print(REFUSED) }),
    });

    // A line is written when its response has closed, which the client may see a moment before.
    const ids = ['req-log-test-1', 'req-log-test-2', 'req-log-test-3'];
    await eventually(
      async () => ids.every((id) => requestLines().some((l) => l.requestId === id)),
      'the request lines',
    );
    const [run, viewer, refused] = ids.map((id) => requestLines().find((l) => l.requestId === id));
    expect(run).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      tenantId: t.tenantId,
      operation: 'Ask',
      operationType: 'mutation',
      outcome: 'COMPLETED',
    });
    expect(typeof run!.ms).toBe('number');
    expect(viewer).toMatchObject({ method: 'GET', path: '/graphql', operation: 'Me', operationType: 'query' });
    expect(refused).toMatchObject({ errorCodes: ['UNAUTHENTICATED'] });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('payroll');
    expect(everything).not.toContain(t.ownerKey);
  });

  it('logs the same line for a document run through Apollo and for its repeat run without it', async () => {
    const send = (id: string, body: unknown, key?: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': id,
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify(body),
      }).then((r) => r.text());
    const direct = async () => (await app.runtime.deps.metrics.graphqlDirect.get()).values[0]?.value ?? 0;
    const before = await direct();
    // A comment makes each document one no earlier request sent.
    const ask = (m: string) => ({ query: `${print(ASK)}\n# request log`, variables: { m } });
    const refused = { query: `${print(REFUSED)}\n# request log` };
    await send('req-log-test-5', ask('Once?'), t.ownerKey);
    await send('req-log-test-6', ask('Twice?'), t.ownerKey);
    await send('req-log-test-7', refused);
    await send('req-log-test-8', refused);
    expect((await direct()) - before).toBe(2);
    const ids = ['req-log-test-5', 'req-log-test-6', 'req-log-test-7', 'req-log-test-8'];
    await eventually(
      async () => ids.every((id) => requestLines().some((l) => l.requestId === id)),
      'the request lines',
    );
    const [viaApollo, direct1, refusedViaApollo, refusedDirect] = ids.map((id) => {
      const {
        requestId: _id,
        ms: _ms,
        runId: _run,
        time: _time,
        ...rest
      } = requestLines().find((l) => l.requestId === id)!;
      return rest;
    });
    expect(viaApollo).toMatchObject({
      operation: 'Ask',
      operationType: 'mutation',
      tenantId: t.tenantId,
      outcome: 'COMPLETED',
    });
    expect(direct1).toEqual(viaApollo);
    expect(refusedViaApollo).toMatchObject({ operation: 'RequestLogRefused', errorCodes: ['UNAUTHENTICATED'] });
    expect(refusedDirect).toEqual(refusedViaApollo);
  });

  it('logs a subscription on the stream door like any operation, with what its stream held', async () => {
    const res = await fetch(`${app.url}/graphql/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${t.ownerKey}`,
        'x-request-id': 'req-log-test-4',
      },
      body: JSON.stringify({ query: print(STREAMED), variables: { m: 'a streamed secret about payroll' } }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('RunFinished');
    await eventually(async () => requestLines().some((l) => l.requestId === 'req-log-test-4'), 'the request line');
    const line = requestLines().find((l) => l.requestId === 'req-log-test-4')!;
    expect(line).toMatchObject({
      path: '/graphql/stream',
      status: 200,
      tenantId: t.tenantId,
      operation: 'Streamed',
      operationType: 'subscription',
      outcome: 'COMPLETED',
      streamWaits: 0,
    });
    expect(typeof line.runId).toBe('string');
    expect(line.streamBufferedMaxBytes).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines)).not.toContain('payroll');
  });
});
