import { randomUUID } from 'node:crypto';
import cluster from 'node:cluster';
import type { StallGauge } from '../lib/sse.js';
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The labels a run's counters may carry; `tenant` only with METRICS_TENANT_LABEL=true. */
type Tenant = 'tenant';

/** Prometheus metrics of one process, served at /metrics (the README lists every family). */
export type Metrics = {
  registry: Registry;
  /** runAgent's wall time, by outcome. */
  latency: Histogram<'outcome'>;
  /** runAgent's own time: wall time minus the time spent waiting for providers. */
  overhead: Histogram<'outcome'>;
  runs: Counter<'status' | Tenant>;
  /** Per call: the run's cost so far, in USD (the article's "one run over $1"). */
  runCost: Histogram<Tenant>;
  /** Charged tokens: `kind` input (cached included), cached_input or output; `call` run, classifier or summary. */
  tokens: Counter<'kind' | 'call' | 'model' | Tenant>;
  costMicros: Counter<'model' | 'call' | Tenant>;
  /** What the response cache (the cached answer's cost) or the router (strong model minus used) saved. */
  savedMicros: Counter<'source' | 'model' | Tenant>;
  /** Answers from a cache: `cache` response, classifier or summary. */
  cacheHits: Counter<'cache' | Tenant>;
  budgetRefusals: Counter<'window' | Tenant>;
  degradations: Counter<'kind' | Tenant>;
  runLimitTrips: Counter<'kind' | Tenant>;
  alertsRaised: Counter<'kind'>;
  /** What this process recovered for processes whose lease lapsed: `holds` given back, ledger `entries` written. */
  recovered: Counter<'what'>;
  /** Times this process found its own lease gone (it was stopped past it) and registered again. */
  leaseLost: Counter<never>;
  /** GraphQL operations run straight from a document validated earlier, not through Apollo's pipeline. */
  graphqlDirect: Counter<never>;
  /** Open event streams, by door (`openai`, `graphql`). */
  streams: Gauge<'door'>;
  /** Streams waiting for a slow reader to take what was sent (their runs wait with them). */
  streamsStalled: Gauge<'door'>;
  /** Where the families read at scrape time look (see ScrapeSources); until then they are empty. */
  watch(sources: ScrapeSources): void;
};

/**
 * What /metrics reads when it is scraped, not on the request path: each model's circuit and the
 * faults counted against it, the age of this process's oldest unflushed ledger entry, and the
 * alert deliveries that failed. Shapes, not classes: the domains keep their own counts.
 */
export type ScrapeSources = {
  breakers: { models(): Iterable<[string, { state: 'closed' | 'half-open' | 'open'; errors: number }]> };
  outbox: { oldestUnflushedMs(): number };
  alerts: { readonly failedDeliveries: Readonly<Record<'retrying' | 'given_up', number>> };
};

