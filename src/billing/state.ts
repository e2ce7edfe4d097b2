import type { BillingStatus, PlanRow, TenantRow } from '../db/schema/index.js';
import { AppError } from '../lib/errors.js';
import { DEFAULT_PLAN_KEY, type PlanCatalog } from '../plans/index.js';
import type { SubscriptionState } from './provider.js';
import { DAY_MS } from '../lib/clock.js';

/** The billing columns of a tenant that a subscription's state decides. */
export type BillingFields = Pick<
  TenantRow,
  'planId' | 'billingStatus' | 'stripeSubscriptionId' | 'currentPeriodEnd' | 'graceEndsAt' | 'pendingPlanId'
>;

/**
 * The tenant's billing as the subscription stands now: applied whatever event brought it, so a
 * replay or an out-of-order delivery ends in the same place. `undefined`: nothing to change (a
 * first payment still incomplete, or a subscription that is not the tenant's). An unknown price keeps
 * the tenant's plan.
 */
export function billingFrom(
  sub: SubscriptionState,
  tenant: BillingFields,
  plans: PlanRow[],
  free: PlanRow,
  now: Date,
  graceDays: number,
): BillingFields | undefined {
  // A tenant has one subscription: another on its customer (made in Stripe's dashboard, say) is not it.
  if (tenant.stripeSubscriptionId && tenant.stripeSubscriptionId !== sub.id) return undefined;
  const planOf = (priceId: string | null) => (priceId ? plans.find((p) => p.stripePriceId === priceId) : undefined);
  const paid = {
    planId: planOf(sub.priceId)?.id ?? tenant.planId,
    stripeSubscriptionId: sub.id,
    currentPeriodEnd: sub.currentPeriodEnd,
    pendingPlanId: planOf(sub.nextPriceId)?.id ?? null,
  };
  const status = (billingStatus: BillingStatus, graceEndsAt: Date | null = null) => ({
    ...paid,
    billingStatus,
    graceEndsAt,
  });
  switch (sub.status) {
    case 'active':
    case 'trialing':
      return status('ACTIVE');
    case 'past_due':
      // The grace period runs from when Governor first learned of the failure, however often it hears.
      return status(
        'PAST_DUE',
        tenant.billingStatus === 'PAST_DUE' && tenant.graceEndsAt
          ? tenant.graceEndsAt
          : new Date(now.getTime() + graceDays * DAY_MS),
      );
    case 'unpaid':
    case 'paused':
      return status('SUSPENDED');
    case 'canceled':
    case 'incomplete_expired':
      // Ended before the tenant ever had it (its events came after the end): nothing to undo.
      if (!tenant.stripeSubscriptionId) return undefined;
      return {
        planId: free.id,
        billingStatus: 'CANCELED',
        stripeSubscriptionId: null,
        currentPeriodEnd: null,
        graceEndsAt: null,
        pendingPlanId: null,
      };
    default:
      return undefined;
  }
}

/**
 * The plan whose limits apply now: computed from the stored state and the clock, so no job has to
 * run for a grace period to end.
 */
export function effectivePlanId(tenant: BillingFields, free: PlanRow, now: Date): string {
  if (tenant.billingStatus === 'PAST_DUE' && tenant.graceEndsAt && tenant.graceEndsAt <= now) return free.id;
  return tenant.planId;
}

/** Behind on its payments (an invoice unpaid): it pays before it buys another plan. */
export const behindOnPayments = (tenant: Pick<BillingFields, 'billingStatus'>) =>
  tenant.billingStatus === 'PAST_DUE' || tenant.billingStatus === 'SUSPENDED';

/** At admission: a suspended tenant's runs answer PAYMENT_REQUIRED, saying what to do. */
export function refuseSuspended(tenant: BillingFields): void {
  if (tenant.billingStatus !== 'SUSPENDED') return;
  throw new AppError(
    'PAYMENT_REQUIRED',
    "Your organization's subscription is suspended for non-payment: an owner or admin can pay the open invoice in the billing portal (openBillingPortal) to resume.",
  );
}

/** The plan a tenant falls back to (sign-up's default): the free plan. */
export async function freePlan(plans: PlanCatalog): Promise<PlanRow> {
  const free = await plans.byKey(DEFAULT_PLAN_KEY);
  if (!free) throw new Error(`the ${DEFAULT_PLAN_KEY} plan is missing from the catalog`);
  return free;
}

/** The effective plan's row. */
export async function effectivePlan(plans: PlanCatalog, tenant: BillingFields, now: Date): Promise<PlanRow> {
  return plans.byId(effectivePlanId(tenant, await freePlan(plans), now));
}
