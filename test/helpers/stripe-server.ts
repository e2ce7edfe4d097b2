import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local Stripe-compatible server for the billing tests: the real `stripe` SDK talks to it over
 * HTTP. It keeps customers, checkout sessions, subscriptions, schedules and invoices, answers in the
 * shapes of the SDK's pinned API version (every response is built against the SDK's own types, so a
 * field from an older version fails to compile), honours idempotency keys, records every request,
 * and has controls that move a subscription through its life and return the events Stripe would send.
 */

/** Every field optional, all the way down: responses carry the fields the tests need, never a wrong one. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? DeepPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** One request as the server received it: the form body parsed (for a GET or DELETE, the query). */
export type StripeRequest = {
  method: string;
  path: string;
  body: Record<string, any>;
  idempotencyKey: string | undefined;
};

export type StripeServer = {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: StripeRequest[];
  close(): Promise<void>;
  /** An SDK client pointed at this server. */
  client(key?: string): Stripe;
  customers: ReadonlyMap<string, DeepPartial<Stripe.Customer>>;
  sessions: ReadonlyMap<string, DeepPartial<Stripe.Checkout.Session>>;
  subscriptions: ReadonlyMap<string, DeepPartial<Stripe.Subscription>>;
  invoices: ReadonlyMap<string, DeepPartial<Stripe.Invoice>>;
  schedules: ReadonlyMap<string, DeepPartial<Stripe.SubscriptionSchedule>>;
  /** The customer pays at checkout: an active subscription and its paid first invoice. */
  completeCheckout(sessionId: string): Stripe.Event[];
  /** The customer's next subscription update cannot be paid without the customer acting (3-D Secure). No events. */
  requireActionOnNextPayment(customerId: string): Stripe.Event[];
  /** The customer pays an open invoice: a pending update is applied, a past_due or unpaid subscription is active again. */
  payInvoice(invoiceId: string): Stripe.Event[];
  /** The period ends and the renewal payment fails: a new open invoice, the subscription past_due. */
  failRenewal(subscriptionId: string): Stripe.Event[];
  /** The payment retries are exhausted: the subscription is unpaid. */
  giveUp(subscriptionId: string): Stripe.Event[];
  /** The subscription ends now. */
  cancel(subscriptionId: string): Stripe.Event[];
  /**
   * The next `times` requests of `method` to a path `path` matches answer HTTP 500 (`api_error`) and
   * do nothing; those after them are served as usual. The SDK retries a 500: fail each of its tries.
   */
  failNext(method: string, path: RegExp, times: number): void;
  /** The period ends and renews, paid; an attached schedule's next phase starts if it is due. */
  renew(subscriptionId: string): Stripe.Event[];
  /** One event around any object, for tests that forge events (a type nobody handles, a customer nobody knows). */
  event<T extends string>(type: T, object: EventObject<T>): Stripe.Event;
};

type EventOf<T extends string> = Extract<Stripe.Event, { type: T }>;
/** A known event type takes its own object's shape; a type Stripe does not have takes any object. */
export type EventObject<T extends string> = [EventOf<T>] extends [never]
  ? Record<string, unknown>
  : DeepPartial<EventOf<T>['data']['object']>;

const API_VERSION = Stripe.API_VERSION;
const DAY = 86_400;
const PERIOD = 30 * DAY;
/** Prices are ids the tests make up; every one costs the same. */
const UNIT_AMOUNT = 1000;
const CURRENCY = 'usd';

type Metadata = Record<string, string>;
type CustomerRecord = { id: string; created: number; name: string | null; email: string | null; metadata: Metadata };
type SessionRecord = {
  id: string;
  created: number;
  expiresAt: number;
  customer: string;
  price: string;
  quantity: number;
  clientReferenceId: string | null;
  metadata: Metadata;
  subscriptionMetadata: Metadata;
  successUrl: string | null;
  cancelUrl: string | null;
  status: 'open' | 'complete' | 'expired';
  subscription: string | null;
  invoice: string | null;
};
type ItemRecord = {
  id: string;
  created: number;
  price: string;
  quantity: number;
  periodStart: number;
  periodEnd: number;
};
type SubscriptionRecord = {
  id: string;
  customer: string;
  created: number;
  status: Stripe.Subscription.Status;
  item: ItemRecord;
  metadata: Metadata;
  latestInvoice: string | null;
  schedule: string | null;
  pendingUpdate: { price: string; quantity: number; expiresAt: number } | null;
  canceledAt: number | null;
  endedAt: number | null;
};
type InvoiceRecord = {
  id: string;
  customer: string;
  subscription: string;
  item: string;
  price: string;
  quantity: number;
  status: 'open' | 'paid';
  attemptCount: number;
  billingReason: Stripe.Invoice.BillingReason;
  created: number;
  periodStart: number;
  periodEnd: number;
  amount: number;
  paidAt: number | null;
  proration: boolean;
};
type PhaseRecord = {
  price: string;
  quantity: number;
  startDate: number;
  /** Null: the last phase, open-ended (rendered as one period, as Stripe defaults it). */
  endDate: number | null;
  prorationBehavior: Stripe.SubscriptionSchedule.Phase.ProrationBehavior;
};
type ScheduleRecord = {
  id: string;
  customer: string;
  subscription: string;
  created: number;
  status: Stripe.SubscriptionSchedule.Status;
  endBehavior: Stripe.SubscriptionSchedule.EndBehavior;
  phases: PhaseRecord[];
  currentPhase: number;
  metadata: Metadata;
  releasedAt: number | null;
  canceledAt: number | null;
};
type BillingPortalRecord = { id: string; created: number; customer: string; returnUrl: string | null };

/** A Stripe-shaped error answer: the SDK turns its `type` and status into the matching error class. */
class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly raw: { type: string; message: string; code?: string; param?: string },
  ) {
    super(raw.message);
  }
}
const invalid = (message: string, param?: string, code = 'parameter_invalid') =>
  new StripeFailure(400, { type: 'invalid_request_error', message, code, param });
