import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, type AlertKind } from '../../src/db/schema/index.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { testClock } from '../helpers/billing.js';
import { eventually } from '../helpers/eventually.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const SETTINGS = graphql(`
  mutation AlertSettings($input: UpdateTenantInput!) {
    updateTenant(input: $input) {
      alertWebhookUrl
    }
  }
`);
const BUDGET = graphql(`
  mutation AlertBudget($input: SetUserBudgetInput!) {
    setUserBudget(input: $input) {
      id
    }
  }
`);
const ROTATE = graphql(`
  mutation AlertRotate {
    rotateAlertSigningSecret {
      secret
      createdAt
    }
  }
`);
const TEST_WEBHOOK = graphql(`
  mutation AlertTest {
    testAlertWebhook {
      id
      kind
      deliveryStatus
      deliveredAt
      deliveryError
    }
  }
`);
const ALERTS = graphql(`
  query AlertList($status: AlertStatus) {
    alerts(first: 50, status: $status) {
      edges {
        node {
          id
          kind
          status
          value
          threshold
          message
          subjectUser {
            id
          }
          run {
            id
            costUsd
          }
          deliveryStatus
          deliveryError
        }
      }
    }
  }
`);
const ACK = graphql(`
  mutation AlertAck($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      status
    }
  }
`);

const DAY = 86_400_000;

/** The README's snippet: how a receiver checks a Governor webhook. */
function verifyGovernorWebhook(secret: string, headers: IncomingHttpHeaders, rawBody: string, toleranceS = 300) {
  const timestamp = Number(headers['x-governor-timestamp']);
  const signature = String(headers['x-governor-signature'] ?? '');
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceS) return false;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

type Received = { at: number; headers: IncomingHttpHeaders; body: string };

/** A local receiver: answers each POST with `status()` (or never, when it returns 'hang'). */
async function receiver(status: () => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body });
      const s = status();
      if (s !== 'hang') res.writeHead(s).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/governor`,
    port,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const alertsOf = async (app: TestApp, t: Tenant, kind?: AlertKind) =>
  (
    await app.runtime.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.tenantId, t.tenantId), kind ? eq(alerts.kind, kind) : undefined))
  ).sort((a, b) => a.id.localeCompare(b.id));

/** What the rules see: each batch after Postgres has it. */
const settled = async (app: TestApp) => {
  await app.runtime.deps.outbox.flush();
  await app.runtime.deps.outbox.watched();
};

