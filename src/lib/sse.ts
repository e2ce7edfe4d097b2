import type { Writable } from 'node:stream';

/** Counts the streams that are waiting for a slow reader (a gauge of /metrics). */
export type StallGauge = { inc(): void; dec(): void };

/** A reader that takes nothing for this long is cut off: its run must not wait on it forever. */
const STALL_LIMIT_MS = 30_000;

/**
 * Server-Sent Events onto a response, at the reader's pace: a write the socket cannot take yet
 * waits for it to drain, and the run behind it (a pull-based generator) waits with it, so a slow
 * reader makes Governor stop reading the provider instead of buffering without bound. A reader
 * that takes nothing for `stallMs` is cut off (the response destroyed: its door sees the reader
 * gone). Records the most it ever held for the reader and how often it waited.
 */
export class SseWriter {
  maxBuffered = 0;
  waits = 0;
  /** The reader was cut off for taking nothing. */
  stalledOut = false;

  constructor(
    private readonly out: Writable,
    private readonly stalled?: StallGauge,
    private readonly stallMs = STALL_LIMIT_MS,
  ) {}

  /** One `data:` event (a string as it is, anything else as JSON). */
  send(data: unknown): Promise<void> {
    return this.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }

  /** Text already framed as events, then a wait for the reader if the socket is full. */
  async write(text: string): Promise<void> {
    this.push(text);
    await this.writable();
  }

  /** Text already framed as events, without waiting (for a producer that waits on `writable` itself). */
  push(text: string): void {
    if (this.out.destroyed || this.out.writableEnded) return;
    this.out.write(text);
    this.maxBuffered = Math.max(this.maxBuffered, this.out.writableLength);
  }

  /** Resolves once the reader has taken what is buffered (or gone, or been cut off). */
  async writable(): Promise<void> {
    if (!this.out.writableNeedDrain || this.out.destroyed) return;
    this.waits++;
    this.stalled?.inc();
    try {
      if (!(await drainedOrClosed(this.out, this.stallMs))) {
        this.stalledOut = true;
        this.out.destroy();
      }
    } finally {
      this.stalled?.dec();
    }
  }

  /** The last event, then `[DONE]`, then the end of the response. */
  async end(last?: unknown): Promise<void> {
    if (last !== undefined) await this.send(last);
    await this.send('[DONE]');
    this.out.end();
  }
}

/**
 * Resolves at the writable's next `drain` or `close` (true), or false after `timeoutMs`, leaving
 * no listener behind.
 */
export function drainedOrClosed(out: Writable, timeoutMs?: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      out.off('drain', drained);
      out.off('close', drained);
      clearTimeout(timer);
      resolve(ok);
    };
    const drained = done(true);
    out.on('drain', drained);
    out.on('close', drained);
    const timer = timeoutMs === undefined ? undefined : setTimeout(done(false), timeoutMs);
  });
}

/** What a door's stream needs: its writer, and a signal that fires when its reader goes away. */
export class EventStream {
  readonly sse: SseWriter;
  private readonly controller = new AbortController();
  private readonly gone = () => {
    if (!this.out.writableFinished) this.controller.abort();
  };

  constructor(
    private readonly out: Writable & { writableFinished: boolean },
    private readonly tracked: { stalled: StallGauge; close(): void },
    stallMs?: number,
  ) {
    this.sse = new SseWriter(out, tracked.stalled, stallMs);
    out.once('close', this.gone);
    // Gone before this stream began: the run must not start at all.
    if (out.destroyed) this.controller.abort();
  }

  /** Aborted when the reader leaves before the end (or is cut off for not reading). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Done: the gauges let go; what the request's log line reports about the stream. */
  close(): { streamBufferedMaxBytes: number; streamWaits: number; streamStalledOut?: true } {
    this.out.off('close', this.gone);
    this.tracked.close();
    return {
      streamBufferedMaxBytes: this.sse.maxBuffered,
      streamWaits: this.sse.waits,
      ...(this.sse.stalledOut ? { streamStalledOut: true as const } : {}),
    };
  }
}