const missing = (param: string) =>
  new StripeFailure(400, {
    type: 'invalid_request_error',
    message: `Missing required param: ${param}.`,
    code: 'parameter_missing',
    param,
  });
/** 404 for the id in the path; 400 for an id given as a parameter, as Stripe does. */
const noSuch = (kind: string, id: string, param?: string) =>
  new StripeFailure(param ? 400 : 404, {
    type: 'invalid_request_error',
    message: `No such ${kind}: '${id}'`,
    code: 'resource_missing',
    param: param ?? 'id',
  });
const idempotencyError = (message: string) => new StripeFailure(400, { type: 'idempotency_error', message });

/** Each made-up price belongs to a made-up product of the same name. */
const productOf = (price: string) => `prod_${price.replace(/^price_/, '')}`;
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

/** Parses the SDK's bracket notation (`items[0][price]=p`) into nested objects; numeric brackets make arrays. */
function parseForm(text: string): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    const parts = match ? [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)] : [key];
    // Keys that would reach the prototype are dropped.
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: any = root;
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      const slot = part === '' && Array.isArray(node) ? node.length : part;
      if (last) {
        node[slot] = value;
      } else {
        const next = parts[i + 1]!;
        if (node[slot] === undefined || typeof node[slot] !== 'object') node[slot] = /^\d*$/.test(next) ? [] : {};
        node = node[slot];
      }
    }
  }
  return root;
}

/** JSON with sorted keys, to compare the parameters of two requests. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const record = (v: unknown): Record<string, any> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : undefined;
const text = (v: unknown, param: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid(`Invalid string: ${param}`, param);
  return v;
};
const integer = (v: unknown, param: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v === '' || !Number.isInteger(n)) throw invalid(`Invalid integer: ${String(v)}`, param);
  return n;
};
const oneOf = <T extends string>(v: unknown, param: string, allowed: readonly T[]): T | undefined => {
  const s = text(v, param);
  if (s === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(s)) {
    throw invalid(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param);
  }
  return s as T;
};
/** Metadata as Stripe merges it: an empty value removes the key. */
const mergeMetadata = (base: Metadata, v: unknown, param = 'metadata'): Metadata => {
  if (v === undefined || v === '') return v === '' ? {} : base;
  const given = record(v);
  if (!given) throw invalid(`Invalid object: ${param}`, param);
  const out = { ...base };
  for (const [k, value] of Object.entries(given)) {
    if (typeof value !== 'string') throw invalid(`Invalid string: ${param}[${k}]`, `${param}[${k}]`);
    if (value === '') delete out[k];
    else out[k] = value;
  }
  return out;
};
/** Parameters that would change the outcome and that this server does not model are refused, never ignored. */
const onlyParams = (body: Record<string, any>, allowed: readonly string[], prefix = '') => {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      const param = prefix ? `${prefix}[${key}]` : key;
      throw invalid(`The local Stripe server does not support the parameter: ${param}`, param, 'parameter_unknown');
    }
  }
};
const expandOf = (body: Record<string, any>, allowed: readonly string[]): string[] => {
  const v: unknown = body.expand;
  if (v === undefined) return [];
  const paths = Array.isArray(v) ? v : [v];
  for (const p of paths) {
    if (typeof p !== 'string' || !allowed.includes(p)) {
      throw invalid(`This property cannot be expanded (${String(p)}) by the local Stripe server.`, 'expand');
    }
  }
  return paths as string[];
};
const timestamp = (v: unknown, param: string, now: number): number | undefined =>
  v === 'now' ? now : integer(v, param);
const durationSeconds = (v: unknown, param: string): number | undefined => {
  if (v === undefined) return undefined;
  const d = record(v);
  if (!d) throw invalid(`Invalid object: ${param}`, param);
  const interval = oneOf(d.interval, `${param}[interval]`, ['day', 'week', 'month', 'year'] as const);
  if (!interval) throw missing(`${param}[interval]`);
  const count = integer(d.interval_count, `${param}[interval_count]`) ?? 1;
  return count * { day: DAY, week: 7 * DAY, month: PERIOD, year: 365 * DAY }[interval];
};

/** What the top-level fields of an object were before a change (Stripe's `previous_attributes`). */
const previousAttributes = (before: object, after: object): Record<string, unknown> => {
  const was = before as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(was[key]) !== JSON.stringify(value)) previous[key] = was[key] ?? null;
  }
  return previous;
};

/** A read-only Map over the stored records that renders each one, Stripe-shaped, when read. */
class RenderedMap<R, T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly store: Map<string, R>,
    private readonly render: (r: R) => T,
  ) {}
  get size() {
    return this.store.size;
  }
  get(id: string) {
    const r = this.store.get(id);
    return r === undefined ? undefined : this.render(r);
  }
  has(id: string) {
    return this.store.has(id);
  }
  private snapshot() {
    return new Map([...this.store].map(([id, r]) => [id, this.render(r)] as const));
  }
  keys() {
    return this.store.keys();
  }
  values() {
    return this.snapshot().values();
  }
  entries() {
    return this.snapshot().entries();
  }
  [Symbol.iterator]() {
    return this.snapshot()[Symbol.iterator]();
  }
  forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown) {
    for (const [k, v] of this.snapshot()) fn.call(thisArg, v, k, this);
  }
}

