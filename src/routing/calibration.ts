import type { RedisClient } from '../store/index.js';
import { tenantKey } from '../lib/keys.js';

/**
 * An agent with a strong-share target routes at the score above which about that share of its
 * recent traffic falls, as learned routers are calibrated. The scores of its AUTO-routed runs that
 * missed the cache go into a sketch in the store, shared by every process: a histogram of fixed
 * bins whose weights decay with every new sample (a half-life in samples), so it is bounded and
 * follows the traffic as it changes. Below MIN_SAMPLES samples the default threshold holds.
 */
export const SKETCH_BINS = 200;
export const MIN_SAMPLES = 200;
/** After this many newer samples, a sample weighs half as much. */
export const HALF_LIFE_SAMPLES = 2000;
const DECAY = Math.pow(0.5, 1 / HALF_LIFE_SAMPLES);
const SKETCH_TTL_SECONDS = 30 * 24 * 3600;

/** `weights[i]`: the decayed count of scores in [i/BINS, (i+1)/BINS); `samples`: every sample ever added. */
export type Sketch = { weights: number[]; samples: number };

export interface ScoreSketches {
  /** Adds samples (as per-bin counts): the old weights decay by one step per sample first. */
  add(key: string, counts: number[], samples: number): Promise<void>;
  read(key: string): Promise<Sketch | undefined>;
}

export const sketchKey = (tenantId: string, agentId: string) => tenantKey(tenantId, 'route-sketch', agentId);

export const binOf = (score: number) => Math.min(SKETCH_BINS - 1, Math.max(0, Math.floor(score * SKETCH_BINS)));

/**
 * The threshold that sends `share` of the sketched traffic to the strong model: the score above
 * which that share of the weight lies (linear within a bin).
 */
export function thresholdForShare(sketch: Sketch, share: number): number {
  const total = sketch.weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 1 - share;
  let above = 0;
  const wanted = share * total;
  for (let i = SKETCH_BINS - 1; i >= 0; i--) {
    const w = sketch.weights[i] ?? 0;
    if (above + w >= wanted && w > 0) {
      const inBin = (wanted - above) / w;
      return round((i + 1 - inBin) / SKETCH_BINS);
    }
    above += w;
  }
  return 0;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The Lua that adds samples: one atomic step, so processes never lose each other's samples. */
const SKETCH_ADD = `
local decay = tonumber(ARGV[1]) ^ tonumber(ARGV[2])
local current = redis.call('HGETALL', KEYS[1])
local weights = {}
for i = 1, #current, 2 do weights[current[i]] = tonumber(current[i + 1]) end
for i = 0, ${SKETCH_BINS - 1} do
  local v = (weights[tostring(i)] or 0) * decay + tonumber(ARGV[3 + i])
  if v > 1e-9 then redis.call('HSET', KEYS[1], tostring(i), string.format('%.9g', v))
  elseif weights[tostring(i)] then redis.call('HDEL', KEYS[1], tostring(i)) end
end
redis.call('HINCRBY', KEYS[1], 'n', tonumber(ARGV[2]))
redis.call('EXPIRE', KEYS[1], ${SKETCH_TTL_SECONDS})
return 1`;

export class RedisSketches implements ScoreSketches {
  constructor(private readonly redis: RedisClient) {
    if (!('governorSketchAdd' in redis)) redis.defineCommand('governorSketchAdd', { numberOfKeys: 1, lua: SKETCH_ADD });
  }

  async add(key: string, counts: number[], samples: number): Promise<void> {
    const add = (this.redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)
      .governorSketchAdd!;
    await add.call(this.redis, key, DECAY, samples, ...counts);
  }

  async read(key: string): Promise<Sketch | undefined> {
    const fields = await this.redis.hgetall(key);
    if (!fields.n) return undefined;
    return {
      weights: Array.from({ length: SKETCH_BINS }, (_, i) => Number(fields[String(i)] ?? 0)),
      samples: Number(fields.n),
    };
  }
}

export class MemorySketches implements ScoreSketches {
  private readonly sketches = new Map<string, Sketch>();

  async add(key: string, counts: number[], samples: number): Promise<void> {
    const sketch = this.sketches.get(key) ?? { weights: new Array<number>(SKETCH_BINS).fill(0), samples: 0 };
    const decay = Math.pow(DECAY, samples);
    sketch.weights = sketch.weights.map((w, i) => w * decay + (counts[i] ?? 0));
    sketch.samples += samples;
    this.sketches.set(key, sketch);
  }

  async read(key: string): Promise<Sketch | undefined> {
    const sketch = this.sketches.get(key);
    return sketch ? { weights: [...sketch.weights], samples: sketch.samples } : undefined;
  }
}

type Pending = { counts: number[]; samples: number };

/**
 * Each process batches its samples and sends them every `intervalMs` (0: at once), and reads an
 * agent's sketch at most every `intervalMs`, so calibration costs the request path nothing but a
 * lookup in memory.
 */
export class Calibration {
  private readonly pending = new Map<string, Pending>();
  private readonly read = new Map<string, { sketch: Sketch | undefined; at: number; loading?: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sketches: ScoreSketches,
    private readonly options: { intervalMs: number; now: () => number; onError: (err: unknown) => void },
  ) {}

  /** The agent's sketch as this process last read it (read now if it never did, or `intervalMs` is 0). */
  async sketch(tenantId: string, agentId: string): Promise<Sketch | undefined> {
    const key = sketchKey(tenantId, agentId);
    const seen = this.read.get(key);
    const now = this.options.now();
    if (seen && this.options.intervalMs > 0 && now - seen.at < this.options.intervalMs) return seen.sketch;
    const load = async () => {
      const sketch = await this.sketches.read(key).catch((err: unknown) => {
        this.options.onError(err);
        return seen?.sketch;
      });
      this.read.set(key, { sketch, at: this.options.now() });
    };
    // A stale copy serves while a fresh one loads; the first read waits for it.
    if (seen && this.options.intervalMs > 0) {
      if (!seen.loading) seen.loading = load();
      return seen.sketch;
    }
    await load();
    return this.read.get(key)!.sketch;
  }

  /** Counts a routed run's score into its agent's sketch. */
  async observe(tenantId: string, agentId: string, score: number): Promise<void> {
    const key = sketchKey(tenantId, agentId);
    const p = this.pending.get(key) ?? { counts: new Array<number>(SKETCH_BINS).fill(0), samples: 0 };
    p.counts[binOf(score)]!++;
    p.samples++;
    this.pending.set(key, p);
    if (this.options.intervalMs <= 0) return this.flush();
    this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(
      batch.map(([key, p]) =>
        this.sketches.add(key, p.counts, p.samples).catch((err: unknown) => this.options.onError(err)),
      ),
    );
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
