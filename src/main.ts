import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { startReplaySweep } from './agents/index.js';
import { stripeBilling, type Billing } from './billing/index.js';
import { createKeyAuthenticator } from './auth/index.js';
import { MemoryBudgetStore, RedisBudgetStore, startRecovery, type BudgetDeps } from './budgets/index.js';
import { CircuitBreakers } from './breakers/circuit-breaker.js';
import { MemoryKv, RedisKv } from './cache/kv.js';
import { Lookups } from './cache/lookups.js';
import type { ProviderDeps } from './providers/call-model.js';
import { createProviderRegistry } from './providers/registry.js';
import { createMetrics, servePrimaryMetrics } from './monitoring/metrics.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Deps } from './context.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { assertSystemRole, migrate } from './db/migrate.js';
import { buildHttpServer, metricsServer } from './http/server.js';
import { Outbox } from './ledger/index.js';
import { systemClock, type Clock } from './lib/clock.js';
import { FixedWindowLimiter } from './lib/fixed-window.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createPlanCatalog, seedPlans } from './plans/index.js';
import { createModelCatalog, seedModels } from './pricing/index.js';
import { AlertDelivery } from './monitoring/alert-delivery.js';
import { alertWatcher } from './monitoring/alert-rules.js';
import { loadSecretsKey, secretBox } from './monitoring/secrets.js';
import { startTracing, type Tracing } from './monitoring/tracing.js';
import { Calibration, MemorySketches, RedisSketches } from './routing/index.js';
import { openStore, type StoreHandle } from './store/index.js';
import { Lease } from './store/lease.js';
import { ensureDemoTenant } from './tenants/index.js';

export type Runtime = {
  deps: Deps;
  http: FastifyInstance;
  /** METRICS_PORT: /metrics on a server of its own, to be bound to localhost. */
  metricsHttp: FastifyInstance | undefined;
  database: DatabaseHandle;
  store: StoreHandle;
  close(): Promise<void>;
};

/** The composition root: the only place that chooses implementations. Tests call it too. */
/** Stripe when it is configured; no billing otherwise (startUpgrade answers BillingUnavailable). */
function billingProvider(config: Config): Billing | undefined {
  const { secretKey, webhookSecret, apiBase, webhookToleranceSeconds } = config.billing;
  if (!secretKey || !webhookSecret) return undefined;
  return stripeBilling({ secretKey, webhookSecret, apiBase, toleranceSeconds: webhookToleranceSeconds });
}

