import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (protocols: RegExp) =>
  z.preprocess(emptyToUndefined, z.string().regex(protocols, 'unsupported URL scheme').optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl(/^rediss?:\/\//),
  REDIS_CLUSTER_NODES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*[^\s,]+:\d+\s*(,\s*[^\s,]+:\d+\s*)*$/, 'a comma-separated list of host:port')
      .optional(),
  ),
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(600_000).default(5000),
  LEASE_RENEW_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(600_000).optional()),
  RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(1000),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/)
    .default('gov:'),
  SIGNUP: z.preprocess(emptyToUndefined, z.enum(['open', 'closed']).optional()),
  ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(5000).default(5000),
  DEMO_TENANT: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  DEFAULT_CHEAP_MODEL: z.string().default('sim/sim-small'),
  DEFAULT_STRONG_MODEL: z.string().default('sim/sim-large'),
  BUDGET_FAIL_MODE: z.enum(['closed', 'open']).default('closed'),
  CACHE_REDIS_URL: optionalUrl(/^rediss?:\/\//),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl(/^https?:\/\//),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl(/^https?:\/\//),
  OLLAMA_BASE_URL: optionalUrl(/^https?:\/\//),
  OPENAI_COMPATIBLE_BASE_URL: optionalUrl(/^https?:\/\//),
  OPENAI_COMPATIBLE_API_KEY: optionalString,
  SIM_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  PROVIDER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  PROVIDER_RETRY_BASE_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  BREAKER_OPEN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(20),
  DEFAULT_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(16).max(100_000).default(1024),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: optionalUrl(/^https?:\/\//),
  BILLING_SUCCESS_URL: optionalUrl(/^https?:\/\//),
  BILLING_CANCEL_URL: optionalUrl(/^https?:\/\//),
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  STREAM_STALL_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(24).default(8),
  LEDGER_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(100),
  ROUTING_CALIBRATION_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  ROUTING_ADAPT_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(3600),
  SECRETS_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
  ),
  ALERT_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  ALERT_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2000),
  ALERT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  ALERT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  ALERT_EVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  ALERT_SPIKE_EVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional(),
  ),
  METRICS_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  METRICS_TENANT_LABEL: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(/^https?:\/\//),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(/^https?:\/\//),
  OTEL_EXPORTER_OTLP_HEADERS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, 'must be key=value pairs separated by commas')
      .optional(),
  ),
  OTEL_SERVICE_NAME: z.preprocess(emptyToUndefined, z.string().default('governor')),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(1).max(600_000).default(5000),
});

