import Stripe from 'stripe';
import { WebhookRefused, type Billing, type BillingEvent, type SubscriptionState } from './provider.js';

type StripeOptions = {
  secretKey: string;
  webhookSecret: string;
  apiBase?: string | undefined;
  toleranceSeconds: number;
};

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === 'string' ? v : v.id);
const date = (seconds: number) => new Date(seconds * 1000);

/** Billing through the `stripe` SDK, at the API version it pins (2026-10-28). */
export function stripeBilling(options: StripeOptions): Billing {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'http:' ? 'http' : 'https',
    }),
  });
  const read = (id: string) => stripe.subscriptions.retrieve(id, { expand: ['latest_invoice', 'schedule'] });

  return {
    async createCustomer({ tenantId, name }, idempotencyKey) {
      const customer = await stripe.customers.create({ name, metadata: { tenant_id: tenantId } }, { idempotencyKey });
      return customer.id;
    },
    async createCheckout(input, idempotencyKey) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          customer: input.customerId,
          line_items: [{ price: input.priceId, quantity: 1 }],
          // For the people reading Stripe's dashboard: Governor finds the tenant by the customer alone.
          client_reference_id: input.tenantId,
          metadata: { tenant_id: input.tenantId, plan_key: input.planKey },
          subscription_data: { metadata: { tenant_id: input.tenantId, plan_key: input.planKey } },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        { idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe answered checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url, expiresAt: date(session.expires_at) };
    },
    async checkoutSession(id) {
      const session = await stripe.checkout.sessions.retrieve(id);
      return { id: session.id, customerId: idOf(session.customer), subscriptionId: idOf(session.subscription) };
    },
    async expireCheckout(id) {
      const session = await stripe.checkout.sessions.retrieve(id);
      if (session.status === 'open') await stripe.checkout.sessions.expire(id);
    },
    subscription: async (id) => stateOf(await read(id)),
    async changePrice(subscription, priceId, idempotencyKey) {
      const updated = await stripe.subscriptions.update(
        subscription.id,
        {
          items: [{ id: subscription.itemId, price: priceId }],
          // Charge the difference now, and change nothing until that invoice is paid.
          proration_behavior: 'always_invoice',
          payment_behavior: 'pending_if_incomplete',
          expand: ['latest_invoice', 'schedule'],
        },
        { idempotencyKey },
      );
      return stateOf(updated);
    },
    async changePriceAtPeriodEnd(subscription, priceId, idempotencyKey) {
      const scheduleId =
        subscription.scheduleId ??
        (
          await stripe.subscriptionSchedules.create(
            { from_subscription: subscription.id },
            { idempotencyKey: `${idempotencyKey}:schedule` },
          )
        ).id;
      const [schedule, price] = await Promise.all([
        stripe.subscriptionSchedules.retrieve(scheduleId),
        stripe.prices.retrieve(priceId),
      ]);
      // The phase in force now (a schedule kept from an earlier change may have had others before it).
      const start = schedule.current_phase?.start_date ?? schedule.phases.at(-1)?.start_date;
      if (start === undefined) throw new Error(`subscription schedule ${scheduleId} has no phase`);
      const recurring = price.recurring;
      await stripe.subscriptionSchedules.update(
        scheduleId,
        {
          // After the last phase the subscription goes on by itself, at the new price.
          end_behavior: 'release',
          phases: [
            {
              items: [{ price: subscription.priceId, quantity: 1 }],
              start_date: start,
              end_date: Math.floor(subscription.currentPeriodEnd.getTime() / 1000),
              proration_behavior: 'none',
            },
            {
              items: [{ price: priceId, quantity: 1 }],
              // One period of the new price; then the schedule lets go.
              ...(recurring && {
                duration: { interval: recurring.interval, interval_count: recurring.interval_count },
              }),
            },
          ],
        },
        { idempotencyKey: `${idempotencyKey}:phases` },
      );
      return stateOf(await read(subscription.id));
    },
    async releaseSchedule(scheduleId, idempotencyKey) {
      await stripe.subscriptionSchedules.release(scheduleId, {}, { idempotencyKey });
    },
    async portal(customerId, returnUrl) {
      return (await stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl })).url;
    },
    verifyEvent(rawBody, signature, nowSeconds) {
      if (!signature) throw new WebhookRefused('The Stripe-Signature header is missing.');
      // The SDK refuses old timestamps only: one from the future is refused here.
      const stamp = Number(/(?:^|,)t=(\d+)/.exec(signature)?.[1]);
      if (!Number.isFinite(stamp)) throw new WebhookRefused('The Stripe-Signature header has no timestamp.');
      if (stamp - nowSeconds > options.toleranceSeconds)
        throw new WebhookRefused('The signed timestamp is in the future.');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          options.webhookSecret,
          options.toleranceSeconds,
          undefined,
          // (in milliseconds, unlike the timestamps)
          nowSeconds * 1000,
        );
      } catch (err) {
        throw new WebhookRefused((err as Error).message);
      }
      return eventOf(event);
    },
  };
}

/** What a webhook event names: its customer and its subscription (or checkout session). */
function eventOf(event: Stripe.Event): BillingEvent {
  const base = { id: event.id, type: event.type, created: date(event.created), sessionId: null };
  const object = event.data.object as { object?: string };
  switch (object.object) {
    case 'checkout.session': {
      const s = object as Stripe.Checkout.Session;
      return { ...base, customerId: idOf(s.customer), subscriptionId: idOf(s.subscription), sessionId: s.id };
    }
    case 'subscription': {
      const s = object as Stripe.Subscription;
      return { ...base, customerId: idOf(s.customer), subscriptionId: s.id };
    }
    case 'invoice': {
      const i = object as Stripe.Invoice;
      return {
        ...base,
        customerId: idOf(i.customer),
        subscriptionId: idOf(i.parent?.subscription_details?.subscription),
      };
    }
    default:
      return { ...base, customerId: null, subscriptionId: null };
  }
}

function stateOf(s: Stripe.Subscription): SubscriptionState {
  const item = s.items.data[0];
  if (!item) throw new Error(`subscription ${s.id} has no item`);
  const schedule = typeof s.schedule === 'object' ? s.schedule : null;
  // The schedule's phase that starts when this period ends: a downgrade waiting.
  const next = schedule?.phases.find((p) => p.start_date >= item.current_period_end);
  const invoice = typeof s.latest_invoice === 'object' ? s.latest_invoice : null;
  return {
    id: s.id,
    customerId: idOf(s.customer)!,
    status: s.status,
    itemId: item.id,
    priceId: item.price.id,
    currentPeriodStart: date(item.current_period_start),
    currentPeriodEnd: date(item.current_period_end),
    scheduleId: idOf(s.schedule),
    nextPriceId: idOf(next?.items[0]?.price),
    pendingPriceId: s.pending_update
      ? (s.pending_update.subscription_items?.[0]?.price.id ?? s.items.data[0]!.price.id)
      : null,
    latestInvoice:
      invoice && invoice.id
        ? { id: invoice.id, status: invoice.status, hostedUrl: invoice.hosted_invoice_url ?? null }
        : null,
  };
}
