import type { Writable } from 'node:stream';

/** Counts the streams that are waiting for a slow reader (a gauge of /metrics). */
export type StallGauge = { inc(): void; dec(): void };

/**
 * Server-Sent Events onto a response, at the reader's pace: a write the socket cannot take yet
 * waits for it to drain, and the run behind it (a pull-based generator) waits with it, so a slow
 * reader makes Governor stop reading the provider instead of buffering without bound. Records the
 * most it ever held for the reader and how often it waited (on the request's log line).
 */
export class SseWriter {
  maxBuffered = 0;
  waits = 0;

  constructor(
    private readonly out: Writable,
    private readonly stalled?: StallGauge,
  ) {}

  /** One `data:` event (a string as it is, anything else as JSON). */
  send(data: unknown): Promise<void> {
    return this.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }

  /** Text already framed as events. */
  async write(text: string): Promise<void> {
    if (this.out.destroyed || this.out.writableEnded) return;
    this.out.write(text);
    this.maxBuffered = Math.max(this.maxBuffered, this.out.writableLength);
    await this.writable();
  }

  /** Resolves once the reader has taken what is buffered (or gone). */
  async writable(): Promise<void> {
    if (!this.out.writableNeedDrain || this.out.destroyed) return;
    this.waits++;
    this.stalled?.inc();
    try {
      await drainedOrClosed(this.out);
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

/** Resolves at the writable's next `drain` or `close`, leaving no listener behind. */
export function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