/** OTLP's header list (`key=value,key2=value2`, values percent-encoded), as the exporter's headers. */
function otlpHeaders(list: string | undefined): Record<string, string> {
  if (!list) return {};
  return Object.fromEntries(
    list.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim())];
    }),
  );
}

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  /** Embedded mode: PGlite under dataDir and an in-process store. */
  embedded: boolean;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  redisUrl: string | undefined;
  /** Some nodes of a Redis Cluster (host:port, comma-separated): the cluster client instead of REDIS_URL's. */
  redisClusterNodes: string | undefined;
  redisKeyPrefix: string;
  /**
   * Each process's liveness lease in Redis (its ttl and renewal) and how often live processes look
   * for lapsed ones, whose holds and unflushed ledger entries they then recover.
   */
  leases: { ttlMs: number; renewMs: number; recoveryIntervalMs: number };
  signupOpen: boolean;
  adminToken: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  keyCacheTtlMs: number;
  demoTenant: boolean;
  defaultModels: { cheap: string; strong: string };
  /** When the budget store is unreachable: refuse (closed) or admit unguarded (open). */
  budgetFailMode: 'closed' | 'open';
  /** A second Redis for the response cache (allkeys-lru); the budget Redis otherwise. */
  cacheRedisUrl: string | undefined;
  providers: {
    openai: { apiKey: string | undefined; baseURL: string | undefined };
    anthropic: { apiKey: string | undefined; baseURL: string | undefined };
    ollama: { baseURL: string | undefined };
    compatible: { baseURL: string | undefined; apiKey: string | undefined };
    simLatencyMs: number;
    timeoutMs: number;
    retries: number;
    retryBaseMs: number;
    breakerFailures: number;
    breakerOpenMs: number;
  };
  defaultMaxOutputTokens: number;
  /** Stripe is configured (a secret key and a webhook secret): upgrades can be sold. */
  billingEnabled: boolean;
  billing: {
    secretKey: string | undefined;
    webhookSecret: string | undefined;
    /** Another Stripe-compatible server (stripe-mock, the tests' own) instead of api.stripe.com. */
    apiBase: string | undefined;
    /** Where Checkout and the billing portal send the customer back. */
    successUrl: string;
    cancelUrl: string;
    /** How long the paid limits hold after a payment fails. */
    graceDays: number;
    /** How far a webhook's signed timestamp may be from now, in either direction. */
    webhookToleranceSeconds: number;
  };
  /** HTTP worker processes (Node's cluster); 1 runs in this process. */
  workers: number;
  /** runAgent calls per API key per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Open sign-ups per client IP per hour, per process; 0 turns the limit off. */
  signupsPerIpPerHour: number;
  /** How long a retry waits for the first call with its idempotency key before CONFLICT. */
  idempotencyWaitMs: number;
  /** A streaming reader that takes nothing for this long is cut off (its run ends as CANCELED). */
  streamStallMs: number;
  /** How long a dashboard session lasts (startSession). */
  sessionTtlMs: number;
  /** How long the ledger's outbox gathers a batch before writing it to Postgres (services mode). */
  ledgerFlushIntervalMs: number;
  /** Routing: how often each process sends its score samples and re-reads an agent's sketch (0: at once). */
  routingCalibrationMs: number;
  /** Adaptive routing changes an agent at most once in this many seconds. */
  routingAdaptIntervalSeconds: number;
  /** The key that encrypts tenants' webhook signing secrets (base64, 32 bytes); embedded: made in dataDir. */
  secretsKey: string | undefined;
  /** Alert webhooks: how often due deliveries are looked for, the first retry's delay (doubling), the attempts, the timeout. */
  alerts: {
    pollMs: number;
    retryBaseMs: number;
    maxAttempts: number;
    timeoutMs: number;
    /** The rules gather what the ledger wrote for this long, then look at each tenant once. */
    evalMs: number;
    /** The spend-spike rule looks at a tenant at most this often (it sums a week). */
    spikeEveryMs: number;
  };
  /** Behind a proxy: the client's address is taken from X-Forwarded-For (else the socket's). */
  trustProxy: boolean;
  /**
   * Who may read /metrics: the bearer of this token, or anyone reaching a port of its own bound to
   * localhost. In production one of them is required. `tenantLabel` (METRICS_TENANT_LABEL=true, off
   * by default): the run counters carry a `tenant` label, one series per tenant and value, so on
   * only where the tenants are few enough for the Prometheus server.
   */
  metrics: { token: string | undefined; port: number | undefined; tenantLabel: boolean };
  /**
   * OpenTelemetry traces over OTLP/HTTP (JSON): where to (the traces URL), with which headers, as
   * which service, gathered for how long. Undefined (off, no SDK loaded) without an endpoint.
   */
  tracing: { url: string; headers: Record<string, string>; serviceName: string; batchDelayMs: number } | undefined;
};

export class ConfigError extends Error {}

