import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An attribute value as OTLP/JSON writes it (64-bit integers may come as strings). */
type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: KeyValue[];
  status?: { code?: number; message?: string };
};
type TracesBody = {
  resourceSpans?: { resource?: { attributes?: KeyValue[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
};

export type Value = string | number | boolean | Value[] | undefined;

const valueOf = (v: AnyValue): Value => {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(valueOf);
  return undefined;
};
const attributesOf = (list: KeyValue[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** A span as received, its attributes decoded, with its resource's. */
export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP's SpanKind: 1 internal, 3 client. */
  kind: number;
  start: bigint;
  end: bigint;
  attributes: Record<string, Value>;
  /** 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string | undefined };
  resource: Record<string, Value>;
};

/**
 * A stand-in for an OTLP/HTTP collector on a port the OS picks: it records each POST /v1/traces
 * (its headers and raw JSON) and answers as a collector does (or with `status`, to refuse).
 */
export async function startOtlpReceiver(options: { status?: number } = {}) {
  const posts: { headers: IncomingHttpHeaders; contentType: string | undefined; raw: string }[] = [];
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || req.url !== '/v1/traces') return void res.writeHead(404).end();
    posts.push({ headers: req.headers, contentType: req.headers['content-type'], raw });
    res.writeHead(options.status ?? 200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const spans = (): ReceivedSpan[] =>
    posts.flatMap((p) =>
      ((JSON.parse(p.raw) as TracesBody).resourceSpans ?? []).flatMap((rs) =>
        (rs.scopeSpans ?? []).flatMap((ss) =>
          (ss.spans ?? []).map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            parentSpanId: s.parentSpanId || undefined,
            name: s.name,
            kind: s.kind,
            start: BigInt(s.startTimeUnixNano),
            end: BigInt(s.endTimeUnixNano),
            attributes: attributesOf(s.attributes),
            status: { code: s.status?.code ?? 0, message: s.status?.message },
            resource: attributesOf(rs.resource?.attributes),
          })),
        ),
      ),
    );
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    spans,
    /** A run's span (by its run id) and the spans under it. */
    run(runId: string) {
      const all = spans();
      const root = all.find(
        (s) => s.attributes['gen_ai.operation.name'] === 'invoke_agent' && s.attributes['governor.run.id'] === runId,
      );
      const children = root ? all.filter((s) => s.traceId === root.traceId && s.parentSpanId === root.spanId) : [];
      return { root, children, byStart: [...children].sort((a, b) => (a.start < b.start ? -1 : 1)) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type OtlpReceiver = Awaited<ReturnType<typeof startOtlpReceiver>>;
