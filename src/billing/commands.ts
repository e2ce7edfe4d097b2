import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type OperatorContext, type TenantContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { checkoutSessions, plans, tenants, type PlanRow, type TenantRow } from '../db/schema/index.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../lib/errors.js';
import { parseInput, safeString } from '../lib/validation.js';
import { subscriptionEnded, type Billing, type SubscriptionState } from './provider.js';
import { behindOnPayments, billingFrom, freePlan, type BillingFields } from './state.js';

export type StartUpgradeResult =
  | { __typename: 'UpgradeCheckout'; url: string }
  | { __typename: 'UpgradeApplied'; tenant: TenantRow }
  | { __typename: 'UpgradePending'; url: string }
  | { __typename: 'BillingUnavailable'; message: string };

const planKeySchema = safeString().min(1).max(64);
const StartUpgradeInput = z.object({ planKey: planKeySchema });
const SetPlanStripePriceInput = z.object({
  planKey: planKeySchema,
  stripePriceId: safeString()
    .regex(/^[A-Za-z0-9_]{3,255}$/, 'must be a Stripe price id (price_…)')
    .nullable(),
});

const UNAVAILABLE = 'Billing is not configured on this server: plans are changed by its operator.';
// A Checkout session lives 24 hours; one with less than an hour left is not handed out again.
const SESSION_REUSE_MARGIN_MS = 3_600_000;

/** The tenant's row, locked for this transaction when asked. */
async function tenantRow(tx: Tx | Db, tenantId: string, lock = false): Promise<TenantRow> {
  const query = tx.select().from(tenants).where(eq(tenants.id, tenantId));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound('Tenant');
  return row;
}

/**
 * Stores the subscription's state on the tenant (the one place billing columns change) and makes
 * every process drop its cached tenant. `since`: when the state was reported (a grace period runs
 * from then). Returns the row as stored.
 */
export async function saveBilling(
  deps: TenantContext['deps'],
  tx: Tx | Db,
  tenant: TenantRow,
  sub: SubscriptionState,
  since = deps.clock.now(),
): Promise<TenantRow> {
  const next = billingFrom(
    sub,
    tenant,
    await deps.plans.list(),
    await freePlan(deps.plans),
    since,
    deps.config.billing.graceDays,
  );
  if (!next || sameBilling(tenant, next)) return tenant;
  const [row] = await tx
    .update(tenants)
    .set({ ...next, updatedAt: sql`now()` })
    .where(eq(tenants.id, tenant.id))
    .returning();
  return row!;
}

const sameBilling = (a: BillingFields, b: BillingFields) =>
  a.planId === b.planId &&
  a.billingStatus === b.billingStatus &&
  a.stripeSubscriptionId === b.stripeSubscriptionId &&
  a.pendingPlanId === b.pendingPlanId &&
  a.currentPeriodEnd?.getTime() === b.currentPeriodEnd?.getTime() &&
  a.graceEndsAt?.getTime() === b.graceEndsAt?.getTime();

/** Reads the subscription under a lock on the tenant and stores it: what Stripe says now wins. */
async function refresh(ctx: TenantContext, billing: Billing, tenantId: string, subscriptionId: string) {
  const tenant = await inTenant(ctx, async (tx) =>
    saveBilling(ctx.deps, tx, await tenantRow(tx, tenantId, true), await billing.subscription(subscriptionId)),
  );
  await ctx.deps.lookups.invalidate({ kind: 'tenant', tenantId });
  return tenant;
}

/**
 * OWNER/ADMIN: buys a plan. Without a subscription, a Checkout session (one customer and one
 * session per double click); with one, an upgrade changes its price now, invoicing the proration,
 * and applies once Stripe says it is paid (else `UpgradePending` with the invoice to pay); a
 * downgrade waits for the end of the period (a subscription schedule), and naming the current plan
 * while a downgrade waits cancels it. A tenant behind on its payments pays first.
 */
