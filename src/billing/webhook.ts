import { isUtf8 } from 'node:buffer';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../context.js';
import { checkoutSessions, stripeEvents, tenants } from '../db/schema/index.js';
import { findUnstorable, UNSTORABLE } from '../lib/validation.js';
import { saveBilling } from './commands.js';
import { HANDLED_EVENTS, WebhookRefused, subscriptionEnded, type BillingEvent } from './provider.js';

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

const HANDLED = new Set<string>(HANDLED_EVENTS);

/**
 * POST /webhooks/stripe. The signature is checked on the raw body (and the signed time must be
 * within the tolerance, either way). An event finds its tenant by the Stripe customer that
 * startUpgrade stored, nothing else, and moves it to its subscription's state as Stripe reports it
 * now (fetched), so replays and any order of delivery end the same. Each event id is recorded once,
 * in the transaction of its effect, under a lock on the tenant's row (two deliveries at once: one
 * effect). Verified events that are not for a known tenant, or of a type not handled, are
 * acknowledged with no effect; a bad signature or body answers 400; a failure to reach Stripe 500
 * (Stripe delivers again).
 */
export async function handleStripeWebhook(
  deps: Deps,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<WebhookAnswer> {
  const billing = deps.billing;
  if (!billing) return { status: 404, body: { error: { message: 'Billing is not configured on this server.' } } };
  // The one validator, as on every body: UTF-8, and text Postgres can store.
  if (!isUtf8(rawBody)) return { status: 400, body: { error: { message: 'The request body is not valid UTF-8.' } } };
  let event: BillingEvent;
  try {
    event = billing.verifyEvent(rawBody, signature, Math.floor(deps.clock.now().getTime() / 1000));
  } catch (err) {
    if (err instanceof WebhookRefused) return { status: 400, body: { error: { message: err.message } } };
    throw err;
  }
  if (findUnstorable(JSON.parse(rawBody.toString('utf8')), []))
    return { status: 400, body: { error: { message: `The event's strings ${UNSTORABLE}.` } } };
  const ignored = (why: string): WebhookAnswer => ({ status: 200, body: { received: true, ignored: why } });
  if (!HANDLED.has(event.type)) return ignored('event type not handled');
  const customerId = event.customerId;
  if (!customerId) return ignored('no customer');

  // A grace period runs from the failure Stripe reports, not from a late delivery of it.
  const since = new Date(Math.min(event.created.getTime(), deps.clock.now().getTime()));
  const outcome = await deps.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.stripeCustomerId, customerId)).for('update');
    if (!tenant) return 'unknown customer';
    let subscriptionId = event.subscriptionId;
    if (event.type === 'checkout.session.completed') {
      // Only a session Governor made for this tenant and customer counts (a Payment Link makes others).
      const [session] = await tx
        .select()
        .from(checkoutSessions)
        .where(
          and(
            eq(checkoutSessions.id, event.sessionId ?? ''),
            eq(checkoutSessions.tenantId, tenant.id),
            eq(checkoutSessions.customerId, customerId),
          ),
        );
      if (!session) return 'unknown checkout session';
      subscriptionId ??= (await billing.checkoutSession(session.id)).subscriptionId;
    }
    if (!subscriptionId) return 'no subscription';
    const recorded = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, tenantId: tenant.id, stripeCreatedAt: event.created })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!recorded.length) return 'duplicate';
    if (event.type === 'checkout.session.completed') {
      await tx
        .update(checkoutSessions)
        .set({ completedAt: sql`now()` })
        .where(eq(checkoutSessions.id, event.sessionId!));
    }
    const sub = await billing.subscription(subscriptionId);
    // No event moves a tenant to a subscription of another customer.
    if (sub.customerId !== customerId) return 'subscription of another customer';
    let current = tenant;
    if (tenant.stripeSubscriptionId && tenant.stripeSubscriptionId !== sub.id) {
      if (subscriptionEnded(sub)) return "an ended subscription that is not the tenant's";
      // A tenant has one subscription. A new one replaces the stored one only once that has ended.
      const stored = await billing.subscription(tenant.stripeSubscriptionId);
      if (!subscriptionEnded(stored)) {
        deps.log.error(
          { tenantId: tenant.id, subscription: sub.id, kept: stored.id, event: event.id },
          "billing: a second live subscription on a tenant's customer; kept the first (refund or cancel the other in Stripe)",
        );
        return 'a second subscription while the first is live';
      }
      current = await saveBilling(deps, tx, tenant, stored, since);
    }
    await saveBilling(deps, tx, current, sub, since);
    return { tenantId: tenant.id };
  });
  if (typeof outcome === 'string') return ignored(outcome);
  // The new limits apply on every process at once.
  await deps.lookups.invalidate({ kind: 'tenant', tenantId: outcome.tenantId });
  return { status: 200, body: { received: true } };
}
