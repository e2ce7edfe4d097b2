import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stripeEvents } from '../../src/db/schema/index.js';
import { billingOf, pricedPlan, START_UPGRADE, subscribe, tenantRow, useBillingApp } from '../helpers/billing.js';
import { addUser, ok, signUp } from '../helpers/graphql.js';
import { openaiAgent, runAgent, runAgentRaw, type RunOf } from '../helpers/runs.js';
import type Stripe from 'stripe';

const DAY = 86_400_000;

/** Every order of a list (n! of them). */
function orders<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** A subscription's life after the sale: failed payments, grace, suspension, cancellation, and events as Stripe delivers them. */
describe('a subscription over time', () => {
  const env = useBillingApp();

  it('a failed payment: PAST_DUE, the paid limits through the grace period, the free plan after it; paid again: ACTIVE', async () => {
    const t = await signUp(env.app);
    const member = await addUser(env.app, t, 'MEMBER');
    const growth = await pricedPlan(env.app, 'growth');
    // A run of about 12,000 tokens: within the paid plan's day (200,000), past the free plan's (10,000).
    const big = { agent: 'assistant', message: `Summarize: ${'budget '.repeat(12_000)}`, cache: 'BYPASS' as const };
    const { subscriptionId } = await subscribe(env, t, growth);
    const failed = env.stripe.failRenewal(subscriptionId);
    expect(failed.map((e) => e.type)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
    await env.deliver(failed);
    const pastDue = await billingOf(env.app, t);
    expect(pastDue).toMatchObject({ billingStatus: 'PAST_DUE', plan: { key: growth.key }, dailyLimit: 200_000 });
    expect(Date.parse(pastDue.graceEndsAt!)).toBe(env.clock.ms() + 7 * DAY);
    expect((await runAgent(env.app, member.key, big)).__typename).toBe('AgentRunCompleted');
    // Hearing of it again does not move the end of the grace period.
    env.clock.advance(DAY);
    await env.deliver([
      env.stripe.event('customer.subscription.updated', env.stripe.subscriptions.get(subscriptionId)!),
    ]);
    expect((await billingOf(env.app, t)).graceEndsAt).toBe(pastDue.graceEndsAt);

    // The grace period runs out with no job running: the free plan's limits, computed from the clock.
    env.clock.advance(6 * DAY + 1);
    expect(await billingOf(env.app, t)).toMatchObject({
      billingStatus: 'PAST_DUE',
      plan: { key: 'free' },
      dailyLimit: 10_000,
    });
    const refused = (await runAgent(env.app, member.key, big)) as RunOf<'BudgetExceeded'>;
    expect(refused).toMatchObject({ __typename: 'BudgetExceeded', window: 'USER_DAILY', limit: 10_000, used: 0 });
    expect(refused.run).toMatchObject({ status: 'BUDGET_EXCEEDED', usage: { totalTokens: 0 } });

    await env.deliver(env.stripe.payInvoice(env.stripe.subscriptions.get(subscriptionId)!.latest_invoice as string));
    expect(await billingOf(env.app, t)).toMatchObject({
      billingStatus: 'ACTIVE',
      plan: { key: growth.key },
      graceEndsAt: null,
      dailyLimit: 200_000,
    });
  });

  it('Stripe gives up: SUSPENDED, and runs answer PAYMENT_REQUIRED on both doors until the invoice is paid', async () => {
    const t = await signUp(env.app);
    const member = await addUser(env.app, t, 'MEMBER');
    const { subscriptionId } = await subscribe(env, t, await pricedPlan(env.app, 'growth'));
    await env.deliver(env.stripe.failRenewal(subscriptionId));
    await env.deliver(env.stripe.giveUp(subscriptionId));
    expect((await billingOf(env.app, t)).billingStatus).toBe('SUSPENDED');

    const refused = await runAgentRaw(env.app, member.key, { agent: 'assistant', message: 'Hello' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PAYMENT_REQUIRED');
    expect(refused.errors?.[0]?.message).toMatch(/billing portal/);
    const agent = await openaiAgent(env.app, t);
    const door = await fetch(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.key}` },
      body: JSON.stringify({ model: agent, messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(door.status).toBe(402);
    expect(((await door.json()) as { error: { code: string } }).error.code).toBe('payment_required');

    await env.deliver(env.stripe.payInvoice(env.stripe.subscriptions.get(subscriptionId)!.latest_invoice as string));
    expect((await billingOf(env.app, t)).billingStatus).toBe('ACTIVE');
    expect(
      (await runAgentRaw(env.app, member.key, { agent: 'assistant', message: 'Hello' })).data?.runAgent.__typename,
    ).toBe('AgentRunCompleted');
  });

  it('the subscription deleted: the free plan, CANCELED; a new upgrade goes through Checkout again', async () => {
    const t = await signUp(env.app);
    const growth = await pricedPlan(env.app, 'growth');
    const { subscriptionId } = await subscribe(env, t, growth);
    await env.deliver(env.stripe.cancel(subscriptionId));
    expect(await billingOf(env.app, t)).toMatchObject({
      billingStatus: 'CANCELED',
      plan: { key: 'free' },
      currentPeriodEnd: null,
    });
    expect((await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade.__typename).toBe(
      'UpgradeCheckout',
    );
  });

  it('a replayed event has one effect, and so do two deliveries of one event at the same time', async () => {
    const t = await signUp(env.app);
    const growth = await pricedPlan(env.app, 'growth');
    const { subscriptionId } = await subscribe(env, t, growth);
    const [failed] = env.stripe.failRenewal(subscriptionId);
    const fetches = () =>
      env.stripe.requests.filter((r) => r.method === 'GET' && r.path === `/v1/subscriptions/${subscriptionId}`).length;
    const before = fetches();
    const first = await env.deliver([failed!]);
    const row = await tenantRow(env.app, t.tenantId);
    // Replayed a day later: acknowledged, nothing else (the grace period does not restart).
    env.clock.advance(DAY);
    expect((await env.deliver([failed!]))[0]).toMatchObject({ status: 200, body: { ignored: 'duplicate' } });
    expect(await tenantRow(env.app, t.tenantId)).toEqual(row);
    expect(first[0]!.status).toBe(200);
    expect(fetches()).toBe(before + 1);

    // Two at once: one applies it, the other finds it done.
    const [paid] = env.stripe.payInvoice(env.stripe.subscriptions.get(subscriptionId)!.latest_invoice as string);
    const both = await Promise.all([env.deliver([paid!]), env.deliver([paid!])]);
    expect(both.map(([a]) => a!.status)).toEqual([200, 200]);
    expect(both.filter(([a]) => a!.body.ignored === 'duplicate')).toHaveLength(1);
    const recorded = await env.app.runtime.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, paid!.id));
    expect(recorded[0]!.n).toBe(1);
    expect((await billingOf(env.app, t)).billingStatus).toBe('ACTIVE');
  });

  it("the four events of a subscription's life, delivered in every order, end in the same state", async () => {
    const growth = await pricedPlan(env.app, 'growth');
    /** A tenant that bought growth and renewed once; its four events held back. */
    async function life(ending: 'renewed' | 'deleted') {
      const t = await signUp(env.app);
      const started = (await ok(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey)).startUpgrade;
      if (started.__typename !== 'UpgradeCheckout') throw new Error(started.__typename);
      const [completed, created, paid] = env.stripe.completeCheckout(started.url.split('/').pop()!);
      const subscriptionId = (created!.data.object as Stripe.Subscription).id;
      const last = ending === 'renewed' ? env.stripe.renew(subscriptionId)[0]! : env.stripe.cancel(subscriptionId)[0]!;
      return { t, events: [completed!, created!, paid!, last] };
    }
    for (const ending of ['renewed', 'deleted'] as const) {
      const finals = new Set<string>();
      for (const order of orders([0, 1, 2, 3])) {
        const { t, events } = await life(ending);
        const answers = await env.deliver(order.map((i) => events[i]!));
        expect(answers.every((a) => a.status === 200)).toBe(true);
        const b = await billingOf(env.app, t);
        finals.add(
          JSON.stringify({
            ...b,
            currentPeriodEnd: b.currentPeriodEnd && Date.parse(b.currentPeriodEnd) - env.clock.ms(),
          }),
        );
      }
      // One state whatever the order: as the subscription stands in Stripe.
      expect([...finals]).toHaveLength(1);
      const state = JSON.parse([...finals][0]!) as { billingStatus: string; plan: { key: string } };
      expect(state).toMatchObject(
        ending === 'renewed'
          ? { billingStatus: 'ACTIVE', plan: { key: growth.key } }
          : { billingStatus: 'FREE', plan: { key: 'free' } },
      );
    }
  });
});

/** The operator's grace period, counted from the failure Stripe reports however late it arrives. */
describe('a grace period of BILLING_GRACE_DAYS', () => {
  const env = useBillingApp({ BILLING_GRACE_DAYS: '3' });

  it('runs for the configured days from the event, not from its delivery', async () => {
    const t = await signUp(env.app);
    const { subscriptionId } = await subscribe(env, t, await pricedPlan(env.app, 'growth'));
    const failed = env.stripe.failRenewal(subscriptionId);
    const failedAt = env.clock.ms() - (env.clock.ms() % 1000);
    // Delivered a day late (Stripe retried): the signature is fresh, the event is not.
    env.clock.advance(DAY);
    await env.deliver(failed);
    const pastDue = await billingOf(env.app, t);
    expect(pastDue.billingStatus).toBe('PAST_DUE');
    expect(Date.parse(pastDue.graceEndsAt!)).toBe(failedAt + 3 * DAY);
    env.clock.advance(2 * DAY);
    expect((await billingOf(env.app, t)).plan.key).toBe('free');
  });
});
