import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { plans, tenants, type PlanRow, type TenantRow } from '../../src/db/schema/index.js';
import { newId } from '../../src/lib/ids.js';
import { sharedApp, startApp, type TestApp } from './app.js';
import { ok, unique, type Tenant } from './graphql.js';
import { graphql } from '../__generated__/gql.js';
import { startStripeServer, type StripeServer } from './stripe-server.js';

export const WEBHOOK_SECRET = 'whsec_test_governor_billing_0123456789';
const signer = new Stripe('sk_test_signer');

/** A clock the tests move: noon UTC, so that moving it by hours stays within one day. */
export function testClock(start = Date.parse('2026-12-02T12:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    ms: () => now,
    advance: (ms: number) => void (now += ms),
    reset: () => void (now = start),
  };
}
export type TestClock = ReturnType<typeof testClock>;

/** The environment that turns billing on against the tests' Stripe server. */
export const billingEnv = (stripe: StripeServer): Record<string, string> => ({
  STRIPE_SECRET_KEY: 'sk_test_local',
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_BASE: stripe.url,
});

/** A copy of a seeded plan with a Stripe price of its own (plans are global: each test makes its own). */
export async function pricedPlan(app: TestApp, base: string, overrides: Partial<PlanRow> = {}): Promise<PlanRow> {
  const db = app.runtime.database.db;
  const [from] = await db.select().from(plans).where(eq(plans.key, base));
  const key = unique(`test-${base}-`);
  const [row] = await db
    .insert(plans)
    .values({ ...from!, id: newId('plan'), key, stripePriceId: `price_${key.replaceAll('-', '_')}`, ...overrides })
    .returning();
  app.runtime.deps.plans.invalidate();
  return row!;
}

export async function tenantRow(app: TestApp, tenantId: string): Promise<TenantRow> {
  const [row] = await app.runtime.database.db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row!;
}

export type Delivery = { status: number; body: Record<string, unknown> };

/** A webhook as Stripe sends it: the raw JSON, signed with the SDK's own test header at `timestamp` (s). */
export async function deliver(
  app: TestApp,
  event: Stripe.Event | string,
  options: { timestamp: number; secret?: string; signature?: string },
): Promise<Delivery> {
  const payload = typeof event === 'string' ? event : JSON.stringify(event);
  const signature =
    options.signature ??
    signer.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? WEBHOOK_SECRET,
      timestamp: options.timestamp,
    });
  const res = await fetch(`${app.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    body: payload,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * For a describe block: the tests' Stripe server and a Governor with billing on against it, over
 * the run's database, on one clock the test moves.
 */
export function useBillingApp(env: Record<string, string> = {}) {
  const clock = testClock();
  let stripe: StripeServer | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    stripe = await startStripeServer({ now: clock.ms });
    app = await startApp({
      env: { ...billingEnv(stripe), ...env },
      clock,
      database: (await sharedApp()).runtime.database,
    });
  });
  // Each test starts at the same moment, however far the last one moved the clock (or failed midway).
  afterEach(() => clock.reset());
  afterAll(async () => {
    await app?.close();
    await stripe?.close();
  });
  return {
    clock,
    get app() {
      return app!;
    },
    get stripe() {
      return stripe!;
    },
    /** Delivers events to Governor, signed now, one after another; each must be accepted. */
    async deliver(events: Stripe.Event[], to: TestApp = app!): Promise<Delivery[]> {
      const answers: Delivery[] = [];
      for (const event of events) answers.push(await deliver(to, event, { timestamp: Math.floor(clock.ms() / 1000) }));
      return answers;
    },
  };
}

export const START_UPGRADE = graphql(`
  mutation BillingStartUpgrade($plan: String!) {
    startUpgrade(planKey: $plan) {
      __typename
      ... on UpgradeCheckout {
        url
      }
      ... on UpgradePending {
        url
      }
      ... on BillingUnavailable {
        message
      }
      ... on UpgradeApplied {
        tenant {
          plan {
            key
          }
          pendingPlan {
            key
          }
          billingStatus
        }
      }
    }
  }
`);

export const BILLING = graphql(`
  query BillingState {
    viewer {
      tenant {
        plan {
          key
        }
        billingStatus
        currentPeriodEnd
        graceEndsAt
        pendingPlan {
          key
        }
      }
    }
    budgetStatus {
      daily {
        limit
      }
    }
  }
`);

/** The tenant's billing as its owner sees it over GraphQL. */
export const billingOf = async (app: TestApp, t: Tenant) => {
  const data = await ok(app, BILLING, {}, t.ownerKey);
  return { ...data.viewer.tenant, dailyLimit: data.budgetStatus.daily.limit };
};

/** The tenant subscribes to `plan` the whole way: startUpgrade, Checkout paid, its webhooks delivered. */
export async function subscribe(
  env: ReturnType<typeof useBillingApp>,
  t: Tenant,
  plan: PlanRow,
): Promise<{ subscriptionId: string; customerId: string }> {
  const started = (await ok(env.app, START_UPGRADE, { plan: plan.key }, t.ownerKey)).startUpgrade;
  if (started.__typename !== 'UpgradeCheckout') throw new Error(`expected a checkout, got ${started.__typename}`);
  const answers = await env.deliver(env.stripe.completeCheckout(started.url.split('/').pop()!));
  if (answers.some((a) => a.status !== 200)) throw new Error(JSON.stringify(answers));
  const row = await tenantRow(env.app, t.tenantId);
  return { subscriptionId: row.stripeSubscriptionId!, customerId: row.stripeCustomerId! };
}