export async function startUpgrade({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: unknown;
}): Promise<StartUpgradeResult> {
  requireRole(ctx.actor, 'ADMIN');
  const { planKey } = parseInput(StartUpgradeInput, input);
  const billing = ctx.deps.billing;
  if (!billing) return { __typename: 'BillingUnavailable', message: UNAVAILABLE };
  const plan = await ctx.deps.plans.byKey(planKey);
  if (!plan) throw badInput(`No plan has the key "${planKey}".`, 'planKey');
  let tenant = await inTenant(ctx, (tx) => tenantRow(tx, ctx.actor.tenantId));
  refuseUnpaid(tenant);
  let sub = tenant.stripeSubscriptionId ? await billing.subscription(tenant.stripeSubscriptionId) : undefined;
  if (sub && subscriptionEnded(sub)) {
    // It ended before its last event reached Governor: the tenant is back on the free plan, and buys afresh.
    tenant = await refresh(ctx, billing, tenant.id, sub.id);
    sub = undefined;
  }
  const pendingDowngrade = plan.id === tenant.planId && tenant.pendingPlanId;
  if (plan.id === tenant.planId && !pendingDowngrade)
    throw badInput(`The tenant is on the ${plan.name} plan already.`, 'planKey');
  if (!plan.stripePriceId) throw badInput(`The ${plan.name} plan has no Stripe price: it cannot be bought.`, 'planKey');
  const customerId = tenant.stripeCustomerId ?? (await ensureCustomer(ctx, billing, tenant));
  if (!sub) return { __typename: 'UpgradeCheckout', url: await checkout(ctx, billing, tenant, plan, customerId) };

  // A change that waits for its payment: the same invoice for the same plan, and no other change meanwhile.
  if (sub.pendingPriceId) {
    if (sub.pendingPriceId === plan.stripePriceId && sub.latestInvoice?.hostedUrl)
      return { __typename: 'UpgradePending', url: sub.latestInvoice.hostedUrl };
    const waiting = (await ctx.deps.plans.list()).find((p) => p.stripePriceId === sub.pendingPriceId);
    throw conflict(
      `A change to the ${waiting?.name ?? 'another'} plan waits for its invoice to be paid: pay it (openBillingPortal) or let it lapse (within 23 hours) before choosing another plan.`,
    );
  }
  // A double click sends the same key (one change); any change to the tenant since makes a new one.
  const key = `governor:change:${sub.id}:${plan.stripePriceId}:${tenant.updatedAt.getTime()}`;
  const current = await ctx.deps.plans.byId(tenant.planId);
  if (pendingDowngrade) {
    if (sub.scheduleId) await billing.releaseSchedule(sub.scheduleId, `${key}:release`);
  } else if (plan.rank > current.rank) {
    // A schedule (a downgrade waiting) owns the subscription: dropped, as the upgrade replaces it.
    if (sub.scheduleId) await billing.releaseSchedule(sub.scheduleId, `${key}:release`);
    const next = await billing.changePrice(sub, plan.stripePriceId, key);
    if (next.pendingPriceId || next.priceId !== plan.stripePriceId) {
      const url = next.latestInvoice?.hostedUrl;
      if (!url) throw new Error(`subscription ${sub.id}: a pending change without an invoice to pay`);
      return { __typename: 'UpgradePending', url };
    }
  } else {
    await billing.changePriceAtPeriodEnd(sub, plan.stripePriceId, key);
  }
  return { __typename: 'UpgradeApplied', tenant: await refresh(ctx, billing, tenant.id, sub.id) };
}

/** Buying a plan while an invoice is unpaid would leave it unpaid: that invoice comes first. */
function refuseUnpaid(tenant: TenantRow): void {
  if (!behindOnPayments(tenant)) return;
  throw new AppError(
    'PAYMENT_REQUIRED',
    "The organization's last invoice is unpaid: pay it in the billing portal (openBillingPortal), then change plans.",
  );
}

/** The tenant's Stripe customer, made once (its id is the only way an event finds the tenant). */
async function ensureCustomer(ctx: TenantContext, billing: Billing, tenant: TenantRow): Promise<string> {
  const made = await billing.createCustomer(
    { tenantId: tenant.id, name: tenant.name },
    `governor:customer:${tenant.id}`,
  );
  try {
    return await inTenant(ctx, async (tx) => {
      // Two first clicks make one customer (the idempotency key): whichever stores it first wins.
      await tx
        .update(tenants)
        .set({ stripeCustomerId: made, updatedAt: sql`now()` })
        .where(and(eq(tenants.id, tenant.id), isNull(tenants.stripeCustomerId)));
      return (await tenantRow(tx, tenant.id)).stripeCustomerId!;
    });
  } catch (err) {
    // A customer id finds one tenant: a provider that answers one twice (stripe-mock does) is refused.
    if (uniqueViolation(err)) throw conflict(`Stripe answered customer ${made}, which belongs to another tenant.`);
    throw err;
  }
}

