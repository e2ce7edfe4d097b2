import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts } from '../../src/db/schema/index.js';
import { startApp, type TestApp } from '../helpers/app.js';
import {
  billingEnv,
  billingOf,
  pricedPlan,
  START_UPGRADE,
  subscribe,
  tenantRow,
  useBillingApp,
} from '../helpers/billing.js';
import { eventually } from '../helpers/eventually.js';
import { addUser, expectCode, gql, ok, signUp } from '../helpers/graphql.js';
import { runAgent, usePlan, type RunOf } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const DAY = 86_400_000;
const SUCCESS_URL = 'https://app.example.test/billing/done';
const CANCEL_URL = 'https://app.example.test/billing/back';

const SERVICE_KEY = graphql(`
  mutation BillingServiceKey {
    createApiKey(input: { name: "backend", kind: SERVICE }) {
      secret
    }
  }
`);

/** The tenant's UPGRADE_SUGGESTED alerts, oldest first. */
const suggestions = (app: TestApp, tenantId: string) =>
  app.runtime.database.db
    .select()
    .from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), eq(alerts.kind, 'UPGRADE_SUGGESTED')))
    .orderBy(asc(alerts.createdAt), asc(alerts.id));

/** The money loop: a limit reached, an upgrade bought through Stripe, the new limits at once everywhere. */
describe('upgrading through Stripe', () => {
  const env = useBillingApp({ BILLING_SUCCESS_URL: SUCCESS_URL, BILLING_CANCEL_URL: CANCEL_URL });
  let other: TestApp;
  beforeAll(async () => {
    // A second process over the same database (and store, when there is one).
    other = await startApp({ env: billingEnv(env.stripe), clock: env.clock, database: env.app.runtime.database });
  });
  afterAll(() => other.close());

  it('a MEMBER stopped by the daily limit; the owner buys a bigger plan through Checkout; the MEMBER runs again, on either process', async () => {
    const t = await signUp(env.app);
    // A plan of its own whose daily tokens do not cover one run, and a bigger one on sale.
    await usePlan(env.app, t.tenantId, 'free', { userDailyTokenLimit: 300 });
    const growth = await pricedPlan(env.app, 'growth');
    const member = await addUser(env.app, t, 'MEMBER');

    // Refused on the other process (which now holds the tenant in its cache), with the offer.
    const refused = (await runAgent(other, member.key, {
      agent: 'assistant',
      message: 'Hello there',
    })) as RunOf<'BudgetExceeded'>;
    expect(refused.__typename).toBe('BudgetExceeded');
    expect(refused.window).toBe('USER_DAILY');
    expect(refused.upgradeOptions.map((p) => p.key)).toContain(growth.key);
    expect(refused.canUpgrade).toBe(false);
    // The tenant's admins hear of it (once per window period), through the ledger's outbox.
    const suggested = () =>
      env.app.runtime.database.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.tenantId, t.tenantId), eq(alerts.kind, 'UPGRADE_SUGGESTED')));
    await eventually(async () => (await suggested()).length === 1, 'the UPGRADE_SUGGESTED alert');
    expect((await suggested())[0]).toMatchObject({ subjectUserId: member.id, threshold: 300 });
    expect((await suggested())[0]!.message).toMatch(/reached the daily token limit/);
    await runAgent(other, member.key, { agent: 'assistant', message: 'Hello again' });
    await other.runtime.deps.outbox.flush();
    expect(await suggested()).toHaveLength(1);

    // The owner may buy it.
    const owners = (await runAgent(env.app, t.ownerKey, {
      agent: 'assistant',
      message: 'Hello',
    })) as RunOf<'BudgetExceeded'>;
    expect(owners.canUpgrade).toBe(true);

    const requests = env.stripe.requests.length;
    const started = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    if (started.__typename !== 'UpgradeCheckout') throw new Error(started.__typename);
    // A double click: the same session, one customer.
    const again = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    expect(again).toEqual(started);
    const sent = env.stripe.requests.slice(requests);
    const customers = sent.filter((r) => r.method === 'POST' && r.path === '/v1/customers');
    expect(customers).toHaveLength(1);
    expect(customers[0]!.idempotencyKey).toBe(`governor:customer:${t.tenantId}`);
    const sessions = sent.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.idempotencyKey).toMatch(/^governor:checkout:/);
    expect(sessions[0]!.body).toMatchObject({
      mode: 'subscription',
      customer: (await tenantRow(env.app, t.tenantId)).stripeCustomerId,
      client_reference_id: t.tenantId,
      line_items: [{ price: growth.stripePriceId, quantity: '1' }],
      metadata: { tenant_id: t.tenantId, plan_key: growth.key },
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
    });

    // Nothing changes until Stripe says it is paid.
    expect((await billingOf(env.app, t)).billingStatus).toBe('FREE');
    const answers = await env.deliver(env.stripe.completeCheckout(started.url.split('/').pop()!));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const billing = await billingOf(env.app, t);
    expect(billing).toMatchObject({
      plan: { key: growth.key },
      billingStatus: 'ACTIVE',
      pendingPlan: null,
      dailyLimit: 200_000,
    });
    expect(Date.parse(billing.currentPeriodEnd!)).toBe(env.clock.ms() - (env.clock.ms() % 1000) + 30 * 86_400_000);

    // The MEMBER runs again, here and on the other process (pub/sub; embedded, once its cache expires).
    expect((await runAgent(env.app, member.key, { agent: 'assistant', message: 'Hello there' })).__typename).toBe(
      'AgentRunCompleted',
    );
    if (env.app.runtime.store.kind !== 'redis') env.clock.advance(10_001);
    await eventually(
      async () =>
        (await runAgent(other, member.key, { agent: 'assistant', message: 'Hello there', cache: 'BYPASS' }))
          .__typename === 'AgentRunCompleted',
      'the other process to apply the new plan',
    );
  });

  it('two first clicks at once: one Stripe customer, one Checkout session, the same URL', async () => {
    const t = await signUp(env.app);
    const growth = await pricedPlan(env.app, 'growth');
    const requests = env.stripe.requests.length;
    const click = () => ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey);
    const [a, b] = (await Promise.all([click(), click()])).map((r) => r.startUpgrade);
    if (a!.__typename !== 'UpgradeCheckout') throw new Error(a!.__typename);
    expect(b).toEqual(a);

    const customers = [...env.stripe.customers.values()].filter((c) => c.metadata?.tenant_id === t.tenantId);
    expect(customers).toHaveLength(1);
    const customerId = customers[0]!.id!;
    expect((await tenantRow(env.app, t.tenantId)).stripeCustomerId).toBe(customerId);
    // Each click that asked sent the same key: Stripe answered the second with the first's customer.
    const asked = env.stripe.requests.slice(requests).filter((r) => r.method === 'POST' && r.path === '/v1/customers');
    expect(asked.length).toBeGreaterThanOrEqual(1);
    for (const r of asked) expect(r.idempotencyKey).toBe(`governor:customer:${t.tenantId}`);
    const sessions = [...env.stripe.sessions.values()].filter((s) => s.customer === customerId);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'open', url: a!.url });
  });

  it('a MEMBER stopped mid-run by the budget (after admission) is suggested an upgrade too', async () => {
    const t = await signUp(env.app);
    // Room for the loop's first step, not for its second.
    await usePlan(env.app, t.tenantId, 'free', { userDailyTokenLimit: 400 });
    const growth = await pricedPlan(env.app, 'growth');
    const member = await addUser(env.app, t, 'MEMBER');
    const stopped = (await runAgent(env.app, member.key, {
      agent: 'assistant',
      message: 'Add it up [[loop]]',
      maxOutputTokens: 40,
      cache: 'BYPASS',
    })) as RunOf<'BudgetExceeded'>;
    expect(stopped).toMatchObject({ __typename: 'BudgetExceeded', window: 'USER_DAILY', limit: 400 });
    expect(stopped.upgradeOptions.map((p) => p.key)).toContain(growth.key);
    // Admitted and charged for what it ran: not a refusal at admission.
    expect(stopped.run.toolCalls).toBeGreaterThanOrEqual(1);
    expect(stopped.run.usage.totalTokens).toBeGreaterThan(0);
    await eventually(
      async () => (await suggestions(env.app, t.tenantId)).length === 1,
      'the UPGRADE_SUGGESTED alert of a run stopped mid-run',
    );
    expect((await suggestions(env.app, t.tenantId))[0]).toMatchObject({
      subjectUserId: member.id,
      threshold: 400,
      periodKey: `USER_DAILY:2026-12-02:${member.id}`,
    });
  });

  it("the acting user's role decides: a service key acting for a MEMBER is suggested an upgrade, one acting for the owner is not", async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'free', { userDailyTokenLimit: 300 });
    await pricedPlan(env.app, 'growth');
    const member = await addUser(env.app, t, 'MEMBER');
    const admin = await addUser(env.app, t, 'ADMIN');
    const service = (await ok(env.app, SERVICE_KEY, {}, t.ownerKey)).createApiKey.secret;
    const refuse = async (key: string, userId?: string) => {
      const res = await runAgent(env.app, key, { agent: 'assistant', message: 'Hello there', userId });
      expect(res.__typename).toBe('BudgetExceeded');
    };
    // Not a MEMBER: the owner and an ADMIN on their own keys, the service key for the owner.
    await refuse(t.ownerKey);
    await refuse(admin.key);
    await refuse(service, t.ownerId);
    await env.app.runtime.deps.outbox.flush();
    expect(await suggestions(env.app, t.tenantId)).toEqual([]);

    await refuse(service, member.id);
    await eventually(
      async () => (await suggestions(env.app, t.tenantId)).length === 1,
      'the UPGRADE_SUGGESTED alert for a service key acting for a MEMBER',
    );
    expect((await suggestions(env.app, t.tenantId))[0]).toMatchObject({ subjectUserId: member.id, threshold: 300 });
  });

  it('once per period: refused again the same UTC day adds nothing, the next UTC day adds a second UPGRADE_SUGGESTED', async () => {
    const t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'free', { userDailyTokenLimit: 300 });
    await pricedPlan(env.app, 'growth');
    const member = await addUser(env.app, t, 'MEMBER');
    const refuse = async (message: string) => {
      const res = await runAgent(env.app, member.key, { agent: 'assistant', message });
      expect(res).toMatchObject({ __typename: 'BudgetExceeded', window: 'USER_DAILY' });
    };
    await refuse('Hello there');
    await eventually(async () => (await suggestions(env.app, t.tenantId)).length === 1, 'the first alert');
    await refuse('Hello again');
    await env.app.runtime.deps.outbox.flush();
    expect(await suggestions(env.app, t.tenantId)).toHaveLength(1);

    // Noon the next day: a new daily window, so a new period for the alert.
    env.clock.advance(DAY);
    await refuse('Hello, a day later');
    await eventually(async () => (await suggestions(env.app, t.tenantId)).length === 2, "the next day's alert");
    expect((await suggestions(env.app, t.tenantId)).map((a) => a.periodKey)).toEqual([
      `USER_DAILY:2026-12-02:${member.id}`,
      `USER_DAILY:2026-12-03:${member.id}`,
    ]);
  });

  it('an upgrade of a paid subscription is invoiced now and applies once paid; one that needs the customer to act waits for the invoice', async () => {
    const t = await signUp(env.app);
    const [hobby, growth, business] = await Promise.all([
      pricedPlan(env.app, 'hobby'),
      pricedPlan(env.app, 'growth'),
      pricedPlan(env.app, 'business'),
    ]);
    const { subscriptionId, customerId } = await subscribe(env, t, hobby);
    expect((await billingOf(env.app, t)).plan.key).toBe(hobby.key);

    const requests = env.stripe.requests.length;
    const applied = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    expect(applied).toEqual({
      __typename: 'UpgradeApplied',
      tenant: { plan: { key: growth.key }, pendingPlan: null, billingStatus: 'ACTIVE' },
    });
    const update = env.stripe.requests
      .slice(requests)
      .find((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscriptionId}`)!;
    expect(update.body).toMatchObject({
      items: [{ price: growth.stripePriceId }],
      proration_behavior: 'always_invoice',
      payment_behavior: 'pending_if_incomplete',
    });
    expect(update.idempotencyKey).toMatch(/^governor:change:/);

    // 3-D Secure: the invoice must be paid by the customer; until then the limits stay.
    env.stripe.requireActionOnNextPayment(customerId);
    const pending = (await ok(env.app, START_UPGRADE, { plan: business.key }, t.ownerKey)).startUpgrade;
    if (pending.__typename !== 'UpgradePending') throw new Error(pending.__typename);
    const invoiceId = pending.url.split('/').pop()!;
    expect(env.stripe.invoices.get(invoiceId)?.status).toBe('open');
    expect((await billingOf(env.app, t)).plan.key).toBe(growth.key);
    // Asking again answers the same invoice, and changes nothing in Stripe.
    const before = env.stripe.requests.filter((r) => r.method === 'POST').length;
    expect((await ok(env.app, START_UPGRADE, { plan: business.key }, t.ownerKey)).startUpgrade).toEqual(pending);
    expect(env.stripe.requests.filter((r) => r.method === 'POST').length).toBe(before);
    // Another plan meanwhile: refused, saying which change waits (never the other plan's invoice).
    const other = await gql(env.app, START_UPGRADE, { plan: hobby.key }, t.ownerKey);
    expectCode(other, 'CONFLICT');
    expect(other.errors?.[0]?.message).toContain(business.name);
    expect(env.stripe.requests.filter((r) => r.method === 'POST').length).toBe(before);

    await env.deliver(env.stripe.payInvoice(invoiceId));
    expect(await billingOf(env.app, t)).toMatchObject({ plan: { key: business.key }, billingStatus: 'ACTIVE' });
  });

  it('a downgrade waits for the end of the period, and naming the current plan meanwhile cancels it', async () => {
    const t = await signUp(env.app);
    const [hobby, growth] = await Promise.all([pricedPlan(env.app, 'hobby'), pricedPlan(env.app, 'growth')]);
    const { subscriptionId } = await subscribe(env, t, growth);

    const down = (await ok(env.app, START_UPGRADE, { plan: hobby.key }, t.ownerKey)).startUpgrade;
    expect(down).toEqual({
      __typename: 'UpgradeApplied',
      tenant: { plan: { key: growth.key }, pendingPlan: { key: hobby.key }, billingStatus: 'ACTIVE' },
    });
    const sub = env.stripe.subscriptions.get(subscriptionId)!;
    expect(sub.items?.data?.[0]?.price?.id).toBe(growth.stripePriceId);
    expect(typeof sub.schedule).toBe('string');
    // The phase in force runs to the period's end; then one period of the lower price, and the schedule lets go.
    const phases = env.stripe.requests.find(
      (r) => r.method === 'POST' && r.path === `/v1/subscription_schedules/${sub.schedule as string}`,
    )!;
    const item = sub.items!.data![0]!;
    expect(phases.body).toMatchObject({
      end_behavior: 'release',
      phases: [
        {
          items: [{ price: growth.stripePriceId }],
          start_date: String(item.current_period_start),
          end_date: String(item.current_period_end),
          proration_behavior: 'none',
        },
        { items: [{ price: hobby.stripePriceId }], duration: { interval: 'month', interval_count: '1' } },
      ],
    });

    // Changed my mind: the schedule is released, nothing waits.
    const kept = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    expect(kept).toMatchObject({
      __typename: 'UpgradeApplied',
      tenant: { plan: { key: growth.key }, pendingPlan: null },
    });
    expect(env.stripe.subscriptions.get(subscriptionId)!.schedule).toBeNull();

    // Downgrade again, and let the period end: the lower plan from then on.
    await ok(env.app, START_UPGRADE, { plan: hobby.key }, t.ownerKey);
    env.clock.advance(30 * 86_400_000);
    await env.deliver(env.stripe.renew(subscriptionId));
    expect(await billingOf(env.app, t)).toMatchObject({
      plan: { key: hobby.key },
      pendingPlan: null,
      billingStatus: 'ACTIVE',
    });
  });
});

/** What keeps a tenant on one subscription, and a customer from paying for what Governor would not apply. */
describe('one subscription per tenant', () => {
  const env = useBillingApp();

  it('a new Checkout session closes the open one: two can never both be paid', async () => {
    const t = await signUp(env.app);
    const [hobby, growth] = await Promise.all([pricedPlan(env.app, 'hobby'), pricedPlan(env.app, 'growth')]);
    const first = (await ok(env.app, START_UPGRADE, { plan: hobby.key }, t.ownerKey)).startUpgrade;
    if (first.__typename !== 'UpgradeCheckout') throw new Error(first.__typename);
    const second = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    if (second.__typename !== 'UpgradeCheckout') throw new Error(second.__typename);
    const [firstId, secondId] = [first.url.split('/').pop()!, second.url.split('/').pop()!];
    expect(env.stripe.sessions.get(firstId)?.status).toBe('expired');
    expect(env.stripe.sessions.get(secondId)?.status).toBe('open');
    expect(() => env.stripe.completeCheckout(firstId)).toThrow(/expired/);
    // Back to the first plan: a new session (the closed one is never handed out again).
    const third = (await ok(env.app, START_UPGRADE, { plan: hobby.key }, t.ownerKey)).startUpgrade;
    if (third.__typename !== 'UpgradeCheckout') throw new Error(third.__typename);
    expect(third.url).not.toBe(first.url);
    expect(env.stripe.sessions.get(secondId)?.status).toBe('expired');
    await env.deliver(env.stripe.completeCheckout(third.url.split('/').pop()!));
    expect(await billingOf(env.app, t)).toMatchObject({ plan: { key: hobby.key }, billingStatus: 'ACTIVE' });
  });

  it('a subscription that ended before Governor heard of it: the next upgrade starts afresh, and the new subscription is the one applied', async () => {
    const t = await signUp(env.app);
    const growth = await pricedPlan(env.app, 'growth');
    const { subscriptionId } = await subscribe(env, t, growth);
    // Cancelled in Stripe; its events are late.
    const late = env.stripe.cancel(subscriptionId);
    const started = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
    if (started.__typename !== 'UpgradeCheckout') throw new Error(started.__typename);
    expect(await billingOf(env.app, t)).toMatchObject({ billingStatus: 'CANCELED', plan: { key: 'free' } });
    await env.deliver(env.stripe.completeCheckout(started.url.split('/').pop()!));
    const row = await tenantRow(env.app, t.tenantId);
    expect(row.stripeSubscriptionId).not.toBe(subscriptionId);
    expect(await billingOf(env.app, t)).toMatchObject({ billingStatus: 'ACTIVE', plan: { key: growth.key } });
    // The old subscription's end, delivered at last, changes nothing.
    const answers = await env.deliver(late);
    expect(answers.map((a) => a.status)).toEqual(late.map(() => 200));
    expect(await tenantRow(env.app, t.tenantId)).toEqual(row);
  });

  it('a tenant behind on its payments pays before it buys: PAYMENT_REQUIRED from startUpgrade, and no upgrade offered', async () => {
    const t = await signUp(env.app);
    const [growth, business] = await Promise.all([
      pricedPlan(env.app, 'growth', { userDailyTokenLimit: 300 }),
      pricedPlan(env.app, 'business'),
    ]);
    const { subscriptionId } = await subscribe(env, t, growth);
    await env.deliver(env.stripe.failRenewal(subscriptionId));
    // In the grace period, the paid plan's limits: the owner is refused at them, and not offered a plan.
    const refused = (await runAgent(env.app, t.ownerKey, {
      agent: 'assistant',
      message: 'Hello there',
    })) as RunOf<'BudgetExceeded'>;
    expect(refused.__typename).toBe('BudgetExceeded');
    expect(refused.upgradeOptions.map((p) => p.key)).toContain(business.key);
    expect(refused.canUpgrade).toBe(false);
    const upgrade = await gql(env.app, START_UPGRADE, { plan: business.key }, t.ownerKey);
    expectCode(upgrade, 'PAYMENT_REQUIRED');
    expect(upgrade.errors?.[0]?.message).toMatch(/openBillingPortal/);
    // Past it, on the free plan's limits: buying back the plan it pays for is refused the same way.
    env.clock.advance(8 * 86_400_000);
    expect((await billingOf(env.app, t)).plan.key).toBe('free');
    expectCode(await gql(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey), 'PAYMENT_REQUIRED');
  });
});
