import type { KeyAuthenticator } from './auth/authenticate.js';
import type { Billing } from './billing/provider.js';
import type { BudgetDeps } from './budgets/service.js';
import type { CacheKv } from './cache/kv.js';
import type { Lookups } from './cache/lookups.js';
import type { AlertDelivery } from './monitoring/alert-delivery.js';
import type { SecretBox } from './monitoring/secrets.js';
import type { Config } from './config.js';
import type { Db, Tx } from './db/client.js';
import { scoped } from './db/scoped.js';
import type { Role } from './db/schema/index.js';
import type { Outbox } from './ledger/outbox.js';
import type { Clock } from './lib/clock.js';
import { forbidden } from './lib/errors.js';
import type { FixedWindowLimiter } from './lib/fixed-window.js';
import type { Logger } from './lib/logger.js';
import type { Metrics } from './monitoring/metrics.js';
import type { PlanCatalog } from './plans/plan-catalog.js';
import type { ModelCatalog } from './pricing/model-catalog.js';
import type { ProviderDeps } from './providers/call-model.js';
import type { Calibration } from './routing/calibration.js';

/**
 * The types every domain shares, above the domains: who is calling, what a verb may use, and the
 * contexts verbs run in. Domains import this module; it imports only their types.
 */

/**
 * Who is calling: a user key acts as its user; a service key acts for the tenant with ADMIN rights;
 * `sessionId` when the key's rights come through a dashboard session.
 */
export type Actor = (
  | { kind: 'USER'; tenantId: string; keyId: string; userId: string; role: Role }
  | { kind: 'SERVICE'; tenantId: string; keyId: string; userId: null; role: 'ADMIN' }
) & { sessionId?: string };

/** A span attribute's value, as OpenTelemetry carries it. */
export type SpanValue = string | number | boolean | string[];
export type SpanAttributes = Record<string, SpanValue | undefined>;

/**
 * One span of a trace, behind the little Governor uses of OpenTelemetry (monitoring/tracing.ts):
 * attributes as they become known, children, a failure, an end. Passed by hand, not through an
 * async context, because the pipeline is an async generator.
 */
export type TraceSpan = {
  set(attributes: SpanAttributes): void;
  rename(name: string): void;
  /** A span under this one, started now (`client`: a call out of the process, to a provider). */
  child(name: string, kind: 'internal' | 'client', attributes: SpanAttributes): TraceSpan;
  /** Marks the span failed: its status, `error.type`, and the error's message. */
  fail(error: unknown, type: string): void;
  end(): void;
};

/** Starts the root span of a trace; undefined in Deps when traces are off. */
export type Tracer = { start(name: string, kind: 'internal' | 'client', attributes: SpanAttributes): TraceSpan };

/** What every verb may use; built once in main.ts. */
export type Deps = {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  plans: PlanCatalog;
  models: ModelCatalog;
  keys: KeyAuthenticator;
  budgets: BudgetDeps;
  /** Usage events and run records on their way to Postgres (the same object as budgets.outbox). */
  outbox: Outbox;
  providers: ProviderDeps;
  /** Response cache, classifier answers and summaries. */
  cache: CacheKv;
  metrics: Metrics;
  /** Tenants, users and agents for the request path, invalidated across processes. */
  lookups: Lookups;
  /** Open sign-ups per client address (in process). */
  signupLimiter: FixedWindowLimiter;
  /** The payment provider (Stripe); undefined when billing is off. */
  billing: Billing | undefined;
  /** Encrypts what must be read back in plaintext (webhook signing secrets) under SECRETS_KEY. */
  secrets: SecretBox;
  /** Sends alerts to tenants' webhooks from the alerts table (durable), with retries. */
  alertDelivery: AlertDelivery;
  /** Routing thresholds calibrated from agents' traffic (a sketch in the store, shared by processes). */
  routing: Calibration;
  /** OpenTelemetry traces, when OTEL_EXPORTER_OTLP_ENDPOINT is set: a run is a span, its provider calls children. */
  tracer: Tracer | undefined;
};

/** `clientIp`: for the per-address limits on unauthenticated operations (sign-up). */
export type PublicContext = { deps: Deps; requestId: string; log: Logger; clientIp?: string };
export type TenantContext = PublicContext & { actor: Actor };
/** Operator-only verbs: the caller presented ADMIN_TOKEN (or not). */
export type OperatorContext = PublicContext & { operator: boolean };

const ROLE_RANK = { OWNER: 3, ADMIN: 2, MEMBER: 1 } as const satisfies Record<Role, number>;

export const roleAtLeast = (role: Role, min: Role) => ROLE_RANK[role] >= ROLE_RANK[min];

export function requireRole(actor: Actor, min: Role): void {
  if (!roleAtLeast(actor.role, min)) throw forbidden(`This operation needs the ${min} role or higher.`);
}

/** A transaction under row-level security for the caller's tenant: the tenant comes only from here. */
export function inTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scoped(ctx.deps.db, ctx.actor.tenantId, fn);
}