/**
 * An open Checkout session for the plan: the one already made, or a new one, recorded. A tenant has
 * one open session at a time: a new one closes the others, so that two cannot both be paid.
 */
async function checkout(ctx: TenantContext, billing: Billing, tenant: TenantRow, plan: PlanRow, customerId: string) {
  const now = ctx.deps.clock.now();
  const sessions = checkoutSessions;
  // A tenant has at most one open session (a new one expires the others): the newest, read once.
  const [newest] = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(sessions)
      .where(eq(sessions.tenantId, tenant.id))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(1),
  );
  const reusable =
    newest &&
    newest.planId === plan.id &&
    newest.customerId === customerId &&
    !newest.completedAt &&
    newest.expiresAt.getTime() > now.getTime() + SESSION_REUSE_MARGIN_MS;
  if (reusable) return newest.url;
  // Concurrent clicks see the same newest session, so they send one idempotency key: one session.
  const idempotencyKey = `governor:checkout:${tenant.id}:${plan.id}:after:${newest?.id ?? 'none'}`;
  const session = await billing.createCheckout(
    {
      customerId,
      priceId: plan.stripePriceId!,
      tenantId: tenant.id,
      planKey: plan.key,
      successUrl: ctx.deps.config.billing.successUrl,
      cancelUrl: ctx.deps.config.billing.cancelUrl,
    },
    idempotencyKey,
  );
  const others = await inTenant(ctx, async (tx) => {
    await tx
      .insert(sessions)
      .values({
        id: session.id,
        tenantId: tenant.id,
        planId: plan.id,
        customerId,
        url: session.url,
        idempotencyKey,
        expiresAt: session.expiresAt,
      })
      .onConflictDoNothing();
    return tx
      .update(sessions)
      .set({ expiresAt: now })
      .where(
        and(
          eq(sessions.tenantId, tenant.id),
          ne(sessions.id, session.id),
          isNull(sessions.completedAt),
          gt(sessions.expiresAt, now),
        ),
      )
      .returning({ id: sessions.id });
  });
  for (const { id } of others) await billing.expireCheckout(id);
  return session.url;
}

/** OWNER/ADMIN: Stripe's billing portal for the tenant's customer (cards, invoices, cancelling). */
export async function openBillingPortal({ ctx }: { ctx: TenantContext }): Promise<{ url: string }> {
  requireRole(ctx.actor, 'ADMIN');
  const billing = ctx.deps.billing;
  if (!billing) throw badInput(UNAVAILABLE);
  const tenant = await inTenant(ctx, (tx) => tenantRow(tx, ctx.actor.tenantId));
  if (!tenant.stripeCustomerId) throw badInput('The tenant has no billing account yet: start an upgrade first.');
  return { url: await billing.portal(tenant.stripeCustomerId, ctx.deps.config.billing.successUrl) };
}

/** Operator only: the Stripe price a plan is sold at (null: not for sale). */
export async function setPlanStripePrice({ ctx, input }: { ctx: OperatorContext; input: unknown }): Promise<PlanRow> {
  if (!ctx.operator) throw forbidden("Setting a plan's Stripe price needs the operator token.");
  const data = parseInput(SetPlanStripePriceInput, input);
  let row: PlanRow | undefined;
  try {
    [row] = await ctx.deps.db
      .update(plans)
      .set({ stripePriceId: data.stripePriceId })
      .where(eq(plans.key, data.planKey))
      .returning();
  } catch (err) {
    if (uniqueViolation(err)) throw conflict(`Another plan is sold at ${data.stripePriceId} already.`);
    throw err;
  }
  if (!row) throw notFound('Plan');
  await ctx.deps.lookups.invalidate({ kind: 'plans' });
  return row;
}