describe('alert rules', () => {
  const clock = testClock();
  const env = useUpstreamApp({ clock });
  const thresholds = (app: TestApp, t: Tenant, alertThresholds: Record<string, number>) =>
    ok(app, SETTINGS, { input: { alertThresholds } }, t.ownerKey);

  it('USER_BUDGET_80 and _100: not before, once when crossed (or refused), again in the next period', async () => {
    clock.reset();
    const t = await signUp(env.app);
    const member = await addUser(env.app, t, 'MEMBER');
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    await runAgent(env.app, member.key, { agent, message: 'One' });
    await settled(env.app);
    // 350 of the free plan's 10,000 a day: nothing.
    expect(await alertsOf(env.app, t)).toEqual([]);
    await ok(env.app, BUDGET, { input: { userId: member.id, dailyTokenLimit: 420 } }, t.ownerKey);
    // The next run does not fit: refused at admission, at 83% of the day.
    expect((await runAgent(env.app, member.key, { agent, message: 'Two' })).__typename).toBe('BudgetExceeded');
    await settled(env.app);
    const budgetAlerts = async () => (await alertsOf(env.app, t)).filter((a) => a.kind.startsWith('USER_BUDGET_'));
    const day = (await budgetAlerts()).map((a) => [a.kind, a.periodKey, a.value, a.threshold]);
    expect(day).toEqual(
      expect.arrayContaining([
        ['USER_BUDGET_80', `USER_DAILY:2026-12-02:${member.id}`, 350, 336],
        ['USER_BUDGET_100', `USER_DAILY:2026-12-02:${member.id}`, 350, 420],
      ]),
    );
    expect(day).toHaveLength(2);
    // Refused again the same day: nothing new.
    await runAgent(env.app, member.key, { agent, message: 'Three' });
    await settled(env.app);
    expect(await budgetAlerts()).toHaveLength(2);
    // The MEMBER's refusal also suggested an upgrade to the tenant's admins (the billing issue's alert).
    expect(await alertsOf(env.app, t, 'UPGRADE_SUGGESTED')).toHaveLength(1);
    // The next UTC day: the window is fresh, and crossing it again alerts again.
    clock.advance(DAY);
    await runAgent(env.app, member.key, { agent, message: 'Four' });
    await settled(env.app);
    const next = await alertsOf(env.app, t, 'USER_BUDGET_80');
    expect(next.map((a) => a.periodKey)).toEqual([
      `USER_DAILY:2026-12-02:${member.id}`,
      `USER_DAILY:2026-12-03:${member.id}`,
    ]);
  });

  it('RUN_COST names the run; USER_BUDGET_SHARE once per user and month; thresholds are the tenant’s', async () => {
    clock.reset();
    const t = await signUp(env.app);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    await runAgent(env.app, t.ownerKey, { agent, message: 'Cheap' });
    await settled(env.app);
    // Defaults: $1 a run, 10% of 300,000 tokens: nothing yet.
    expect(await alertsOf(env.app, t)).toEqual([]);
    await thresholds(env.app, t, { runCostUsd: 0.00001, userBudgetSharePercent: 0.2 });
    const run = await runAgent(env.app, t.ownerKey, { agent, message: 'Costly' });
    await settled(env.app);
    const list = (await ok(env.app, ALERTS, {}, t.ownerKey)).alerts.edges.map((e) => e.node);
    const cost = list.find((a) => a.kind === 'RUN_COST')!;
    expect(cost.run?.id).toBe(run.run.id);
    expect(cost.value).toBeCloseTo(cost.run!.costUsd, 6);
    expect(cost.threshold).toBe(0.00001);
    const share = list.find((a) => a.kind === 'USER_BUDGET_SHARE')!;
    // 700 of 300,000 tokens: 0.233%, over 0.2%.
    expect(share).toMatchObject({ threshold: 0.2, subjectUser: { id: t.ownerId } });
    expect(share.value).toBeCloseTo((700 / 300_000) * 100, 6);
    await runAgent(env.app, t.ownerKey, { agent, message: 'Costly again' });
    await settled(env.app);
    expect(await alertsOf(env.app, t, 'USER_BUDGET_SHARE')).toHaveLength(1);
    expect(await alertsOf(env.app, t, 'RUN_COST')).toHaveLength(2);
    // Another tenant can neither see nor acknowledge it; a MEMBER cannot either.
    const stranger = await signUp(env.app);
    expectCode(await gql(env.app, ACK, { id: share.id }, stranger.ownerKey), 'NOT_FOUND');
    expect((await ok(env.app, ALERTS, {}, stranger.ownerKey)).alerts.edges).toEqual([]);
    const member = await addUser(env.app, t, 'MEMBER');
    expectCode(await gql(env.app, ACK, { id: share.id }, member.key), 'FORBIDDEN');
    // Acknowledged: no longer OPEN.
    await ok(env.app, ACK, { id: share.id }, t.ownerKey);
    const open = (await ok(env.app, ALERTS, { status: 'OPEN' }, t.ownerKey)).alerts.edges.map((e) => e.node.id);
    expect(open).not.toContain(share.id);
    expect(open).toContain(cost.id);
    // The next UTC month: the share starts again from zero, and crossing it alerts again.
    clock.advance(30 * DAY);
    await runAgent(env.app, t.ownerKey, { agent, message: 'January' });
    await settled(env.app);
    expect(await alertsOf(env.app, t, 'USER_BUDGET_SHARE')).toHaveLength(1);
    await runAgent(env.app, t.ownerKey, { agent, message: 'January again' });
    await settled(env.app);
    expect((await alertsOf(env.app, t, 'USER_BUDGET_SHARE')).map((a) => a.periodKey.slice(0, 7))).toEqual([
      '2026-12',
      '2027-01',
    ]);
  });

  it('DAILY_SPEND_SPIKE: only with three full days of history, once a day, over 2× the full days’ average', async () => {
    clock.reset();
    const t = await signUp(env.app);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    const runs = async (n: number) => {
      for (let i = 0; i < n; i++) await runAgent(env.app, t.ownerKey, { agent, message: `Run ${i}` });
      await settled(env.app);
    };
    // Day 1 (partial: the tenant starts at noon), then two full days.
    await runs(1);
    clock.advance(DAY);
    await runs(1);
    clock.advance(DAY);
    await runs(1);
    clock.advance(DAY);
    // Day 4 at ten times the others: only two full days of history (the first was partial), so no spike.
    await runs(10);
    expect(await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE')).toEqual([]);
    // Day 5: three full days (1, 1 and 10 runs), an average of 4; 8 runs is not over 2×, 9 is.
    clock.advance(DAY);
    await runs(8);
    expect(await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE')).toEqual([]);
    await runs(1);
    const [spike] = await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE');
    expect(spike).toMatchObject({ periodKey: '2026-12-06' });
    expect(spike!.value / spike!.threshold).toBeCloseTo(9 / 8, 6);
    await runs(2);
    expect(await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE')).toHaveLength(1);
    // The next day: four full days (1, 1, 10, 11 runs), an average of 5.75; 12 runs are over 2×.
    clock.advance(DAY);
    await runs(11);
    expect(await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE')).toHaveLength(1);
    await runs(1);
    expect((await alertsOf(env.app, t, 'DAILY_SPEND_SPIKE')).map((a) => a.periodKey)).toEqual([
      '2026-12-06',
      '2026-12-07',
    ]);
  });

  it('two processes crossing at once raise one alert', async () => {
    clock.reset();
    const other = await startApp({
      env: { OPENAI_BASE_URL: env.upstream.url, OPENAI_API_KEY: 'test-key' },
      clock,
      database: env.app.runtime.database,
    });
    try {
      const t = await signUp(env.app);
      const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
      await thresholds(env.app, t, { userBudgetSharePercent: 0.1 });
      env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
      await Promise.all([
        runAgent(env.app, t.ownerKey, { agent, message: 'Here' }),
        runAgent(other, t.ownerKey, { agent, message: 'There' }),
      ]);
      await Promise.all([settled(env.app), settled(other)]);
      expect(await alertsOf(env.app, t, 'USER_BUDGET_SHARE')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('alert webhooks', () => {
  const env = useUpstreamApp({
    env: { ALERT_POLL_MS: '20', ALERT_RETRY_BASE_MS: '100', ALERT_MAX_ATTEMPTS: '3', ALERT_TIMEOUT_MS: '300' },
  });
  let hooks: Awaited<ReturnType<typeof receiver>>[] = [];
  const listen = async (status?: () => number | 'hang') => {
    const r = await receiver(status);
    hooks.push(r);
    return r;
  };
  afterAll(async () => {
    await Promise.all(hooks.map((h) => h.close()));
    hooks = [];
  });

  async function subscribed(url: string) {
    const t = await signUp(env.app);
    await ok(env.app, SETTINGS, { input: { alertWebhookUrl: url } }, t.ownerKey);
    const { secret } = (await ok(env.app, ROTATE, {}, t.ownerKey)).rotateAlertSigningSecret;
    return { t, secret };
  }

  it('testAlertWebhook: a signed POST that verifies with the README snippet; the secret is kept encrypted', async () => {
    const hook = await listen();
    const { t, secret } = await subscribed(hook.url);
    expect(secret).toMatch(/^whsec_/);
    const sent = (await ok(env.app, TEST_WEBHOOK, {}, t.ownerKey)).testAlertWebhook;
    expect(sent).toMatchObject({ kind: 'TEST', deliveryStatus: 'DELIVERED', deliveryError: null });
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    expect(verifyGovernorWebhook(secret, got!.headers, got!.body)).toBe(true);
    expect(verifyGovernorWebhook('whsec_wrong', got!.headers, got!.body)).toBe(false);
    expect(verifyGovernorWebhook(secret, got!.headers, got!.body.replace('TEST', 'RUN_COST'))).toBe(false);
    expect(JSON.parse(got!.body)).toMatchObject({ id: sent.id, kind: 'TEST', tenantId: t.tenantId });
    const [stored] = await env.app.runtime.database.db
      .select({ sealed: (await import('../../src/db/schema/index.js')).tenants.alertSigningSecret })
      .from((await import('../../src/db/schema/index.js')).tenants)
      .where(eq((await import('../../src/db/schema/index.js')).tenants.id, t.tenantId));
    expect(stored!.sealed).toMatch(/^v1\./);
    expect(stored!.sealed).not.toContain(secret.slice(6));
  });

  it('testAlertWebhook answers with its own first attempt, the poller never sending it too', async () => {
    const hook = await listen();
    const { t } = await subscribed(hook.url);
    // The poller runs every 20 ms here: each new test alert is held back from it.
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push((await ok(env.app, TEST_WEBHOOK, {}, t.ownerKey)).testAlertWebhook);
    expect(sent.map((s) => s.deliveryStatus)).toEqual(Array(5).fill('DELIVERED'));
    const ids = hook.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(ids.sort()).toEqual(sent.map((s) => s.id).sort());
  });

  it('no delivery before a secret exists; a webhook is a tenant admin’s', async () => {
    const hook = await listen();
    const t = await signUp(env.app);
    await ok(env.app, SETTINGS, { input: { alertWebhookUrl: hook.url } }, t.ownerKey);
    const res = await gql(env.app, TEST_WEBHOOK, {}, t.ownerKey);
    expectCode(res, 'BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/rotateAlertSigningSecret/);
    const member = await addUser(env.app, t, 'MEMBER');
    expectCode(await gql(env.app, ROTATE, {}, member.key), 'FORBIDDEN');
    expect(hook.received).toHaveLength(0);
  });

  it('a failing receiver is retried with backoff, then given up on', async () => {
    const hook = await listen(() => 500);
    const { t } = await subscribed(hook.url);
    const sent = (await ok(env.app, TEST_WEBHOOK, {}, t.ownerKey)).testAlertWebhook;
    expect(sent).toMatchObject({ deliveryStatus: 'PENDING', deliveryError: 'the webhook answered HTTP 500' });
    await eventually(
      async () => (await alertsOf(env.app, t))[0]?.deliveryStatus === 'FAILED',
      'the delivery to be given up',
    );
    expect(hook.received).toHaveLength(3);
    const gaps = hook.received.slice(1).map((r, i) => r.at - hook.received[i]!.at);
    // 100 ms, then 200 ms (polled every 20 ms).
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    const [failed] = await alertsOf(env.app, t);
    expect(failed).toMatchObject({ deliveryAttempts: 3, deliveryError: 'the webhook answered HTTP 500' });
  });

  it('a receiver that hangs does not hold up runAgent, and times out', async () => {
    const hook = await listen(() => 'hang');
    const { t } = await subscribed(hook.url);
    await ok(env.app, SETTINGS, { input: { alertThresholds: { runCostUsd: 0.00001 } } }, t.ownerKey);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    await runAgent(env.app, t.ownerKey, { agent, message: 'One' });
    await eventually(async () => hook.received.length >= 1, 'the hanging receiver to be called');
    // While a delivery hangs, runs go on.
    const second = await runAgent(env.app, t.ownerKey, { agent, message: 'Two' });
    expect(second.__typename).toBe('AgentRunCompleted');
    await eventually(
      async () =>
        (await alertsOf(env.app, t, 'RUN_COST')).some((a) => a.deliveryError === 'the webhook did not answer in time'),
      'the attempt to time out',
    );
  });
});

describe('an alert raised by a process that stops before delivering it', () => {
  // (Test apps do not poll for deliveries unless asked: this one never does.)
  const env = useUpstreamApp();
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(() => hook.close());

  it('is delivered by the next process (the alerts table is the outbox)', async () => {
    const t = await signUp(env.app);
    await ok(
      env.app,
      SETTINGS,
      { input: { alertWebhookUrl: hook.url, alertThresholds: { runCostUsd: 0.00001 } } },
      t.ownerKey,
    );
    await ok(env.app, ROTATE, {}, t.ownerKey);
    const agent = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0 });
    env.upstream.handle((req) => reply.text(req, 'Fine.', { prompt: 300, completion: 50 }));
    await runAgent(env.app, t.ownerKey, { agent, message: 'One' });
    await settled(env.app);
    const [raised] = await alertsOf(env.app, t, 'RUN_COST');
    expect(raised).toMatchObject({ deliveryStatus: 'PENDING', deliveryAttempts: 0 });
    expect(hook.received).toHaveLength(0);
    // This process never polls; the next one (same database) delivers what it left.
    const next = await startApp({ env: { ALERT_POLL_MS: '20' }, database: env.app.runtime.database });
    try {
      await eventually(async () => hook.received.length === 1, 'the next process to deliver the alert');
      expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ id: raised!.id, kind: 'RUN_COST' });
      await eventually(async () => (await alertsOf(env.app, t, 'RUN_COST'))[0]?.deliveryStatus === 'DELIVERED');
    } finally {
      await next.close();
    }
  });
});

describe('webhook URLs in production', () => {
  let app: TestApp;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
    app = await startApp({ configure: (c) => ({ ...c, env: 'production' }), env: { ALERT_POLL_MS: '20' } });
  });
  afterAll(async () => {
    await app.close();
    await hook.close();
  });

  it('refuses http and private addresses, and never connects to a name that resolves to one', async () => {
    const t = await signUp(app);
    for (const url of [
      hook.url,
      'https://10.0.0.8/hook',
      'https://169.254.169.254/latest',
      'https://100.64.1.1/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::127.0.0.1]/',
      'https://2130706433/',
      'https://0x7f000001/',
      'https://[fd00::1]/',
      'https://user:pass@example.com/',
    ]) {
      const res = await gql(app, SETTINGS, { input: { alertWebhookUrl: url } }, t.ownerKey);
      expectCode(res, 'BAD_USER_INPUT');
    }
    // A name is checked when it is used: localhost resolves to loopback, so nothing is sent.
    await ok(app, SETTINGS, { input: { alertWebhookUrl: `https://localhost:${hook.port}/hook` } }, t.ownerKey);
    await ok(app, ROTATE, {}, t.ownerKey);
    const sent = (await ok(app, TEST_WEBHOOK, {}, t.ownerKey)).testAlertWebhook;
    expect(sent.deliveryError).toBe('the webhook host resolves to a private or reserved address');
    expect(hook.received).toHaveLength(0);
  });
});
