import type { Span, Tracer as OtelTracer } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { Config } from '../config.js';
import type { SpanAttributes, TraceSpan, Tracer } from '../context.js';
import type { Logger } from '../lib/logger.js';

/** Traces, when on: the tracer the pipeline uses, and a shutdown that exports what is left. */
export type Tracing = { tracer: Tracer; shutdown(): Promise<void> };

/** Longer than this, an error's message is cut: a status line, not a dump. */
const MAX_STATUS_MESSAGE = 300;
/** ExportResultCode.SUCCESS (of @opentelemetry/core, which the SDK brings along). */
const EXPORTED = 0;

/**
 * OpenTelemetry over OTLP/HTTP (JSON), when configured: a provider of its own (not registered as
 * the global one, so nothing else in the process starts exporting), a batch processor, Governor's
 * service name. Off, it answers undefined without loading the SDK: the hot path then checks one
 * field and creates nothing.
 */
export async function startTracing(config: Config['tracing'], log: Logger): Promise<Tracing | undefined> {
  if (!config) return undefined;
  const [api, sdk, { OTLPTraceExporter }, resources] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = loggedExporter(new OTLPTraceExporter({ url: config.url, headers: config.headers }), log);
  const provider = new sdk.NodeTracerProvider({
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ 'service.name': config.serviceName })),
    spanProcessors: [
      new sdk.BatchSpanProcessor(exporter, { scheduledDelayMillis: config.batchDelayMs, exportTimeoutMillis: 10_000 }),
    ],
  });
  const otel = provider.getTracer('governor');
  const KIND = { internal: api.SpanKind.INTERNAL, client: api.SpanKind.CLIENT } as const;

  const wrap = (span: Span): TraceSpan => ({
    set: (attributes) => void span.setAttributes(defined(attributes)),
    rename: (name) => void span.updateName(name),
    child: (name, kind, attributes) => wrap(start(otel, name, KIND[kind], attributes, span)),
    fail(error, type) {
      const message = error instanceof Error ? error.message : String(error);
      span.setAttribute('error.type', type);
      span.setStatus({ code: api.SpanStatusCode.ERROR, message: message.slice(0, MAX_STATUS_MESSAGE) });
    },
    end: () => span.end(),
  });
  const start = (tracer: OtelTracer, name: string, kind: number, attributes: SpanAttributes, parent?: Span) =>
    tracer.startSpan(
      name,
      { kind, attributes: defined(attributes) },
      parent ? api.trace.setSpan(api.ROOT_CONTEXT, parent) : api.ROOT_CONTEXT,
    );

  // Where to, without any credentials the URL may carry.
  const { origin, pathname } = new URL(config.url);
  log.info({ url: `${origin}${pathname}`, service: config.serviceName }, 'exporting traces');
  return {
    tracer: { start: (name, kind, attributes) => wrap(start(otel, name, KIND[kind], attributes)) },
    shutdown: () => provider.shutdown(),
  };
}

/** OpenTelemetry drops a failed export silently: say so in the log (once per batch). */
function loggedExporter(inner: SpanExporter, log: Logger): SpanExporter {
  return {
    export(spans: ReadableSpan[], done) {
      inner.export(spans, (result) => {
        if (result.code !== EXPORTED) log.warn({ err: result.error, spans: spans.length }, 'could not export traces');
        done(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

const defined = (attributes: SpanAttributes) =>
  Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)) as Record<
    string,
    NonNullable<SpanAttributes[string]>
  >;
