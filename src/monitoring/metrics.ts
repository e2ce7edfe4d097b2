import { Counter, collectDefaultMetrics, Registry, Summary } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export type Metrics = {
  registry: Registry;
  /** runAgent's own time: wall time minus the time spent waiting for providers. */
  overhead: Summary<'outcome'>;
  runs: Counter<'status'>;
  costMicros: Counter<'model'>;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'governor_' });
  return {
    registry,
    overhead: new Summary({
      name: 'governor_runagent_overhead_seconds',
      help: "runAgent's own time (wall time minus provider time), by outcome",
      labelNames: ['outcome'],
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers: [registry],
    }),
    runs: new Counter({ name: 'governor_runs_total', help: 'runAgent calls by run status', labelNames: ['status'], registers: [registry] }),
    costMicros: new Counter({ name: 'governor_cost_microdollars_total', help: 'Spend by model, in micro-dollars', labelNames: ['model'], registers: [registry] }),
  };
}
