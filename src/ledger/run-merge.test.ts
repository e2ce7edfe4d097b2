import { describe, expect, it } from 'vitest';
import type { RunCallRecord, StoredAgentRun } from '../db/schema/index.js';
import { mergeCalls } from './run-merge.js';

const call = (seq: number, status: RunCallRecord['status'], toolCalls: number): RunCallRecord => ({
  seq,
  at: new Date(Date.UTC(2026, 11, 1, 12, 0, seq)).toISOString(),
  status,
  modelId: 'm',
  toolCalls,
  inputTokens: 10,
  outputTokens: 5,
  cachedInputTokens: 0,
  costMicros: 7,
});

/** One call's record of a run spanning calls, as the pipeline writes it. */
const record = (seq: number, status: RunCallRecord['status'], toolCalls: number) =>
  ({
    id: 'run_1',
    status,
    toolCalls,
    durationMs: seq * 100,
    createdAt: new Date(Date.UTC(2026, 11, 1, 12, 0, seq)).toISOString(),
    calls: { [`call_${seq}`]: call(seq, status, 1) },
    inputTokens: 10,
    outputTokens: 5,
    cachedInputTokens: 0,
    costMicros: 7,
  }) as unknown as StoredAgentRun;

describe('mergeCalls', () => {
  it("takes the latest call's facts and the calls' sums, in whatever order the records come", () => {
    const records = [record(0, 'COMPLETED', 1), record(1, 'COMPLETED', 2), record(2, 'RUN_LIMIT', 3)];
    const orders = [records, [...records].reverse(), [records[2]!, records[0]!, records[1]!]];
    for (const order of orders) {
      const merged = order.reduce((a, b) => mergeCalls(a, b));
      expect(merged).toMatchObject({
        status: 'RUN_LIMIT',
        toolCalls: 3,
        durationMs: 200,
        inputTokens: 30,
        costMicros: 21,
        createdAt: records[0]!.createdAt,
      });
      expect(Object.keys(merged.calls)).toHaveLength(3);
    }
  });

  it('orders calls by the count before them, not by their clocks', () => {
    const late = record(1, 'RUN_LIMIT', 2);
    // The second call's process clock is behind the first's.
    late.calls.call_1!.at = new Date(Date.UTC(2026, 11, 1, 11, 0, 0)).toISOString();
    expect(mergeCalls(late, record(0, 'COMPLETED', 1)).status).toBe('RUN_LIMIT');
  });
});
