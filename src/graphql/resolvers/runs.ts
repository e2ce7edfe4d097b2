import {
  listAgentRuns,
  rateRun,
  runOutcomes,
  routePreview,
  runAgent,
  streamAgentRun,
  type RunStreamEvent,
} from '../../agents/index.js';
import { microsToUsd } from '../../pricing/index.js';
import { tenantContext, type GraphQLContext } from '../context.js';
import { internalError } from './shared.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';

export const runResolvers: Resolvers = {
  Query: {
    agentRuns: (_, args, ctx) => listAgentRuns({ ctx: tenantContext(ctx), input: args }),
    routePreview: (_, args, ctx) => routePreview({ ctx: tenantContext(ctx), input: args }),
    runOutcomes: (_, args, ctx) => runOutcomes({ ctx: tenantContext(ctx), input: args }),
  },
  Mutation: {
    rateRun: (_, { input }, ctx) => rateRun({ ctx: tenantContext(ctx), input }),
    runAgent: async (_, { input }, ctx) => {
      const result = await runAgent({ ctx: tenantContext(ctx), input });
      Object.assign(ctx.logFields, { runId: result.run.id, outcome: result.run.status });
      return result;
    },
  },
  Subscription: {
    runAgentEvents: {
      subscribe: (_, { input }, ctx) =>
        streamAgentRun({ ctx: tenantContext(ctx), input, signal: ctx.signal }) as AsyncIterable<never>,
      resolve: (event: RunStreamEvent, _: unknown, ctx: GraphQLContext) => {
        if (event.__typename === 'RunError') throw event.error;
        if (event.__typename === 'RunFinished') {
          Object.assign(ctx.logFields, { runId: event.result.run.id, outcome: event.result.run.status });
        }
        return event;
      },
    },
  },
  AgentRun: {
    agent: async (r, _, ctx) =>
      (await ctx.loaders.agent.load({ tenantId: r.tenantId, id: r.agentId })) ?? internalError('run without agent'),
    user: async (r, _, ctx) => (r.userId ? ctx.loaders.user.load({ tenantId: r.tenantId, id: r.userId }) : null),
    model: async (r, _, ctx) => (r.modelId ? ((await ctx.deps.models.byId(r.modelId)) ?? null) : null),
    degradations: (r) => r.degradations as ('CHEAPER_MODEL' | 'SHORTER_RESPONSE')[],
    usage: (r) => ({
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      cachedInputTokens: r.cachedInputTokens,
      totalTokens: r.inputTokens + r.outputTokens,
    }),
    costUsd: (r) => microsToUsd(r.costMicros),
    savedCostUsd: (r) => microsToUsd(r.savedCostMicros),
    calls: async (r, _, ctx) => {
      const model = async (id: string | null) => (id ? ((await ctx.deps.models.byId(id)) ?? null) : null);
      const usage = (u: { inputTokens: number; outputTokens: number; cachedInputTokens: number }) => ({
        inputTokens: u.inputTokens,
        outputTokens: u.outputTokens,
        cachedInputTokens: u.cachedInputTokens,
        totalTokens: u.inputTokens + u.outputTokens,
      });
      const calls = Object.entries(r.calls ?? {}).sort(([, a], [, b]) => a.at.localeCompare(b.at));
      // A run of one call is its own call.
      if (!calls.length)
        return [
          {
            id: r.id,
            at: r.createdAt,
            status: r.status,
            model: await model(r.modelId),
            toolCalls: r.toolCalls,
            usage: usage(r),
            costUsd: microsToUsd(r.costMicros),
          },
        ];
      return Promise.all(
        calls.map(async ([id, c]) => ({
          id,
          at: c.at,
          status: c.status,
          model: await model(c.modelId),
          toolCalls: c.toolCalls,
          usage: usage(c),
          costUsd: microsToUsd(c.costMicros),
        })),
      );
    },
    rating: async (r, _, ctx) => (await ctx.loaders.rating.load({ tenantId: r.tenantId, id: r.id }))?.rating ?? null,
    ratingComment: async (r, _, ctx) =>
      (await ctx.loaders.rating.load({ tenantId: r.tenantId, id: r.id }))?.comment ?? null,
    sideCalls: (r, _, ctx) =>
      Promise.all(
        r.sideCalls.map(async (c) => ({
          kind: c.kind,
          model: (await ctx.deps.models.byId(c.modelId)) ?? null,
          usage: {
            inputTokens: c.inputTokens,
            outputTokens: c.outputTokens,
            cachedInputTokens: c.cachedInputTokens,
            totalTokens: c.inputTokens + c.outputTokens,
          },
          costUsd: microsToUsd(c.costMicros),
        })),
      ),
  },
  BudgetExceeded: {
    resetsAt: (b) => b.resetsAt,
  },
  RoutePreview: {
    model: (p) => p.decision.model,
  },
  // Runs recorded before scores: their verdict as a score of 1 or 0 against 0.5.
  RouteDecision: {
    score: (r) => r.score ?? (r.complexity === 'COMPLEX' ? 1 : 0),
    threshold: (r) => r.threshold ?? 0.5,
  },
};
