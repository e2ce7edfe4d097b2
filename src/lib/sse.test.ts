import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SseWriter } from './sse.js';

describe('SseWriter', () => {
  it('holds no more for a reader that does not read than the buffer and one event, then delivers everything', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const sse = new SseWriter(out);
    const piece = 'x'.repeat(300);
    let written = 0;
    // The producer writes as fast as the writer lets it: 200 events, 60 KB in all.
    const producing = (async () => {
      for (let i = 0; i < 200; i++) {
        await sse.send({ piece });
        written++;
      }
      await sse.end();
    })();
    // Nobody reads: the producer is held back after the buffer fills.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(written).toBeLessThan(10);
    expect(out.writableLength).toBeLessThanOrEqual(1024 + 320);
    // Reading lets it all through, in order.
    let received = '';
    out.on('data', (c: Buffer) => (received += c));
    await producing;
    expect(written).toBe(200);
    expect(received.split('\n\n').filter(Boolean)).toHaveLength(201);
    expect(sse.maxBuffered).toBeLessThanOrEqual(1024 + 320);
  });
});