/** The only reader of process.env. Fails at boot with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const redis = Boolean(e.REDIS_URL || e.REDIS_CLUSTER_NODES);
  if (e.NODE_ENV === 'production' && (!e.DATABASE_URL || !redis)) {
    throw new ConfigError(
      'NODE_ENV=production needs DATABASE_URL and REDIS_URL (or REDIS_CLUSTER_NODES): the embedded store (PGlite, in-process counters) is for development only.',
    );
  }
  const renewMs = e.LEASE_RENEW_MS ?? Math.round(e.LEASE_TTL_MS * 0.3);
  if (renewMs * 2 > e.LEASE_TTL_MS) {
    throw new ConfigError('LEASE_RENEW_MS must be at most half of LEASE_TTL_MS, or one late renewal loses the lease.');
  }
  if (e.NODE_ENV === 'production' && !e.SECRETS_KEY) {
    throw new ConfigError(
      'NODE_ENV=production needs SECRETS_KEY (openssl rand -base64 32): it encrypts webhook signing secrets.',
    );
  }
  if (e.NODE_ENV === 'production' && !e.METRICS_TOKEN && !e.METRICS_PORT) {
    throw new ConfigError('NODE_ENV=production needs METRICS_TOKEN or METRICS_PORT: /metrics must not be public.');
  }
  if (e.WORKERS > 1 && (embedded || !redis)) {
    throw new ConfigError('WORKERS>1 needs DATABASE_URL and REDIS_URL: the embedded store belongs to one process.');
  }
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError(
      'Billing needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: without the second, a payment could never be confirmed.',
    );
  }
  const publicUrl = `http://${e.HOST}:${e.PORT}`;
  // The per-signal endpoint is the whole URL; the general one gets the signal's path (the OTLP spec).
  const tracesUrl =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (e.OTEL_EXPORTER_OTLP_ENDPOINT && `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`);
  let headers: Record<string, string>;
  try {
    headers = otlpHeaders(e.OTEL_EXPORTER_OTLP_HEADERS);
  } catch {
    throw new ConfigError('OTEL_EXPORTER_OTLP_HEADERS: a value is not valid percent-encoding.');
  }
  const signupOpen = (e.SIGNUP ?? (embedded ? 'open' : 'closed')) === 'open';
  if (!signupOpen && !e.ADMIN_TOKEN) {
    throw new ConfigError('SIGNUP=closed needs ADMIN_TOKEN, or nobody could create a tenant.');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    embedded,
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX,
    redisUrl: e.REDIS_URL,
    redisClusterNodes: e.REDIS_CLUSTER_NODES,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    leases: { ttlMs: e.LEASE_TTL_MS, renewMs, recoveryIntervalMs: e.RECOVERY_INTERVAL_MS },
    signupOpen,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    keyCacheTtlMs: e.KEY_CACHE_TTL_MS,
    demoTenant: (e.DEMO_TENANT ?? (embedded ? 'true' : 'false')) === 'true',
    defaultModels: { cheap: e.DEFAULT_CHEAP_MODEL, strong: e.DEFAULT_STRONG_MODEL },
    budgetFailMode: e.BUDGET_FAIL_MODE,
    cacheRedisUrl: e.CACHE_REDIS_URL,
    providers: {
      openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL },
      anthropic: { apiKey: e.ANTHROPIC_API_KEY, baseURL: e.ANTHROPIC_BASE_URL },
      ollama: { baseURL: e.OLLAMA_BASE_URL },
      compatible: { baseURL: e.OPENAI_COMPATIBLE_BASE_URL, apiKey: e.OPENAI_COMPATIBLE_API_KEY },
      simLatencyMs: e.SIM_LATENCY_MS,
      timeoutMs: e.PROVIDER_TIMEOUT_MS,
      retries: e.PROVIDER_RETRIES,
      retryBaseMs: e.PROVIDER_RETRY_BASE_MS,
      breakerFailures: e.BREAKER_FAILURES,
      breakerOpenMs: e.BREAKER_OPEN_SECONDS * 1000,
    },
    defaultMaxOutputTokens: e.DEFAULT_MAX_OUTPUT_TOKENS,
    billingEnabled: Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET),
    billing: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      apiBase: e.STRIPE_API_BASE,
      successUrl: e.BILLING_SUCCESS_URL ?? `${publicUrl}/dashboard?billing=success`,
      cancelUrl: e.BILLING_CANCEL_URL ?? `${publicUrl}/dashboard?billing=canceled`,
      graceDays: e.BILLING_GRACE_DAYS,
      webhookToleranceSeconds: e.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    },
    workers: e.WORKERS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    signupsPerIpPerHour: e.SIGNUPS_PER_IP_PER_HOUR,
    idempotencyWaitMs: e.IDEMPOTENCY_WAIT_MS,
    streamStallMs: e.STREAM_STALL_MS,
    sessionTtlMs: Math.round(e.SESSION_TTL_HOURS * 3_600_000),
    ledgerFlushIntervalMs: e.LEDGER_FLUSH_INTERVAL_MS,
    routingCalibrationMs: e.ROUTING_CALIBRATION_MS,
    routingAdaptIntervalSeconds: e.ROUTING_ADAPT_INTERVAL_SECONDS,
    secretsKey: e.SECRETS_KEY,
    alerts: {
      pollMs: e.ALERT_POLL_MS,
      retryBaseMs: e.ALERT_RETRY_BASE_MS,
      maxAttempts: e.ALERT_MAX_ATTEMPTS,
      timeoutMs: e.ALERT_TIMEOUT_MS,
      evalMs: e.ALERT_EVAL_MS,
      spikeEveryMs: e.ALERT_SPIKE_EVERY_MS,
    },
    trustProxy: e.TRUST_PROXY === 'true',
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT, tenantLabel: e.METRICS_TENANT_LABEL === 'true' },
    tracing: tracesUrl
      ? { url: tracesUrl, headers, serviceName: e.OTEL_SERVICE_NAME, batchDelayMs: e.OTEL_BSP_SCHEDULE_DELAY }
      : undefined,
  };
}
