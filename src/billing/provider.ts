/**
 * What Governor needs from a payment provider, in its own terms. `main.ts` picks the
 * implementation (Stripe, `stripe.ts`); billing off is no implementation at all.
 */
export type Billing = {
  /** A customer for the tenant; the idempotency key makes a double click one customer. */
  createCustomer(input: { tenantId: string; name: string }, idempotencyKey: string): Promise<string>;
  /** A Checkout session in subscription mode for the customer and price. */
  createCheckout(input: CheckoutInput, idempotencyKey: string): Promise<{ id: string; url: string; expiresAt: Date }>;
  checkoutSession(id: string): Promise<{ id: string; customerId: string | null; subscriptionId: string | null }>;
  /** Closes an open Checkout session, so that it can no longer be paid (one already closed: no-op). */
  expireCheckout(id: string): Promise<void>;
  /** The subscription as it stands now (its schedule and latest invoice included). */
  subscription(id: string): Promise<SubscriptionState>;
  /**
   * Moves the subscription to a price now, invoicing the proration at once; with a payment the
   * customer must make first, nothing changes until it is paid (`pendingUpdate`).
   */
  changePrice(subscription: SubscriptionState, priceId: string, idempotencyKey: string): Promise<SubscriptionState>;
  /** Moves the subscription to a price at the end of its period (a schedule), billed from then. */
  changePriceAtPeriodEnd(
    subscription: SubscriptionState,
    priceId: string,
    idempotencyKey: string,
  ): Promise<SubscriptionState>;
  /** Drops a scheduled change. */
  releaseSchedule(scheduleId: string, idempotencyKey: string): Promise<void>;
  portal(customerId: string, returnUrl: string): Promise<string>;
  /** Verifies a webhook's signature on its raw body; throws WebhookRefused. */
  verifyEvent(rawBody: Buffer, signature: string | undefined, nowSeconds: number): BillingEvent;
};

export type CheckoutInput = {
  customerId: string;
  priceId: string;
  tenantId: string;
  planKey: string;
  successUrl: string;
  cancelUrl: string;
};

/** A subscription, read off the provider. */
export type SubscriptionState = {
  id: string;
  customerId: string;
  /** Stripe's: active, trialing, past_due, unpaid, paused, canceled, incomplete, incomplete_expired (or a newer one). */
  status: string;
  itemId: string;
  priceId: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  scheduleId: string | null;
  /** The price its schedule moves it to at the end of the period (a downgrade waiting). */
  nextPriceId: string | null;
  /** The price a change waits to move it to until the customer pays (pending_if_incomplete). */
  pendingPriceId: string | null;
  latestInvoice: { id: string; status: string | null; hostedUrl: string | null } | null;
};

/** A subscription that is over: nothing it says can be paid or changed any more. */
export const subscriptionEnded = (sub: Pick<SubscriptionState, 'status'>) =>
  sub.status === 'canceled' || sub.status === 'incomplete_expired';

/** A verified webhook event, reduced to what finds its tenant and what to fetch. */
export type BillingEvent = {
  id: string;
  type: string;
  created: Date;
  customerId: string | null;
  subscriptionId: string | null;
  /** For checkout.session.completed. */
  sessionId: string | null;
};

/** A webhook that is not Stripe's or not now: answered 400, with no effect. */
export class WebhookRefused extends Error {}

/** The events that move a tenant's billing; any other verified event is acknowledged and ignored. */
export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;