export async function startStripeServer(options: { now?: () => number } = {}): Promise<StripeServer> {
  const clock = options.now ?? Date.now;
  const seconds = () => Math.floor(clock() / 1000);
  let base = '';

  const customers = new Map<string, CustomerRecord>();
  const sessions = new Map<string, SessionRecord>();
  const subscriptions = new Map<string, SubscriptionRecord>();
  const invoices = new Map<string, InvoiceRecord>();
  const schedules = new Map<string, ScheduleRecord>();
  const portals = new Map<string, BillingPortalRecord>();
  /** Customers whose next payment needs them to act. */
  const actionRequired = new Set<string>();
  /** Idempotency keys: what was asked, and what was answered. */
  const answered = new Map<string, { method: string; path: string; params: string; status: number; body: string }>();
  const requests: StripeRequest[] = [];
  /** Failures the tests asked for (failNext), in the order they were asked. */
  const failures: { method: string; path: RegExp; left: number }[] = [];

  // Lookups for the test controls: a wrong id there is a bug in the test.
  const need = <R>(store: Map<string, R>, id: string, kind: string): R => {
    const r = store.get(id);
    if (r === undefined) throw new Error(`stripe-server: no such ${kind}: ${id}`);
    return r;
  };

  // --- Rendering: fresh literals typed with the SDK's own types ---

  const renderPrice = (id: string): DeepPartial<Stripe.Price> => ({
    id,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    currency: CURRENCY,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: productOf(id),
    recurring: { interval: 'month', interval_count: 1, meter: null, trial_period_days: null, usage_type: 'licensed' },
    tax_behavior: 'unspecified',
    type: 'recurring',
    unit_amount: UNIT_AMOUNT,
  });

  const renderCustomer = (c: CustomerRecord): DeepPartial<Stripe.Customer> => ({
    id: c.id,
    object: 'customer',
    balance: 0,
    created: c.created,
    default_source: null,
    delinquent: false,
    description: null,
    email: c.email,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: { ...c.metadata },
    name: c.name,
    shipping: null,
  });

  const renderItem = (subscription: string, item: ItemRecord, price = item.price, quantity = item.quantity) => {
    const rendered: DeepPartial<Stripe.SubscriptionItem> = {
      id: item.id,
      object: 'subscription_item',
      billing_thresholds: null,
      created: item.created,
      current_period_end: item.periodEnd,
      current_period_start: item.periodStart,
      current_trial: null,
      discounts: [],
      metadata: {},
      price: renderPrice(price),
      quantity,
      subscription,
      tax_rates: [],
    };
    return rendered;
  };

  const renderInvoice = (i: InvoiceRecord, expand: string[] = []): DeepPartial<Stripe.Invoice> => {
    const customer = customers.get(i.customer);
    const paid = i.status === 'paid';
    return {
      id: i.id,
      object: 'invoice',
      amount_due: i.amount,
      amount_paid: paid ? i.amount : 0,
      amount_remaining: paid ? 0 : i.amount,
      attempt_count: i.attemptCount,
      attempted: i.attemptCount > 0,
      billing_reason: i.billingReason,
      collection_method: 'charge_automatically',
      created: i.created,
      currency: CURRENCY,
      customer: expand.includes('customer') && customer ? renderCustomer(customer) : i.customer,
      customer_email: customer?.email ?? null,
      customer_name: customer?.name ?? null,
      due_date: null,
      hosted_invoice_url: `${base}/invoice/${i.id}`,
      livemode: false,
      metadata: {},
      next_payment_attempt: paid ? null : i.created + 3 * DAY,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: {
          metadata: { ...subscriptions.get(i.subscription)?.metadata },
          subscription: i.subscription,
        },
      },
      period_end: i.periodEnd,
      period_start: i.periodStart,
      status: i.status,
      status_transitions: {
        finalized_at: i.created,
        marked_uncollectible_at: null,
        paid_at: i.paidAt,
        voided_at: null,
      },
      subtotal: i.amount,
      total: i.amount,
      lines: {
        object: 'list',
        data: [
          {
            id: `il_${i.id.slice(3)}`,
            object: 'line_item',
            amount: i.amount,
            currency: CURRENCY,
            description: `${i.quantity} × ${i.price}`,
            invoice: i.id,
            livemode: false,
            metadata: {},
            parent: {
              type: 'subscription_item_details',
              invoice_item_details: null,
              subscription_item_details: {
                invoice_item: null,
                proration: i.proration,
                proration_details: null,
                subscription: i.subscription,
                subscription_item: i.item,
              },
            },
            period: { start: i.periodStart, end: i.periodEnd },
            pricing: { type: 'price_details', price_details: { price: i.price, product: productOf(i.price) } },
            quantity: i.quantity,
            subscription: i.subscription,
            subtotal: i.amount,
          },
        ],
        has_more: false,
        url: `/v1/invoices/${i.id}/lines`,
      },
    };
  };

  const phaseEnd = (p: PhaseRecord) => p.endDate ?? p.startDate + PERIOD;

  const renderSchedule = (s: ScheduleRecord, expand: string[] = []): DeepPartial<Stripe.SubscriptionSchedule> => {
    const current = s.status === 'active' ? s.phases[s.currentPhase] : undefined;
    const sub = subscriptions.get(s.subscription);
    const customer = customers.get(s.customer);
    const attached = s.status === 'active' || s.status === 'not_started' ? s.subscription : null;
    return {
      id: s.id,
      object: 'subscription_schedule',
      canceled_at: s.canceledAt,
      completed_at: null,
      created: s.created,
      current_phase: current ? { start_date: current.startDate, end_date: phaseEnd(current) } : null,
      customer: expand.includes('customer') && customer ? renderCustomer(customer) : s.customer,
      end_behavior: s.endBehavior,
      livemode: false,
      metadata: { ...s.metadata },
      phases: s.phases.map((p) => ({
        currency: CURRENCY,
        end_date: phaseEnd(p),
        items: [{ price: p.price, quantity: p.quantity, metadata: {}, discounts: [], billing_thresholds: null }],
        metadata: {},
        proration_behavior: p.prorationBehavior,
        start_date: p.startDate,
        trial_end: null,
      })),
      released_at: s.releasedAt,
      released_subscription: s.status === 'released' ? s.subscription : null,
      status: s.status,
      subscription: attached && expand.includes('subscription') && sub ? renderSubscription(sub) : attached,
      test_clock: null,
    };
  };

  const renderSubscription = (s: SubscriptionRecord, expand: string[] = []): DeepPartial<Stripe.Subscription> => {
    const invoice = s.latestInvoice ? invoices.get(s.latestInvoice) : undefined;
    const schedule = s.schedule ? schedules.get(s.schedule) : undefined;
    const customer = customers.get(s.customer);
    return {
      id: s.id,
      object: 'subscription',
      billing_cycle_anchor: s.created,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: s.canceledAt,
      collection_method: 'charge_automatically',
      created: s.created,
      currency: CURRENCY,
      customer: expand.includes('customer') && customer ? renderCustomer(customer) : s.customer,
      days_until_due: null,
      default_payment_method: null,
      description: null,
      discounts: [],
      ended_at: s.endedAt,
      items: {
        object: 'list',
        data: [renderItem(s.id, s.item)],
        has_more: false,
        url: `/v1/subscription_items?subscription=${s.id}`,
      },
      latest_invoice: expand.includes('latest_invoice') && invoice ? renderInvoice(invoice) : s.latestInvoice,
      livemode: false,
      metadata: { ...s.metadata },
      pending_update: s.pendingUpdate
        ? {
            billing_cycle_anchor: null,
            discounts: null,
            expires_at: s.pendingUpdate.expiresAt,
            subscription_items: [renderItem(s.id, s.item, s.pendingUpdate.price, s.pendingUpdate.quantity)],
            trial_end: null,
            trial_from_plan: null,
          }
        : null,
      schedule: expand.includes('schedule') && schedule ? renderSchedule(schedule) : s.schedule,
      start_date: s.created,
      status: s.status,
      test_clock: null,
      trial_end: null,
      trial_start: null,
    };
  };

  const renderSession = (s: SessionRecord, expand: string[] = []): DeepPartial<Stripe.Checkout.Session> => {
    const sub = s.subscription ? subscriptions.get(s.subscription) : undefined;
    const customer = customers.get(s.customer);
    const amount = UNIT_AMOUNT * s.quantity;
    return {
      id: s.id,
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: s.cancelUrl,
      client_reference_id: s.clientReferenceId,
      created: s.created,
      currency: CURRENCY,
      customer: expand.includes('customer') && customer ? renderCustomer(customer) : s.customer,
      customer_email: customer?.email ?? null,
      expires_at: s.expiresAt,
      invoice: s.invoice,
      line_items: expand.includes('line_items')
        ? {
            object: 'list',
            data: [
              {
                id: `li_${s.id.slice(8)}`,
                object: 'item',
                amount_discount: 0,
                amount_subtotal: amount,
                amount_tax: 0,
                amount_total: amount,
                currency: CURRENCY,
                description: s.price,
                price: renderPrice(s.price),
                quantity: s.quantity,
              },
            ],
            has_more: false,
            url: `/v1/checkout/sessions/${s.id}/line_items`,
          }
        : undefined,
      livemode: false,
      metadata: { ...s.metadata },
      mode: 'subscription',
      payment_status: s.status === 'complete' ? 'paid' : 'unpaid',
      status: s.status,
      subscription: expand.includes('subscription') && sub ? renderSubscription(sub) : s.subscription,
      success_url: s.successUrl,
      url: s.status === 'open' ? `${base}/checkout/${s.id}` : null,
    };
  };

  const renderPortal = (p: BillingPortalRecord): DeepPartial<Stripe.BillingPortal.Session> => ({
    id: p.id,
    object: 'billing_portal.session',
    configuration: 'bpc_local',
    created: p.created,
    customer: p.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: p.returnUrl,
    url: `${base}/portal/${p.id}`,
  });

  const event = <T extends string>(type: T, object: EventObject<T>, previous?: Record<string, unknown>) => {
    const envelope: DeepPartial<Stripe.EventBase> = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: seconds(),
      livemode: false,
      type: type as Stripe.Event.Type,
      data: previous ? { object, previous_attributes: previous } : { object },
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    return envelope as Stripe.Event;
  };

  // --- State changes shared by the endpoints and the controls ---

  const newInvoice = (
    sub: SubscriptionRecord,
    billingReason: Stripe.Invoice.BillingReason,
    status: InvoiceRecord['status'],
    line: { price: string; quantity: number; periodStart: number; periodEnd: number; proration: boolean },
  ): InvoiceRecord => {
    const created = seconds();
    const invoice: InvoiceRecord = {
      id: newId('in'),
      customer: sub.customer,
      subscription: sub.id,
      item: sub.item.id,
      price: line.price,
      quantity: line.quantity,
      status,
      attemptCount: 1,
      billingReason,
      created,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
      amount: UNIT_AMOUNT * line.quantity,
      paidAt: status === 'paid' ? created : null,
      proration: line.proration,
    };
    invoices.set(invoice.id, invoice);
    sub.latestInvoice = invoice.id;
    return invoice;
  };

  const release = (schedule: ScheduleRecord) => {
    schedule.status = 'released';
    schedule.releasedAt = seconds();
    const sub = subscriptions.get(schedule.subscription);
    if (sub?.schedule === schedule.id) sub.schedule = null;
  };

  /** The index of the phase the subscription's current period falls in. */
  const phaseAt = (phases: PhaseRecord[], at: number) => {
    let index = 0;
    for (const [i, p] of phases.entries()) if (p.startDate <= at) index = i;
    return index;
  };

  /** The period ends: the next one starts, and a schedule's next phase with it if it is due. */
  const advancePeriod = (sub: SubscriptionRecord) => {
    const boundary = sub.item.periodEnd;
    sub.item.periodStart = boundary;
    sub.item.periodEnd = boundary + PERIOD;
    const schedule = sub.schedule ? schedules.get(sub.schedule) : undefined;
    if (schedule?.status !== 'active') return;
    const next = schedule.phases[schedule.currentPhase + 1];
    if (!next || next.startDate > boundary) return;
    schedule.currentPhase += 1;
    sub.item.price = next.price;
    sub.item.quantity = next.quantity;
    if (schedule.currentPhase === schedule.phases.length - 1 && schedule.endBehavior === 'release') release(schedule);
  };

  const liveSubscription = (id: string) => {
    const sub = need(subscriptions, id, 'subscription');
    if (sub.status === 'canceled') throw new Error(`stripe-server: subscription ${id} is canceled`);
    return sub;
  };

  // --- Endpoints ---

  const SUBSCRIPTION_EXPAND = ['latest_invoice', 'schedule', 'customer'] as const;
  const SCHEDULE_EXPAND = ['subscription', 'customer'] as const;

  const createCustomer = (body: Record<string, any>) => {
    const c: CustomerRecord = {
      id: newId('cus'),
      created: seconds(),
      name: text(body.name, 'name') ?? null,
      email: text(body.email, 'email') ?? null,
      metadata: mergeMetadata({}, body.metadata),
    };
    customers.set(c.id, c);
    return renderCustomer(c);
  };

  const updateCustomer = (id: string, body: Record<string, any>) => {
    const c = customers.get(id);
    if (!c) throw noSuch('customer', id);
    if (body.name !== undefined) c.name = text(body.name, 'name') || null;
    if (body.email !== undefined) c.email = text(body.email, 'email') || null;
    c.metadata = mergeMetadata(c.metadata, body.metadata);
    return renderCustomer(c);
  };

  const createSession = (body: Record<string, any>) => {
    const mode = text(body.mode, 'mode');
    if (!mode) throw missing('mode');
    if (mode !== 'subscription') throw invalid('The local Stripe server supports only mode=subscription.', 'mode');
    const customer = text(body.customer, 'customer');
    if (!customer) throw invalid('The local Stripe server needs an existing customer: pass customer.', 'customer');
    if (!customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const lines: unknown = body.line_items;
    if (!Array.isArray(lines) || lines.length === 0) throw missing('line_items');
    if (lines.length !== 1) throw invalid('The local Stripe server supports exactly one line item.', 'line_items');
    const line = record(lines[0]);
    const price = text(line?.price, 'line_items[0][price]');
    if (!price) throw missing('line_items[0][price]');
    const created = seconds();
    const s: SessionRecord = {
      id: newId('cs_test'),
      created,
      expiresAt: created + DAY,
      customer,
      price,
      quantity: integer(line?.quantity, 'line_items[0][quantity]') ?? 1,
      clientReferenceId: text(body.client_reference_id, 'client_reference_id') ?? null,
      metadata: mergeMetadata({}, body.metadata),
      subscriptionMetadata: mergeMetadata({}, record(body.subscription_data)?.metadata, 'subscription_data[metadata]'),
      successUrl: text(body.success_url, 'success_url') ?? null,
      cancelUrl: text(body.cancel_url, 'cancel_url') ?? null,
      status: 'open',
      subscription: null,
      invoice: null,
    };
    sessions.set(s.id, s);
    return renderSession(s);
  };

  const updateSubscription = (id: string, body: Record<string, any>) => {
    const sub = subscriptions.get(id);
    if (!sub) throw noSuch('subscription', id);
    onlyParams(body, [
      'items',
      'proration_behavior',
      'proration_date',
      'payment_behavior',
      'off_session',
      'metadata',
      'expand',
    ]);
    const expand = expandOf(body, SUBSCRIPTION_EXPAND);
    if (sub.schedule) {
      throw invalid(
        `The subscription is managed by the subscription schedule \`${sub.schedule}\`, and updating any of its ` +
          'items or phases directly is not allowed. Please update the schedule instead.',
      );
    }
    if (sub.status === 'canceled') {
      throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
    }
    const proration = oneOf(body.proration_behavior, 'proration_behavior', [
      'always_invoice',
      'create_prorations',
      'none',
    ] as const);
    const paymentBehavior = oneOf(body.payment_behavior, 'payment_behavior', [
      'allow_incomplete',
      'default_incomplete',
      'error_if_incomplete',
      'pending_if_incomplete',
    ] as const);
    let change: { price: string; quantity: number } | undefined;
    if (body.items !== undefined) {
      const items: unknown = body.items;
      if (!Array.isArray(items) || items.length !== 1) {
        throw invalid('The local Stripe server supports exactly one item: items[0].', 'items');
      }
      const item = record(items[0]) ?? {};
      onlyParams(item, ['id', 'price', 'quantity', 'metadata'], 'items[0]');
      const itemId = text(item.id, 'items[0][id]');
      if (!itemId) throw invalid('The local Stripe server changes the existing item only: pass items[0][id].', 'items');
      if (itemId !== sub.item.id) throw noSuch('subscription_item', itemId, 'items[0][id]');
      const price = text(item.price, 'items[0][price]') ?? sub.item.price;
      const quantity = integer(item.quantity, 'items[0][quantity]') ?? sub.item.quantity;
      if (price !== sub.item.price || quantity !== sub.item.quantity) change = { price, quantity };
    }
    sub.metadata = mergeMetadata(sub.metadata, body.metadata);
    if (change) {
      const apply = (c: { price: string; quantity: number }) => {
        sub.item.price = c.price;
        sub.item.quantity = c.quantity;
      };
      if (proration === 'none') {
        // Nothing to charge now: the new price holds from here on.
        apply(change);
      } else {
        const now = seconds();
        const needsAction = actionRequired.delete(sub.customer);
        newInvoice(sub, 'subscription_update', needsAction ? 'open' : 'paid', {
          ...change,
          periodStart: now,
          periodEnd: sub.item.periodEnd,
          proration: true,
        });
        if (!needsAction) {
          apply(change);
        } else if (paymentBehavior === 'pending_if_incomplete') {
          sub.pendingUpdate = { ...change, expiresAt: now + 23 * 3600 };
        } else {
          apply(change);
          sub.status = 'past_due';
        }
      }
    }
    return renderSubscription(sub, expand);
  };

  const cancelSubscription = (sub: SubscriptionRecord) => {
    const now = seconds();
    sub.status = 'canceled';
    sub.canceledAt = now;
    sub.endedAt = now;
    sub.pendingUpdate = null;
    const schedule = sub.schedule ? schedules.get(sub.schedule) : undefined;
    if (schedule?.status === 'active') {
      schedule.status = 'canceled';
      schedule.canceledAt = now;
    }
  };

  const createSchedule = (body: Record<string, any>) => {
    onlyParams(body, ['from_subscription', 'metadata', 'expand']);
    const expand = expandOf(body, SCHEDULE_EXPAND);
    const subId = text(body.from_subscription, 'from_subscription');
    if (!subId) throw missing('from_subscription');
    const sub = subscriptions.get(subId);
    if (!sub) throw noSuch('subscription', subId, 'from_subscription');
    if (sub.schedule) {
      throw invalid(
        `You cannot migrate a subscription that is already attached to a schedule: \`${sub.schedule}\`.`,
        'from_subscription',
      );
    }
    if (sub.status === 'canceled') {
      throw invalid('You cannot create a subscription schedule from a canceled subscription.', 'from_subscription');
    }
    const s: ScheduleRecord = {
      id: newId('sub_sched'),
      customer: sub.customer,
      subscription: sub.id,
      created: seconds(),
      status: 'active',
      endBehavior: 'release',
      phases: [
        {
          price: sub.item.price,
          quantity: sub.item.quantity,
          startDate: sub.item.periodStart,
          endDate: sub.item.periodEnd,
          prorationBehavior: 'create_prorations',
        },
      ],
      currentPhase: 0,
      metadata: mergeMetadata({}, body.metadata),
      releasedAt: null,
      canceledAt: null,
    };
    schedules.set(s.id, s);
    sub.schedule = s.id;
    return renderSchedule(s, expand);
  };

  const parsePhases = (raw: unknown, schedule: ScheduleRecord): PhaseRecord[] => {
    if (!Array.isArray(raw) || raw.length === 0) throw invalid('Invalid array: phases', 'phases');
    const now = seconds();
    const phases: PhaseRecord[] = [];
    for (const [i, value] of raw.entries()) {
      const at = `phases[${i}]`;
      const p = record(value);
      if (!p) throw invalid(`Invalid object: ${at}`, at);
      onlyParams(
        p,
        ['items', 'start_date', 'end_date', 'duration', 'proration_behavior', 'metadata', 'description', 'currency'],
        at,
      );
      const items: unknown = p.items;
      if (!Array.isArray(items) || items.length === 0) throw missing(`${at}[items]`);
      if (items.length !== 1) throw invalid('The local Stripe server supports exactly one item per phase.', at);
      const item = record(items[0]) ?? {};
      onlyParams(item, ['price', 'quantity', 'metadata'], `${at}[items][0]`);
      const price = text(item.price, `${at}[items][0][price]`);
      if (!price) throw missing(`${at}[items][0][price]`);
      const previous = phases[i - 1];
      const startDate =
        timestamp(p.start_date, `${at}[start_date]`, now) ??
        (previous ? previous.endDate : (schedule.phases[0]?.startDate ?? now));
      if (startDate === null) {
        throw invalid(`${at} follows a phase without an end_date: only the last phase can be open-ended.`, at);
      }
      const length = durationSeconds(p.duration, `${at}[duration]`);
      const endDate = timestamp(p.end_date, `${at}[end_date]`, now) ?? (length ? startDate + length : null);
      if (endDate !== null && endDate <= startDate) {
        throw invalid(`${at}[end_date] must be after its start_date.`, `${at}[end_date]`);
      }
      phases.push({
        price,
        quantity: integer(item.quantity, `${at}[items][0][quantity]`) ?? 1,
        startDate,
        endDate,
        prorationBehavior:
          oneOf(p.proration_behavior, `${at}[proration_behavior]`, ['always_invoice', 'create_prorations', 'none']) ??
          'create_prorations',
      });
    }
    return phases;
  };

  const updateSchedule = (id: string, body: Record<string, any>) => {
    const s = schedules.get(id);
    if (!s) throw noSuch('subscription_schedule', id);
    onlyParams(body, ['end_behavior', 'phases', 'proration_behavior', 'metadata', 'expand']);
    const expand = expandOf(body, SCHEDULE_EXPAND);
    if (s.status !== 'active' && s.status !== 'not_started') {
      throw invalid(`You cannot update a subscription schedule that is currently in the \`${s.status}\` status.`);
    }
    oneOf(body.proration_behavior, 'proration_behavior', ['always_invoice', 'create_prorations', 'none']);
    const endBehavior = oneOf(body.end_behavior, 'end_behavior', ['cancel', 'none', 'release', 'renew']);
    const phases = body.phases === undefined ? undefined : parsePhases(body.phases, s);
    if (endBehavior) s.endBehavior = endBehavior;
    s.metadata = mergeMetadata(s.metadata, body.metadata);
    const sub = subscriptions.get(s.subscription);
    if (phases && sub) {
      s.phases = phases;
      s.currentPhase = phaseAt(phases, sub.item.periodStart);
      // Changing the phase in force changes the subscription now.
      const current = phases[s.currentPhase]!;
      sub.item.price = current.price;
      sub.item.quantity = current.quantity;
    }
    return renderSchedule(s, expand);
  };

  const releaseSchedule = (id: string, body: Record<string, any>) => {
    const s = schedules.get(id);
    if (!s) throw noSuch('subscription_schedule', id);
    onlyParams(body, ['preserve_cancel_date', 'expand']);
    const expand = expandOf(body, SCHEDULE_EXPAND);
    if (s.status !== 'active' && s.status !== 'not_started') {
      throw invalid(`You cannot release a subscription schedule that is currently in the \`${s.status}\` status.`);
    }
    release(s);
    return renderSchedule(s, expand);
  };

  const createPortal = (body: Record<string, any>) => {
    const customer = text(body.customer, 'customer');
    if (!customer) throw missing('customer');
    if (!customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const p: BillingPortalRecord = {
      id: newId('bps'),
      created: seconds(),
      customer,
      returnUrl: text(body.return_url, 'return_url') ?? null,
    };
    portals.set(p.id, p);
    return renderPortal(p);
  };

  const found = <R>(store: Map<string, R>, id: string, kind: string): R => {
    const r = store.get(id);
    if (r === undefined) throw noSuch(kind, id);
    return r;
  };

  type Route = [method: string, path: RegExp, run: (id: string, body: Record<string, any>) => unknown];
  const ID = '([A-Za-z0-9_]+)';
  const routes: Route[] = [
    ['POST', /^\/v1\/customers$/, (_id, body) => createCustomer(body)],
    ['GET', new RegExp(`^/v1/customers/${ID}$`), (id) => renderCustomer(found(customers, id, 'customer'))],
    ['POST', new RegExp(`^/v1/customers/${ID}$`), (id, body) => updateCustomer(id, body)],
    ['POST', /^\/v1\/checkout\/sessions$/, (_id, body) => createSession(body)],
    [
      'GET',
      new RegExp(`^/v1/checkout/sessions/${ID}$`),
      (id, body) =>
        renderSession(
          found(sessions, id, 'checkout.session'),
          expandOf(body, ['subscription', 'customer', 'line_items']),
        ),
    ],
    [
      'GET',
      new RegExp(`^/v1/subscriptions/${ID}$`),
      (id, body) => renderSubscription(found(subscriptions, id, 'subscription'), expandOf(body, SUBSCRIPTION_EXPAND)),
    ],
    ['POST', new RegExp(`^/v1/subscriptions/${ID}$`), (id, body) => updateSubscription(id, body)],
    [
      'DELETE',
      new RegExp(`^/v1/subscriptions/${ID}$`),
      (id, body) => {
        const sub = found(subscriptions, id, 'subscription');
        const expand = expandOf(body, SUBSCRIPTION_EXPAND);
        if (sub.status === 'canceled') throw invalid('This subscription has already been canceled.');
        cancelSubscription(sub);
        return renderSubscription(sub, expand);
      },
    ],
    ['POST', /^\/v1\/subscription_schedules$/, (_id, body) => createSchedule(body)],
    [
      'GET',
      new RegExp(`^/v1/subscription_schedules/${ID}$`),
      (id, body) => renderSchedule(found(schedules, id, 'subscription_schedule'), expandOf(body, SCHEDULE_EXPAND)),
    ],
    ['POST', new RegExp(`^/v1/subscription_schedules/${ID}$`), (id, body) => updateSchedule(id, body)],
    ['POST', new RegExp(`^/v1/subscription_schedules/${ID}/release$`), (id, body) => releaseSchedule(id, body)],
    [
      'GET',
      new RegExp(`^/v1/invoices/${ID}$`),
      (id, body) => renderInvoice(found(invoices, id, 'invoice'), expandOf(body, ['customer'])),
    ],
    ['POST', /^\/v1\/billing_portal\/sessions$/, (_id, body) => createPortal(body)],
    [
      'POST',
      new RegExp(`^/v1/checkout/sessions/${ID}/expire$`),
      (id) => {
        const session = found(sessions, id, 'checkout.session');
        if (session.status !== 'open')
          throw invalid(
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
          );
        session.status = 'expired';
        return renderSession(session);
      },
    ],
    ['GET', new RegExp(`^/v1/prices/${ID}$`), (id) => renderPrice(id)],
  ];

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res
      .writeHead(status, {
        'content-type': 'application/json',
        'request-id': newId('req'),
        'stripe-version': API_VERSION,
        ...headers,
      })
      .end(body);
  };
  const failure = (e: StripeFailure) => JSON.stringify({ error: e.raw });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const form = Buffer.concat(chunks).toString('utf8');
    const body = { ...parseForm(url.search.slice(1)), ...(method === 'POST' ? parseForm(form) : {}) };
    const header = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(header) ? header[0] : header;
    requests.push({ method, path, body, idempotencyKey });
    const echo: Record<string, string> = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};

    if (!req.headers.authorization) {
      const e = new StripeFailure(401, { type: 'invalid_request_error', message: 'You did not provide an API key.' });
      return send(res, e.status, failure(e));
    }
    const failing = failures.find((f) => f.left > 0 && f.method === method && f.path.test(path));
    if (failing) {
      failing.left--;
      const e = new StripeFailure(500, { type: 'api_error', message: 'stripe-server: a failure the test asked for' });
      return send(res, e.status, failure(e), echo);
    }
    const params = canonical(body);
    if (method === 'POST' && idempotencyKey) {
      const before = answered.get(idempotencyKey);
      if (before) {
        const retry = `Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`;
        if (before.method !== method || before.path !== path) {
          const e = idempotencyError(
            'Keys for idempotent requests can only be used for the same endpoint they were first used for ' +
              `('${before.method} ${before.path}' vs '${method} ${path}'). ${retry}`,
          );
          return send(res, e.status, failure(e), echo);
        }
        if (before.params !== params) {
          const e = idempotencyError(
            `Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`,
          );
          return send(res, e.status, failure(e), echo);
        }
        return send(res, before.status, before.body, { ...echo, 'idempotent-replayed': 'true' });
      }
    }

    let status = 200;
    let answer: string;
    try {
      let matched: { run: Route[2]; id: string } | undefined;
      let pathKnown = false;
      for (const [m, pattern, run] of routes) {
        const hit = pattern.exec(path);
        if (!hit) continue;
        pathKnown = true;
        if (m === method) {
          matched = { run, id: hit[1] ?? '' };
          break;
        }
      }
      if (!matched) {
        throw new StripeFailure(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}).${pathKnown ? ' The path exists with another method.' : ''}`,
        });
      }
      answer = JSON.stringify(matched.run(matched.id, body));
    } catch (e) {
      const f =
        e instanceof StripeFailure
          ? e
          : new StripeFailure(500, { type: 'api_error', message: `stripe-server: ${(e as Error).message}` });
      status = f.status;
      answer = failure(f);
    }
    // Stripe saves the result of a request that ran; one refused on its parameters can be retried with the same key.
    if (method === 'POST' && idempotencyKey && status < 400) {
      answered.set(idempotencyKey, { method, path, params, status, body: answer });
    }
    send(res, status, answer, echo);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(e) } }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  // --- Test controls ---

  const subscriptionUpdated = (sub: SubscriptionRecord, before: DeepPartial<Stripe.Subscription>) => {
    const after = renderSubscription(sub);
    return event('customer.subscription.updated', after, previousAttributes(before, after));
  };

  return {
    port,
    url: base,
    requests,
    client: (key = 'sk_test_local') =>
      new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }),
    customers: new RenderedMap(customers, (c) => renderCustomer(c)),
    sessions: new RenderedMap(sessions, (s) => renderSession(s)),
    subscriptions: new RenderedMap(subscriptions, (s) => renderSubscription(s)),
    invoices: new RenderedMap(invoices, (i) => renderInvoice(i)),
    schedules: new RenderedMap(schedules, (s) => renderSchedule(s)),

    completeCheckout(sessionId) {
      const session = need(sessions, sessionId, 'checkout session');
      if (session.status !== 'open')
        throw new Error(`stripe-server: checkout session ${sessionId} is ${session.status}`);
      const now = seconds();
      const sub: SubscriptionRecord = {
        id: newId('sub'),
        customer: session.customer,
        created: now,
        status: 'active',
        item: {
          id: newId('si'),
          created: now,
          price: session.price,
          quantity: session.quantity,
          periodStart: now,
          periodEnd: now + PERIOD,
        },
        metadata: { ...session.subscriptionMetadata },
        latestInvoice: null,
        schedule: null,
        pendingUpdate: null,
        canceledAt: null,
        endedAt: null,
      };
      subscriptions.set(sub.id, sub);
      const invoice = newInvoice(sub, 'subscription_create', 'paid', {
        price: sub.item.price,
        quantity: sub.item.quantity,
        periodStart: now,
        periodEnd: now + PERIOD,
        proration: false,
      });
      session.status = 'complete';
      session.subscription = sub.id;
      session.invoice = invoice.id;
      return [
        event('checkout.session.completed', renderSession(session)),
        event('customer.subscription.created', renderSubscription(sub)),
        event('invoice.paid', renderInvoice(invoice)),
      ];
    },

    requireActionOnNextPayment(customerId) {
      need(customers, customerId, 'customer');
      actionRequired.add(customerId);
      return [];
    },

    payInvoice(invoiceId) {
      const invoice = need(invoices, invoiceId, 'invoice');
      if (invoice.status !== 'open') throw new Error(`stripe-server: invoice ${invoiceId} is ${invoice.status}`);
      const sub = need(subscriptions, invoice.subscription, 'subscription');
      const before = renderSubscription(sub);
      invoice.status = 'paid';
      invoice.paidAt = seconds();
      if (sub.pendingUpdate) {
        sub.item.price = sub.pendingUpdate.price;
        sub.item.quantity = sub.pendingUpdate.quantity;
        sub.pendingUpdate = null;
      }
      if (sub.status === 'past_due' || sub.status === 'unpaid') sub.status = 'active';
      const events = [event('invoice.paid', renderInvoice(invoice))];
      const updated = subscriptionUpdated(sub, before);
      // Stripe sends no update when nothing about the subscription changed.
      if (Object.keys(updated.data.previous_attributes ?? {}).length > 0) events.push(updated);
      return events;
    },

    failRenewal(subscriptionId) {
      const sub = liveSubscription(subscriptionId);
      const before = renderSubscription(sub);
      advancePeriod(sub);
      const invoice = newInvoice(sub, 'subscription_cycle', 'open', {
        price: sub.item.price,
        quantity: sub.item.quantity,
        periodStart: sub.item.periodStart,
        periodEnd: sub.item.periodEnd,
        proration: false,
      });
      sub.status = 'past_due';
      return [event('invoice.payment_failed', renderInvoice(invoice)), subscriptionUpdated(sub, before)];
    },

    giveUp(subscriptionId) {
      const sub = liveSubscription(subscriptionId);
      const before = renderSubscription(sub);
      sub.status = 'unpaid';
      return [subscriptionUpdated(sub, before)];
    },

    cancel(subscriptionId) {
      const sub = liveSubscription(subscriptionId);
      cancelSubscription(sub);
      return [event('customer.subscription.deleted', renderSubscription(sub))];
    },

    renew(subscriptionId) {
      const sub = liveSubscription(subscriptionId);
      const before = renderSubscription(sub);
      advancePeriod(sub);
      const invoice = newInvoice(sub, 'subscription_cycle', 'paid', {
        price: sub.item.price,
        quantity: sub.item.quantity,
        periodStart: sub.item.periodStart,
        periodEnd: sub.item.periodEnd,
        proration: false,
      });
      return [subscriptionUpdated(sub, before), event('invoice.paid', renderInvoice(invoice))];
    },

    failNext(method, path, times) {
      failures.push({
        method: method.toUpperCase(),
        path: new RegExp(path.source, path.flags.replace('g', '')),
        left: times,
      });
    },

    event: (type, object) => event(type, object),

    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
