import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export type Metrics = {
  registry: Registry;
  /** runAgent's own time: wall time minus the time spent waiting for providers. */
  overhead: Histogram<'outcome'>;
  runs: Counter<'status'>;
  costMicros: Counter<'model'>;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'governor_' });
  return {
    registry,
    // A histogram, not a summary: observing is a few additions, and buckets aggregate across processes.
    overhead: new Histogram({
      name: 'governor_runagent_overhead_seconds',
      help: "runAgent's own time (wall time minus provider time), by outcome",
      labelNames: ['outcome'],
      buckets: [0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    runs: new Counter({ name: 'governor_runs_total', help: 'runAgent calls by run status', labelNames: ['status'], registers: [registry] }),
    costMicros: new Counter({ name: 'governor_cost_microdollars_total', help: 'Spend by model, in micro-dollars', labelNames: ['model'], registers: [registry] }),
  };
}