export async function compose(
  config: Config,
  options: {
    clock?: Clock | undefined;
    database?: DatabaseHandle | undefined;
    random?: () => number;
    /** Where logs go (tests read them); stdout at the configured level otherwise. */
    log?: Logger | undefined;
  } = {},
): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // A database handed in (a second process in tests) stays open when this runtime closes.
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolMax: config.dbPoolMax })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir }));
  let store: StoreHandle | undefined;
  let lease: Lease | undefined;
  let cacheStore: StoreHandle | undefined;
  let tracing: Tracing | undefined;
  const metrics = createMetrics();
  try {
    await migrate(database, config.databaseUrl);
    await assertSystemRole(database);
    await seedCatalogs(database);
    store = await openStore({
      redisUrl: config.redisUrl,
      clusterNodes: config.redisClusterNodes,
      prefix: config.redisKeyPrefix,
    });
    const redis = store.kind === 'redis' ? store.redis : undefined;
    // The lease is this process's liveness: its holds and ledger entries carry its id.
    lease = redis ? new Lease(redis, log, config.leases, () => metrics.leaseLost.inc()) : undefined;
    await lease?.start();
    cacheStore = config.cacheRedisUrl
      ? await openStore({ redisUrl: config.cacheRedisUrl, prefix: config.redisKeyPrefix })
      : undefined;
    const cacheRedis = cacheStore?.kind === 'redis' ? cacheStore.redis : redis;
    const cache = cacheRedis ? new RedisKv(cacheRedis) : new MemoryKv(64 * 1024 * 1024, () => clock.now().getTime());
    const outbox = new Outbox(database.db, redis, log, { intervalMs: config.ledgerFlushIntervalMs, maxBatch: 1000 });
    // The budget store looks in the response cache in its admission script when both live together.
    const redisBudgets = redis ? new RedisBudgetStore(redis, !cacheStore, lease) : undefined;
    const budgets: BudgetDeps = {
      store: redisBudgets ?? new MemoryBudgetStore((entry) => outbox.insertNow([entry]), cache),
      outbox,
      db: database.db,
      failMode: config.budgetFailMode,
      log,
      stale: new Set(),
    };
    const stopRecovery =
      redis && redisBudgets && lease
        ? startRecovery(
            {
              redis,
              store: redisBudgets,
              outbox,
              lease,
              log,
              onRecovered: ({ holds, entries }) => {
                metrics.recovered.inc({ what: 'holds' }, holds);
                metrics.recovered.inc({ what: 'entries' }, entries);
              },
            },
            { intervalMs: config.leases.recoveryIntervalMs, sweepMs: 30_000, sweepAgeMs: 60_000 },
          )
        : () => undefined;
    const stopReplaySweep = startReplaySweep(database.db, log, () => clock.now());
    const providers: ProviderDeps = {
      registry: createProviderRegistry(config.providers),
      breakers: new CircuitBreakers({
        threshold: config.providers.breakerFailures,
        openMs: config.providers.breakerOpenMs,
        now: () => clock.now().getTime(),
      }),
      timeoutMs: config.providers.timeoutMs,
      retries: config.providers.retries,
      retryBaseMs: config.providers.retryBaseMs,
      random: options.random ?? Math.random,
    };
    const lookups = new Lookups(database.db, log, {
      ttlMs: 10_000,
      now: () => clock.now().getTime(),
      redis,
      channel: `${config.redisKeyPrefix}invalidations`,
    });
    await lookups.start();
    const keys = createKeyAuthenticator(database.db, log, config.keyCacheTtlMs, () => clock.now().getTime());
    const plans = createPlanCatalog(database.db);
    const models = createModelCatalog(database.db);
    lookups.onInvalidate((i) => {
      if (i.kind === 'key') keys.forgetKey(i.keyId);
      if (i.kind === 'userKeys') keys.forgetUser(i.userId);
      if (i.kind === 'plans') plans.invalidate();
      if (i.kind === 'models') models.invalidate();
    });
    const secrets = secretBox(await loadSecretsKey(config.secretsKey, config.dataDir));
    const alertDelivery = new AlertDelivery(database.db, secrets, log, {
      production: config.env === 'production',
      pollMs: config.alerts.pollMs,
      retryBaseMs: config.alerts.retryBaseMs,
      maxAttempts: config.alerts.maxAttempts,
      timeoutMs: config.alerts.timeoutMs,
    });
    tracing = await startTracing(config.tracing, log);
    const deps: Deps = {
      config,
      db: database.db,
      clock,
      log,
      plans,
      models,
      keys,
      lookups,
      budgets,
      outbox,
      providers,
      cache,
      metrics,
      signupLimiter: new FixedWindowLimiter(config.signupsPerIpPerHour, 3_600_000, () => clock.now().getTime()),
      billing: billingProvider(config),
      secrets,
      alertDelivery,
      tracer: tracing?.tracer,
      routing: new Calibration(redis ? new RedisSketches(redis) : new MemorySketches(), {
        intervalMs: config.routingCalibrationMs,
        now: () => clock.now().getTime(),
        onError: (err) => log.warn({ err }, 'routing calibration could not reach the store'),
      }),
    };
    outbox.onWritten(alertWatcher(deps));
    // Alerts raised with the ledger's entries (a run's cost, an upgrade suggestion).
    outbox.onAlertRaised((kind) => deps.metrics.alertsRaised.inc({ kind }));
    // The families read at each scrape, off this process's breakers, outbox and alert delivery.
    deps.metrics.watch({ breakers: providers.breakers, outbox, alerts: alertDelivery });
    alertDelivery.start();
    const http = await buildHttpServer(deps, [
      { name: 'database', ping: database.ping },
      { name: 'store', ping: store.ping },
    ]);
    const metricsHttp = config.metrics.port ? await metricsServer(deps) : undefined;
    const opened = store;
    return {
      deps,
      http,
      metricsHttp,
      database,
      store,
      async close() {
        await http.close();
        await metricsHttp?.close();
        // The runs are over: what the batch still holds is exported before the process goes.
        await tracing?.shutdown();
        stopRecovery();
        stopReplaySweep();
        await alertDelivery.close();
        await lookups.stop();
        const drained = await outbox.close();
        await deps.routing.close();
        // Last: anything left unflushed is recovered by another process within a round.
        await lease?.close(drained);
        await cacheStore?.close();
        await opened.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (err) {
    await tracing?.shutdown();
    await lease?.close(true);
    await cacheStore?.close();
    await store?.close();
    if (ownsDatabase) await database.close();
    throw err;
  }
}

async function seedCatalogs(database: DatabaseHandle): Promise<void> {
  await seedPlans(database.db);
  await seedModels(database.db);
}

/** One process serving HTTP: the only one, or a worker of the cluster. */
async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const runtime = await compose(config);
  const log = runtime.deps.log;
  if (config.embedded && config.demoTenant) {
    const demo = await ensureDemoTenant({ deps: runtime.deps, requestId: 'boot', log });
    if (demo) {
      // Printed once, on purpose: the database keeps only the hash.
      process.stdout.write(
        `\nDemo tenant created. Its owner API key (also saved to ${demo.file}):\n\n  ${demo.secret}\n\n`,
      );
    }
  }
  const address = await runtime.http.listen({ host: config.host, port: config.port });
  // Never beyond this machine: whoever reaches it reads the metrics.
  if (runtime.metricsHttp) await runtime.metricsHttp.listen({ host: '127.0.0.1', port: config.metrics.port });
  const graphql = `${address}/graphql`;
  const mode = config.embedded ? 'embedded' : 'services';
  log.info({ address, graphql, mode, workers: config.workers, bootMs: Date.now() - started }, 'governor is listening');
  // One plain line for the person who just ran `npm start`; the JSON line above is for machines.
  if (!cluster.isWorker || cluster.worker?.id === 1)
    process.stdout.write(`Governor is ready (${mode}): GraphQL at ${graphql}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * WORKERS > 1: the primary migrates once, then forks workers that share the port (Node's cluster)
 * and replaces any that dies. Stateless workers: the counters and the ledger live in Redis and
 * Postgres, so this is the same code path as several machines behind a load balancer.
 */
async function supervise(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl!, poolMax: 2 });
  try {
    await migrate(database, config.databaseUrl);
    await seedCatalogs(database);
  } finally {
    await database.close();
  }
  let stopping = false;
  servePrimaryMetrics();
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another');
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    let left = Object.keys(cluster.workers ?? {}).length;
    if (!left) process.exit(0);
    cluster.on('exit', () => --left === 0 && process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function start(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) await supervise(config);
  else await serve(config);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  start().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
    process.exit(1);
  });
}