const CIRCUIT_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export function createMetrics(): Metrics {
  const registry = new Registry();
  // In a cluster the primary gathers every worker's registry (see servePrimaryMetrics).
  // (Constructing one is what makes a worker answer the primary's requests.)
  if (cluster.isWorker) {
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  collectDefaultMetrics({ register: registry, prefix: 'governor_' });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  let sources: ScrapeSources | undefined;
  scrapedFamilies(registry, () => sources);
  return {
    registry,
    latency: new Histogram({
      name: 'governor_runagent_duration_seconds',
      help: "runAgent's wall time, by outcome (the run's status, lower case)",
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    // A histogram, not a summary: observing is a few additions, and buckets aggregate across processes.
    overhead: new Histogram({
      name: 'governor_runagent_overhead_seconds',
      help: "runAgent's own time (wall time minus provider time), by outcome",
      labelNames: ['outcome'],
      buckets: [
        0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.02, 0.05,
        0.1, 0.25, 0.5, 1,
      ],
      registers,
    }),
    runs: counter('governor_runs_total', 'runAgent calls by run status', ['status', 'tenant']),
    runCost: new Histogram({
      name: 'governor_run_cost_usd',
      help: "Each runAgent call's run cost so far, in USD (a run spanning calls: its total at each call)",
      labelNames: ['tenant'],
      buckets: [0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    tokens: counter(
      'governor_tokens_total',
      'Charged tokens by kind (input, cached_input: part of input, output), call (run, classifier, summary) and model',
      ['kind', 'call', 'model', 'tenant'],
    ),
    costMicros: counter('governor_cost_microdollars_total', 'Spend by model and call, in micro-dollars', [
      'model',
      'call',
      'tenant',
    ]),
    savedMicros: counter(
      'governor_saved_microdollars_total',
      'Savings by source (cache: the cached answer’s cost; routing: strong model minus the one used) and model',
      ['source', 'model', 'tenant'],
    ),
    cacheHits: counter('governor_cache_hits_total', 'Answers from a cache (response, classifier, summary)', [
      'cache',
      'tenant',
    ]),
    budgetRefusals: counter('governor_budget_refusals_total', 'Runs refused or stopped by a budget window', [
      'window',
      'tenant',
    ]),
    degradations: counter('governor_degradations_total', 'Runs degraded to fit a budget, by degradation', [
      'kind',
      'tenant',
    ]),
    runLimitTrips: counter('governor_run_limit_trips_total', 'Runs stopped by a per-run breaker, by limit', [
      'kind',
      'tenant',
    ]),
    alertsRaised: counter('governor_alerts_raised_total', 'Alerts raised, by kind (once across the cluster)', ['kind']),
    recovered: counter(
      'governor_recovered_total',
      'Holds given back and ledger entries written for processes whose lease lapsed, by what (holds, entries)',
      ['what'],
    ),
    leaseLost: counter('governor_lease_lost_total', 'Times this process found its lease gone and registered again', []),
    graphqlDirect: counter(
      'governor_graphql_direct_total',
      "GraphQL operations run straight from a document validated earlier, without Apollo's request pipeline",
      [],
    ),
    streams: new Gauge({
      name: 'governor_streams_open',
      help: 'Event streams open, by door',
      labelNames: ['door'],
      registers,
    }),
    streamsStalled: new Gauge({
      name: 'governor_streams_stalled',
      help: 'Event streams waiting for a slow reader, by door (their runs wait with them)',
      labelNames: ['door'],
      registers,
    }),
    watch: (s) => void (sources = s),
  };
}

/**
 * The families read off their sources at each scrape. In a cluster a circuit's state and the
 * ledger lag are the workers' worst (max), not their sum.
 */
function scrapedFamilies(registry: Registry, sources: () => ScrapeSources | undefined): void {
  const registers = [registry];
  new Counter({
    name: 'governor_provider_errors_total',
    help: "Failed provider calls counted against a model's circuit breaker (retries included), by model",
    labelNames: ['model'],
    registers,
    collect() {
      this.reset();
      for (const [model, b] of sources()?.breakers.models() ?? []) this.inc({ model }, b.errors);
    },
  });
  new Gauge({
    name: 'governor_circuit_state',
    help: "A model's circuit breaker in this process: 0 closed, 1 half-open, 2 open",
    labelNames: ['model'],
    aggregator: 'max',
    registers,
    collect() {
      for (const [model, b] of sources()?.breakers.models() ?? []) this.set({ model }, CIRCUIT_VALUE[b.state]);
    },
  });
  new Gauge({
    name: 'governor_ledger_lag_seconds',
    help: "Age of this process's oldest ledger entry not yet in Postgres (0 when none waits)",
    aggregator: 'max',
    registers,
    collect() {
      this.set((sources()?.outbox.oldestUnflushedMs() ?? 0) / 1000);
    },
  });
  new Counter({
    name: 'governor_alert_deliveries_failed_total',
    help: 'Failed alert webhook deliveries: retrying (to be tried again) or given_up (the last attempt)',
    labelNames: ['outcome'],
    registers,
    collect() {
      this.reset();
      const failed = sources()?.alerts.failedDeliveries;
      for (const outcome of ['retrying', 'given_up'] as const) this.inc({ outcome }, failed?.[outcome] ?? 0);
    },
  });
}

const ASK = 'governor:metrics';

/** The primary answers workers' requests for the whole cluster's metrics. */
export function servePrimaryMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== ASK) return;
    aggregator
      .clusterMetrics()
      .then((text) => worker.send({ type: ASK, id: message.id, text }))
      .catch((err: Error) => worker.send({ type: ASK, id: message.id, error: err.message }));
  });
}

/** This process's metrics, or, in a cluster worker, the whole cluster's (gathered by the primary). */
export function renderMetrics(metrics: Metrics): Promise<string> {
  if (!cluster.isWorker || !process.send) return metrics.registry.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the primary did not answer')), 5_000);
    const onMessage = (message: { type?: string; id?: string; text?: string; error?: string }) => {
      if (message?.type === ASK && message.id === id)
        done(message.error ? new Error(message.error) : undefined, message.text);
    };
    const done = (err?: Error, text?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (err) reject(err);
      else resolve(text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: ASK, id });
  });
}

/** One event stream of a door: counted open until `close()`, and stalled while it waits for its reader. */
export function trackStream(metrics: Metrics, door: 'openai' | 'graphql'): { stalled: StallGauge; close: () => void } {
  metrics.streams.inc({ door });
  let open = true;
  return {
    stalled: { inc: () => metrics.streamsStalled.inc({ door }), dec: () => metrics.streamsStalled.dec({ door }) },
    close: () => {
      if (open) metrics.streams.dec({ door });
      open = false;
    },
  };
}
