import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alerts } from '../../src/db/schema/index.js';
import { sharedApp, startApp, TEST_SECRETS_KEY, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/eventually.js';
import { ok, signUp } from '../helpers/graphql.js';
import { reply, startUpstream, type Upstream } from '../helpers/openai-server.js';
import { openaiAgent, runAgent } from '../helpers/runs.js';
import { freePort } from '../helpers/scratch.js';
import { graphql } from '../__generated__/gql.js';

const services = Boolean(inject('databaseUrl') && inject('redisUrl'));

const SETTINGS = graphql(`
  mutation CrashAlertSettings($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      id
    }
  }
`);
const ROTATE = graphql(`
  mutation CrashAlertRotate {
    rotateAlertSigningSecret {
      secret
    }
  }
`);

/** A process SIGKILLed right after it raised an alert: the next process delivers it. Needs Postgres and Redis. */
describe.skipIf(!services)('an alert raised just before a SIGKILL', () => {
  let upstream: Upstream;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await upstream.close();
    await new Promise<void>((r) => hook.close(() => r()));
  });

  it('is delivered after the restart, signed, once', async () => {
    const port = await freePort();
    // A Governor of its own that never polls for deliveries: whatever it raises waits in Postgres.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: inject('redisPrefix'),
        PORT: String(port),
        SIGNUP: 'open',
        SECRETS_KEY: TEST_SECRETS_KEY,
        ALERT_POLL_MS: '3600000',
        OPENAI_BASE_URL: upstream.url,
        OPENAI_API_KEY: 'test-key',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    const dying = { url: `http://127.0.0.1:${port}` } as TestApp;
    try {
      await eventually(
        () =>
          fetch(`${dying.url}/readyz`).then(
            (r) => r.ok,
            () => false,
          ),
        'the process to be ready',
        30_000,
      );
      const t = await signUp(dying);
      const { port: hookPort } = hook.address() as AddressInfo;
      await ok(
        dying,
        SETTINGS,
        {
          input: {
            alertWebhookUrl: `http://127.0.0.1:${hookPort}/hook`,
            alertThresholds: { runCostUsd: 0.00001 },
          },
        },
        t.ownerKey,
      );
      const { secret } = (await ok(dying, ROTATE, {}, t.ownerKey)).rotateAlertSigningSecret;
      const agent = await openaiAgent(dying, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
      const run = await runAgent(dying, t.ownerKey, { agent, message: 'Costly' });
      expect(run.__typename).toBe('AgentRunCompleted');
      const db = (await sharedApp()).runtime.database.db;
      const raised = () =>
        db
          .select()
          .from(alerts)
          .where(and(eq(alerts.tenantId, t.tenantId), eq(alerts.kind, 'RUN_COST')));
      // Raised with the settlement's ledger entry, and queued: then the process dies.
      await eventually(async () => (await raised()).length === 1, 'the alert to be raised');
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect((await raised())[0]).toMatchObject({ deliveryStatus: 'PENDING', deliveryAttempts: 0 });
      expect(received).toHaveLength(0);

      // The next process delivers it.
      const next = await startApp({ env: { ALERT_POLL_MS: '20' }, database: (await sharedApp()).runtime.database });
      try {
        await eventually(async () => (await raised())[0]?.deliveryStatus === 'DELIVERED', 'the alert to be delivered');
      } finally {
        await next.close();
      }
      expect(received).toHaveLength(1);
      const [got] = received;
      const ts = String(got!.headers['x-governor-timestamp']);
      const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${got!.body}`).digest('hex')}`;
      expect(got!.headers['x-governor-signature']).toBe(expected);
      expect(JSON.parse(got!.body)).toMatchObject({ kind: 'RUN_COST', runId: run.run.id, tenantId: t.tenantId });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
