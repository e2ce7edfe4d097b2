import { describe, expect, it } from 'vitest';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { SimLanguageModel } from './sim.js';

const call = (text: string, extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions => ({
  prompt: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text }] },
  ],
  maxOutputTokens: 200,
  ...extra,
});
const calculator = { type: 'function' as const, name: 'calculator', inputSchema: { type: 'object' as const } };

describe('the sim provider', () => {
  const sim = new SimLanguageModel('sim-small', { latencyMs: 0 });

  it('answers deterministically, with token counts', async () => {
    const [a, b] = await Promise.all([sim.doGenerate(call('What is up?')), sim.doGenerate(call('What is up?'))]);
    expect(a.content).toEqual(b.content);
    expect(a.usage.inputTokens.total).toBeGreaterThan(0);
    expect(a.usage.outputTokens.total).toBeGreaterThan(0);
    expect(a.finishReason.unified).toBe('stop');
  });

  it('calls a tool when asked, and answers with its result afterwards', async () => {
    const first = await sim.doGenerate(call('[[tool:calculator 6*7]]', { tools: [calculator] }));
    expect(first.content[0]).toMatchObject({
      type: 'tool-call',
      toolName: 'calculator',
      input: JSON.stringify({ expression: '6*7' }),
    });
  });

  it('fails with a retryable 503 on [[down]]', async () => {
    await expect(sim.doGenerate(call('[[down]]'))).rejects.toMatchObject({ statusCode: 503, isRetryable: true });
  });

  it('takes its latency, and an abort cuts it short', async () => {
    const slow = new SimLanguageModel('sim-small', { latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = slow.doGenerate(call('hello', { abortSignal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers at the full cap on [[long]]', async () => {
    const res = await sim.doGenerate(call('[[long]]', { maxOutputTokens: 64 }));
    expect(res.usage.outputTokens.total).toBe(64);
    expect(res.finishReason.unified).toBe('length');
  });

  it('streams the same answer in deterministic pieces, with the same usage', async () => {
    const whole = await sim.doGenerate(call('Tell me about Rome'));
    const read = async () => {
      const { stream } = await sim.doStream(call('Tell me about Rome'));
      const parts = [];
      for await (const part of stream as unknown as AsyncIterable<{ type: string; delta?: string; usage?: unknown }>)
        parts.push(part);
      return parts;
    };
    const [a, b] = await Promise.all([read(), read()]);
    expect(a).toEqual(b);
    const deltas = a.filter((p) => p.type === 'text-delta').map((p) => p.delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe((whole.content[0] as { text: string }).text);
    expect(a.at(-1)).toMatchObject({ type: 'finish', usage: whole.usage });
  });

  it('spreads its latency over the pieces: an abort mid-stream ends it after what was sent', async () => {
    const slow = new SimLanguageModel('sim-small', { latencyMs: 60_000 });
    const controller = new AbortController();
    const { stream } = await slow.doStream(call('Tell me about Rome', { abortSignal: controller.signal }));
    const reader = stream.getReader();
    // The start comes at once; a piece would take a share of the minute, so the abort comes first.
    expect((await reader.read()).value).toMatchObject({ type: 'stream-start' });
    expect((await reader.read()).value).toMatchObject({ type: 'text-start' });
    const next = reader.read();
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
  });
});
