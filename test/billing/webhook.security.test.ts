import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { plans, stripeEvents } from '../../src/db/schema/index.js';
import { ADMIN_TOKEN, sharedApp } from '../helpers/app.js';
import {
  billingOf,
  deliver,
  pricedPlan,
  START_UPGRADE,
  subscribe,
  tenantRow,
  useBillingApp,
  WEBHOOK_SECRET,
} from '../helpers/billing.js';
import { addUser, expectCode, gql, ok, signUp, type Tenant } from '../helpers/graphql.js';
import { rowCounts } from '../helpers/row-counts.js';
import { graphql } from '../__generated__/gql.js';

const PORTAL = graphql(`
  mutation BillingPortal {
    openBillingPortal {
      url
    }
  }
`);
const SET_PRICE = graphql(`
  mutation BillingSetPrice($plan: String!, $price: String) {
    setPlanStripePrice(planKey: $plan, stripePriceId: $price) {
      key
      stripePriceId
    }
  }
`);

/** Webhooks that are not Stripe's, not now, or not about the tenant they seem to name change nothing. */
describe('the Stripe webhook', () => {
  const env = useBillingApp();
  const now = () => Math.floor(env.clock.ms() / 1000);

  async function paying(): Promise<{ t: Tenant; subscriptionId: string; customerId: string }> {
    const t = await signUp(env.app);
    return { t, ...(await subscribe(env, t, await pricedPlan(env.app, 'growth'))) };
  }

  it('refuses a bad signature, a stale or a future timestamp, a missing signature, malformed JSON, bad UTF-8 and NUL, with 400 and no change', async () => {
    const { subscriptionId, t } = await paying();
    const [event] = env.stripe.cancel(subscriptionId);
    const before = await rowCounts(env.app);
    const tenant = await tenantRow(env.app, t.tenantId);
    const answers = [
      await deliver(env.app, event!, { timestamp: now(), secret: 'whsec_someone_else' }),
      await deliver(env.app, event!, { timestamp: now() - 600 }),
      await deliver(env.app, event!, { timestamp: now() + 600 }),
      await deliver(env.app, event!, { timestamp: now(), signature: '' }),
      await deliver(env.app, event!, { timestamp: now(), signature: 't=abc,v1=def' }),
      await deliver(env.app, '{"id": "evt_1", "type": ', { timestamp: now() }),
      // Signed, but not text Postgres can store (the one validator, as on every body).
      await deliver(env.app, JSON.stringify({ ...event!, id: `${event!.id}\u0000` }), { timestamp: now() }),
    ];
    // Bytes that are not UTF-8: refused before anything reads them.
    const raw = await fetch(`${env.app.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': `t=${now()},v1=00` },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { message: string } }).error.message).toMatch(/UTF-8/);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect((answers[6]!.body.error as { message: string }).message).toMatch(/NUL/);
    for (const a of answers) expect(typeof (a.body.error as { message: string }).message).toBe('string');
    expect(await rowCounts(env.app)).toEqual(before);
    expect(await tenantRow(env.app, t.tenantId)).toEqual(tenant);
    // The same event, signed now, is taken.
    expect((await deliver(env.app, event!, { timestamp: now() })).status).toBe(200);
    expect((await tenantRow(env.app, t.tenantId)).billingStatus).toBe('CANCELED');
  });

  it('an event whose subscription Stripe cannot answer: 500, not recorded, no change; delivered again, it applies', async () => {
    const { t, subscriptionId } = await paying();
    const updated = env.stripe.failRenewal(subscriptionId).find((e) => e.type === 'customer.subscription.updated')!;
    const tenant = await tenantRow(env.app, t.tenantId);
    const path = new RegExp(`^/v1/subscriptions/${subscriptionId}$`);
    const fetches = () => env.stripe.requests.filter((r) => r.method === 'GET' && path.test(r.path)).length;
    const recorded = async () =>
      (
        await env.app.runtime.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(stripeEvents)
          .where(eq(stripeEvents.id, updated.id))
      )[0]!.n;
    const before = fetches();
    // The SDK's first try and its two retries (maxNetworkRetries: 2) all fail.
    env.stripe.failNext('GET', path, 3);
    const failed = await deliver(env.app, updated, { timestamp: now() });
    expect(failed.status).toBe(500);
    // What Stripe answered stays in Governor's log, not in the reply.
    expect(failed.body).toEqual({ error: { message: 'The event could not be applied now; deliver it again.' } });
    expect(fetches() - before).toBe(3);
    // The event id was written in the transaction of the effect that failed: gone with it.
    expect(await recorded()).toBe(0);
    expect(await tenantRow(env.app, t.tenantId)).toEqual(tenant);

    // Stripe delivers it again, Stripe healthy: taken, and applied once.
    expect(await deliver(env.app, updated, { timestamp: now() })).toEqual({ status: 200, body: { received: true } });
    expect(await recorded()).toBe(1);
    expect(await tenantRow(env.app, t.tenantId)).toMatchObject({ billingStatus: 'PAST_DUE', planId: tenant.planId });
  });

  it('acknowledges an event of a type it does not handle, or for a customer it does not know, and changes nothing', async () => {
    const { t } = await paying();
    const before = await rowCounts(env.app);
    const tenant = await tenantRow(env.app, t.tenantId);
    const unknownType = env.stripe.event('customer.created', { id: 'cus_x', object: 'customer' });
    const unknownCustomer = env.stripe.event('customer.subscription.updated', {
      id: 'sub_nobody',
      object: 'subscription',
      customer: 'cus_nobody',
      status: 'active',
    });
    for (const e of [unknownType, unknownCustomer])
      expect((await deliver(env.app, e, { timestamp: now() })).status).toBe(200);
    expect(await rowCounts(env.app)).toEqual(before);
    expect(await tenantRow(env.app, t.tenantId)).toEqual(tenant);
  });

  it("never moves a tenant: A's id in client_reference_id with another customer, a session Governor did not make, B's customer → only B", async () => {
    const a = await paying();
    const b = await paying();
    const aBefore = await tenantRow(env.app, a.t.tenantId);
    // A Payment Link's session on the same Stripe account: any client_reference_id, another customer.
    const forged = env.stripe.event('checkout.session.completed', {
      id: 'cs_payment_link',
      object: 'checkout.session',
      client_reference_id: a.t.tenantId,
      metadata: { tenant_id: a.t.tenantId },
      customer: b.customerId,
      subscription: b.subscriptionId,
      status: 'complete',
    });
    // A session with A's own customer that Governor never created.
    const notOurs = env.stripe.event('checkout.session.completed', {
      id: 'cs_not_ours',
      object: 'checkout.session',
      client_reference_id: a.t.tenantId,
      customer: a.customerId,
      subscription: b.subscriptionId,
      status: 'complete',
    });
    const before = await rowCounts(env.app);
    for (const e of [forged, notOurs]) {
      expect((await deliver(env.app, e, { timestamp: now() })).body).toMatchObject({
        ignored: 'unknown checkout session',
      });
    }
    expect(await rowCounts(env.app)).toEqual(before);
    // An event on A's customer that names B's subscription moves nobody to it.
    const crossed = env.stripe.event('customer.subscription.updated', {
      ...env.stripe.subscriptions.get(b.subscriptionId)!,
      customer: a.customerId,
    });
    expect((await deliver(env.app, crossed, { timestamp: now() })).status).toBe(200);
    expect(await tenantRow(env.app, a.t.tenantId)).toEqual(aBefore);
    // B's own cancellation moves B only.
    await env.deliver(env.stripe.cancel(b.subscriptionId));
    expect((await tenantRow(env.app, b.t.tenantId)).billingStatus).toBe('CANCELED');
    expect(await tenantRow(env.app, a.t.tenantId)).toEqual(aBefore);
  });

  it('startUpgrade and openBillingPortal: OWNER/ADMIN only, plans that can be bought only', async () => {
    const t = await signUp(env.app);
    const member = await addUser(env.app, t, 'MEMBER');
    const growth = await pricedPlan(env.app, 'growth');
    expectCode(await gql(env.app, START_UPGRADE, { plan: growth.key }, member.key), 'FORBIDDEN');
    expectCode(await gql(env.app, PORTAL, {}, member.key), 'FORBIDDEN');
    expectCode(await gql(env.app, START_UPGRADE, { plan: 'no-such-plan' }, t.ownerKey), 'BAD_USER_INPUT');
    expectCode(await gql(env.app, START_UPGRADE, { plan: 'free' }, t.ownerKey), 'BAD_USER_INPUT');
    const unpriced = await pricedPlan(env.app, 'growth', { stripePriceId: null });
    expectCode(await gql(env.app, START_UPGRADE, { plan: unpriced.key }, t.ownerKey), 'BAD_USER_INPUT');
    // No customer yet: nothing to manage.
    expectCode(await gql(env.app, PORTAL, {}, t.ownerKey), 'BAD_USER_INPUT');
    await subscribe(env, t, growth);
    expectCode(await gql(env.app, START_UPGRADE, { plan: growth.key }, t.ownerKey), 'BAD_USER_INPUT');
    const portal = await ok(env.app, PORTAL, {}, t.ownerKey);
    expect(portal.openBillingPortal.url).toMatch(/\/portal\/bps_/);
    expect((await billingOf(env.app, t)).plan.key).toBe(growth.key);
  });

  it("setPlanStripePrice is the operator's", async () => {
    const t = await signUp(env.app);
    const plan = await pricedPlan(env.app, 'hobby', { stripePriceId: null });
    expectCode(await gql(env.app, SET_PRICE, { plan: plan.key, price: 'price_mine' }, t.ownerKey), 'FORBIDDEN');
    const operator = ADMIN_TOKEN;
    const set = await ok(env.app, SET_PRICE, { plan: plan.key, price: `price_${plan.id}` }, operator);
    expect(set.setPlanStripePrice).toEqual({ key: plan.key, stripePriceId: `price_${plan.id}` });
    expectCode(await gql(env.app, SET_PRICE, { plan: 'free', price: `price_${plan.id}` }, operator), 'CONFLICT');
    expectCode(await gql(env.app, SET_PRICE, { plan: plan.key, price: 'not a price' }, operator), 'BAD_USER_INPUT');
    expect(
      (await ok(env.app, SET_PRICE, { plan: plan.key, price: null }, operator)).setPlanStripePrice.stripePriceId,
    ).toBeNull();
  });

  it('setPlanStripePrice on a plan that does not exist: NOT_FOUND, and no plan is sold at the price', async () => {
    const res = await gql(env.app, SET_PRICE, { plan: 'no-such-plan', price: 'price_for_nobody' }, ADMIN_TOKEN);
    expectCode(res, 'NOT_FOUND');
    expect(res.data?.setPlanStripePrice ?? null).toBeNull();
    const priced = await env.app.runtime.database.db
      .select({ key: plans.key })
      .from(plans)
      .where(eq(plans.stripePriceId, 'price_for_nobody'));
    expect(priced).toEqual([]);
  });

  it('a second live subscription on the customer (made outside Governor) is not applied, and is reported for a refund', async () => {
    const { t, customerId, subscriptionId } = await paying();
    const business = await pricedPlan(env.app, 'business');
    const before = await tenantRow(env.app, t.tenantId);
    const session = await env.stripe.client().checkout.sessions.create({
      mode: 'subscription',
      customer: customerId,
      line_items: [{ price: business.stripePriceId!, quantity: 1 }],
      success_url: 'https://example.com/done',
    });
    const answers = await env.deliver(env.stripe.completeCheckout(session.id));
    expect(answers.map((a) => a.body.ignored)).toEqual([
      'unknown checkout session',
      'a second subscription while the first is live',
      'a second subscription while the first is live',
    ]);
    const after = await tenantRow(env.app, t.tenantId);
    expect(after).toEqual(before);
    expect(after.stripeSubscriptionId).toBe(subscriptionId);
  });
});

describe('billing off', () => {
  it('startUpgrade answers BillingUnavailable, and the webhook path is not there', async () => {
    const app = await sharedApp();
    const t = await signUp(app);
    const res = await ok(app, START_UPGRADE, { plan: 'growth' }, t.ownerKey);
    expect(res.startUpgrade).toMatchObject({ __typename: 'BillingUnavailable' });
    expect(
      (await deliver(app, '{}', { timestamp: Math.floor(Date.now() / 1000), secret: WEBHOOK_SECRET })).status,
    ).toBe(404);
  });
});
