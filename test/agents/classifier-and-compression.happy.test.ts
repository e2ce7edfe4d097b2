import { beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { reply, type ChatRequest } from '../helpers/openai-server.js';
import { openaiAgent, runAgent, useUpstreamApp, usePlan } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';
import type { ChatMessageInput } from '../__generated__/graphql.js';

const USED = graphql(`
  query ClassifierUsed {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);

const systemOf = (r: ChatRequest) => String(r.messages[0]?.content ?? '');
const isClassifier = (r: ChatRequest) => systemOf(r).startsWith("Rate the user's request");
const isSummary = (r: ChatRequest) => systemOf(r).startsWith('Summarize this conversation');

describe('the classifier and history compression, over real HTTP', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  beforeAll(async () => {
    env.upstream.handle((req) => {
      if (isClassifier(req)) return reply.text(req, 'complex', { prompt: 90, completion: 1 });
      if (isSummary(req)) return reply.text(req, 'They discussed the Q3 launch plan.', { prompt: 400, completion: 12 });
      return reply.text(req, `answer from ${req.model}`, { prompt: 120, completion: 30 });
    });
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
  });

  it('asks the cheap model when the heuristic is unsure, charges it, and caches its answer', async () => {
    const slug = await openaiAgent(env.app, t, { routing: 'CLASSIFIER', cacheTtlSeconds: 0 });
    const unsure = 'Our Redis cluster hits 100% CPU every day at noon and requests time out.';
    const before = env.upstream.requests.length;
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: unsure });
    const sent = env.upstream.requests.slice(before);
    expect(sent.map((r) => (isClassifier(r) ? 'classifier' : r.model))).toEqual(['classifier', 'gpt-4o']);
    expect(sent[0]!.model).toBe('gpt-4o-mini');
    expect(res.run.route).toMatchObject({ strategy: 'CLASSIFIER', complexity: 'COMPLEX', tier: 'STRONG' });
    const status = await ok(env.app, USED, {}, t.ownerKey);
    // The run's figures are everything its user was charged, the classifier's 90 + 1 tokens included.
    expect(status.budgetStatus.daily.used).toBe(res.run.usage.totalTokens);
    expect(res.run.usage.totalTokens).toBe(91 + 150);
    expect(res.run.sideCalls).toEqual([
      {
        kind: 'CLASSIFIER',
        model: { id: 'openai/gpt-4o-mini' },
        usage: { inputTokens: 90, outputTokens: 1, totalTokens: 91 },
        costUsd: 0.000015,
      },
    ]);
    // gpt-4o-mini 90 in + 1 out: 13.5 + 0.6 → 15 µ$; gpt-4o 120 in + 30 out: 300 + 300 = 600 µ$.
    expect(res.run.costUsd).toBe(0.000615);

    const again = env.upstream.requests.length;
    await runAgent(env.app, t.ownerKey, { agent: slug, message: unsure });
    expect(env.upstream.requests.slice(again).filter(isClassifier)).toEqual([]);

    const sure = env.upstream.requests.length;
    await runAgent(env.app, t.ownerKey, { agent: slug, message: 'What is the capital of Peru?' });
    expect(env.upstream.requests.slice(sure).filter(isClassifier)).toEqual([]);
  });

  it('summarizes the oldest turns when the history exceeds the context budget, and charges the summary', async () => {
    const slug = await openaiAgent(env.app, t, { routing: 'FIXED_CHEAP', cacheTtlSeconds: 0, contextTokenBudget: 300 });
    const turn = (i: number): ChatMessageInput => ({
      role: i % 2 ? 'ASSISTANT' : 'USER',
      content: `Turn ${i}: ${'we talked about the launch plan and its risks '.repeat(6)}`,
    });
    const history = Array.from({ length: 12 }, (_, i) => turn(i));
    const before = env.upstream.requests.length;
    const usedBefore = (await ok(env.app, USED, {}, t.ownerKey)).budgetStatus.daily.used;
    const res = await runAgent(env.app, t.ownerKey, { agent: slug, message: 'So what do we do next?', history });
    const sent = env.upstream.requests.slice(before);
    expect(sent.filter(isSummary)).toHaveLength(1);
    const main = sent.find((r) => !isSummary(r))!;
    const contents = main.messages.map((m) => String(m.content));
    expect(
      contents.some((c) => c.includes('Summary of our earlier conversation: They discussed the Q3 launch plan.')),
    ).toBe(true);
    expect(contents.some((c) => c.startsWith('Turn 0:'))).toBe(false);
    expect(contents.some((c) => c.startsWith('Turn 11:'))).toBe(true);
    const usedAfter = (await ok(env.app, USED, {}, t.ownerKey)).budgetStatus.daily.used;
    expect(usedAfter - usedBefore).toBe(res.run.usage.totalTokens);
    expect(res.run.usage.totalTokens).toBe(412 + 150);
    expect(res.run.sideCalls).toMatchObject([
      { kind: 'SUMMARY', model: { id: 'openai/gpt-4o-mini' }, usage: { totalTokens: 412 } },
    ]);
  });
});
