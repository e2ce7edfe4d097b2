/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: prom-client 15 has
 * no parser. Every line must be empty, a `# HELP`, a `# TYPE` or a sample of the family its TYPE
 * named (`name{label="value",…} value`); anything else, a duplicate, or a histogram whose buckets
 * do not add up, throws.
 */
export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { name: string; type: string; help: string | undefined; samples: Sample[] };
export type Exposition = { families: Map<string, Family>; samples: Sample[] };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)/;
/** A float as Go's ParseFloat reads it (what Prometheus uses): NaN and Inf in any case (prom-client writes `Nan`). */
const NUMBER = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|[+-]?inf(?:inity)?|nan)$/i;
const toNumber = (raw: string) =>
  /inf/i.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(raw) ? NaN : Number(raw);
const SUFFIXES: Record<string, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a newline');
  const families = new Map<string, Family>();
  const helps = new Map<string, string>();
  const samples: Sample[] = [];
  const seen = new Set<string>();
  let current: Family | undefined;
  for (const [i, line] of text.slice(0, -1).split('\n').entries()) {
    const fail = (why: string): never => {
      throw new Error(`line ${i + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    // The format ignores empty lines (prom-client puts one between families).
    if (line === '') continue;
    if (line.startsWith('# HELP ')) {
      const [, name = '', help = ''] = /^# HELP (\S+) ?(.*)$/.exec(line) ?? fail('malformed HELP');
      if (!NAME.test(name)) fail('bad metric name');
      if (helps.has(name)) fail('a second HELP');
      helps.set(name, help);
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      const [, name = '', type = ''] = /^# TYPE (\S+) (\S+)$/.exec(line) ?? fail('malformed TYPE');
      if (!NAME.test(name) || !TYPES.has(type)) fail('bad TYPE');
      if (families.has(name)) fail('a second TYPE');
      current = { name, type, help: helps.get(name), samples: [] };
      families.set(name, current);
      continue;
    }
    const m = SAMPLE.exec(line) ?? fail('neither HELP, TYPE nor a sample');
    const [, name = '', body, raw = ''] = m;
    if (!current) fail('a sample before any TYPE');
    const family = current!;
    if (!SUFFIXES[family.type]!.some((s) => name === family.name + s)) fail(`not a sample of ${family.name}`);
    if (!NUMBER.test(raw)) fail('bad value');
    const labels = parseLabels(body ?? '', fail);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(key)) fail('a duplicate sample');
    seen.add(key);
    const value = toNumber(raw);
    if (family.type === 'counter' && !(value >= 0)) fail('a counter below zero');
    const sample = { name, labels, value };
    family.samples.push(sample);
    samples.push(sample);
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return { families, samples };
}

function parseLabels(body: string, fail: (why: string) => never): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let rest = body; rest.length;) {
    const m = LABEL.exec(rest) ?? fail('malformed labels');
    const [all, name = '', value = ''] = m;
    if (name in labels) fail(`label ${name} twice`);
    labels[name] = value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(all.length);
  }
  return labels;
}

/** Buckets by series: `le` rising, counts never falling, `+Inf` last and equal to `_count`. */
function checkHistogram(family: Family): void {
  const series = new Map<string, { les: number[]; counts: number[]; count?: number }>();
  const of = (labels: Record<string, string>) => {
    const { le: _le, ...rest } = labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    if (!series.has(key)) series.set(key, { les: [], counts: [] });
    return series.get(key)!;
  };
  for (const s of family.samples) {
    if (s.name.endsWith('_bucket')) {
      if (s.labels.le === undefined) throw new Error(`${family.name}: a bucket without le`);
      if (!NUMBER.test(s.labels.le)) throw new Error(`${family.name}: a bucket with le=${s.labels.le}`);
      of(s.labels).les.push(toNumber(s.labels.le));
      of(s.labels).counts.push(s.value);
    } else if (s.name.endsWith('_count')) of(s.labels).count = s.value;
  }
  for (const [key, s] of series) {
    const rising = s.les.every((le, i) => i === 0 || le > s.les[i - 1]!);
    const cumulative = s.counts.every((c, i) => i === 0 || c >= s.counts[i - 1]!);
    if (!rising || !cumulative || s.les.at(-1) !== Infinity || s.counts.at(-1) !== s.count)
      throw new Error(`${family.name}${key}: buckets that do not add up`);
  }
}

/** The sum of the samples of `name` whose labels include `labels`. */
export function valueOf(e: Exposition, name: string, labels: Record<string, string> = {}): number {
  return e.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((n, s) => n + s.value, 0);
}
