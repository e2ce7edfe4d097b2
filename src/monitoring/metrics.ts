import { randomUUID } from 'node:crypto';
import cluster from 'node:cluster';
import type { StallGauge } from '../lib/sse.js';
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export type Metrics = {
  registry: Registry;
  /** runAgent's own time: wall time minus the time spent waiting for providers. */
  overhead: Histogram<'outcome'>;
  runs: Counter<'status'>;
  costMicros: Counter<'model'>;
  /** Open event streams, by door (`openai`, `graphql`). */
  streams: Gauge<'door'>;
  /** Streams waiting for a slow reader to take what was sent (their runs wait with them). */
  streamsStalled: Gauge<'door'>;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  // In a cluster the primary gathers every worker's registry (see servePrimaryMetrics).
  // (Constructing one is what makes a worker answer the primary's requests.)
  if (cluster.isWorker) {
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  collectDefaultMetrics({ register: registry, prefix: 'governor_' });
  return {
    registry,
    // A histogram, not a summary: observing is a few additions, and buckets aggregate across processes.
    overhead: new Histogram({
      name: 'governor_runagent_overhead_seconds',
      help: "runAgent's own time (wall time minus provider time), by outcome",
      labelNames: ['outcome'],
      buckets: [
        0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.02, 0.05,
        0.1, 0.25, 0.5, 1,
      ],
      registers: [registry],
    }),
    runs: new Counter({
      name: 'governor_runs_total',
      help: 'runAgent calls by run status',
      labelNames: ['status'],
      registers: [registry],
    }),
    costMicros: new Counter({
      name: 'governor_cost_microdollars_total',
      help: 'Spend by model, in micro-dollars',
      labelNames: ['model'],
      registers: [registry],
    }),
    streams: new Gauge({
      name: 'governor_streams_open',
      help: 'Event streams open, by door',
      labelNames: ['door'],
      registers: [registry],
    }),
    streamsStalled: new Gauge({
      name: 'governor_streams_stalled',
      help: 'Event streams waiting for a slow reader, by door (their runs wait with them)',
      labelNames: ['door'],
      registers: [registry],
    }),
  };
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
