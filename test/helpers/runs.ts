import type { RunRequest } from '../../src/agents/index.js';
import type { TenantContext } from '../../src/context.js';
import { eq, sql } from 'drizzle-orm';
import { plans, tenants, type PlanRow } from '../../src/db/schema/index.js';
import { newId } from '../../src/lib/ids.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Logger } from '../../src/lib/logger.js';
import { sharedApp, startApp, type TestApp } from './app.js';
import { afterAll, beforeAll } from 'vitest';
import { startUpstream, type Upstream } from './openai-server.js';
import { gql, ok, unique, type Tenant } from './graphql.js';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../__generated__/gql.js';
import type { CreateAgentInput, RunAgentInput } from '../__generated__/graphql.js';

// The run record every runAgent result carries: spread by name, codegen adds its definition.
graphql(`
  fragment AgentRunFields on AgentRun {
    id
    status
    cached
    degradations
    toolCalls
    costUsd
    savedCostUsd
    durationMs
    createdAt
    agent {
      id
      slug
    }
    user {
      id
    }
    model {
      id
      tier
    }
    route {
      strategy
      complexity
      confidence
      reason
      tier
      score
      threshold
    }
    usage {
      inputTokens
      outputTokens
      cachedInputTokens
      totalTokens
    }
    sideCalls {
      kind
      model {
        id
      }
      usage {
        inputTokens
        outputTokens
        totalTokens
      }
      costUsd
    }
  }
`);

export const RUN = graphql(`
  mutation RunAgent($input: RunAgentInput!) {
    runAgent(input: $input) {
      __typename
      ... on AgentRunCompleted {
        output
        run {
          ...AgentRunFields
        }
      }
      ... on BudgetExceeded {
        code
        message
        window
        unit
        limit
        used
        resetsAt
        upgradeOptions {
          key
        }
        canUpgrade
        partialOutput
        run {
          ...AgentRunFields
        }
      }
      ... on RunLimitExceeded {
        code
        message
        kind
        partialOutput
        run {
          ...AgentRunFields
        }
      }
      ... on ProviderUnavailable {
        code
        message
        retryAfterSeconds
        run {
          ...AgentRunFields
        }
      }
    }
  }
`);

export type RunResult = ResultOf<typeof RUN>['runAgent'];
/** One member of the result union, for a test that knows (and asserts) which one it gets. */
export type RunOf<T extends RunResult['__typename']> = Extract<RunResult, { __typename: T }>;

export async function runAgent(app: TestApp, key: string, input: RunAgentInput): Promise<RunResult> {
  const data = await ok(app, RUN, { input }, key);
  return data.runAgent;
}

export const runAgentRaw = (app: TestApp, key: string, input: RunAgentInput) => gql(app, RUN, { input }, key);

/**
 * Puts the tenant on a plan of its own (a copy of `base` with overrides), so a test can shrink
 * limits without touching the plans other tests use.
 */
export async function usePlan(
  app: TestApp,
  tenantId: string,
  base: string,
  overrides: Partial<PlanRow> = {},
): Promise<PlanRow> {
  const db = app.runtime.database.db;
  const [from] = await db.select().from(plans).where(eq(plans.key, base));
  const [row] = await db
    .insert(plans)
    .values({
      ...from!,
      id: newId('plan'),
      key: unique(`test-${base}-`),
      rank: from!.rank,
      ...overrides,
      createdAt: sql`now()` as never,
    })
    .returning();
  await db.update(tenants).set({ planId: row!.id }).where(eq(tenants.id, tenantId));
  app.runtime.deps.plans.invalidate();
  return row!;
}

const OPENAI_AGENT = graphql(`
  mutation OpenaiAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      slug
    }
  }
`);

/** An agent on the OpenAI models of the catalog (served by the test's local upstream). */
export async function openaiAgent(app: TestApp, t: Tenant, input: Partial<CreateAgentInput> = {}): Promise<string> {
  const res = await ok(
    app,
    OPENAI_AGENT,
    {
      input: {
        name: unique('Agent '),
        instructions: 'You are terse.',
        cheapModel: 'openai/gpt-4o-mini',
        strongModel: 'openai/gpt-4o',
        ...input,
      },
    },
    t.ownerKey,
  );
  return res.createAgent.slug;
}

/** A local upstream and a server whose `openai` provider points at it, over the run's database. */
async function startUpstreamApp(
  options: { env?: Record<string, string>; clock?: Clock; random?: () => number; log?: Logger } = {},
) {
  const upstream = await startUpstream();
  const app = await startApp({
    env: { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'test-key', ...options.env },
    clock: options.clock,
    random: options.random,
    log: options.log,
    database: (await sharedApp()).runtime.database,
  });
  return {
    upstream,
    app,
    async close() {
      await app.close();
      await upstream.close();
    },
  };
}

/**
 * For a describe block: starts a local upstream and its server before the tests, closes them after.
 * Read `app` and `upstream` inside hooks and tests (they exist once the block's hooks have run).
 */
export function useUpstreamApp(options: Parameters<typeof startUpstreamApp>[0] = {}): {
  readonly app: TestApp;
  readonly upstream: Upstream;
} {
  let env: Awaited<ReturnType<typeof startUpstreamApp>> | undefined;
  beforeAll(async () => {
    env = await startUpstreamApp(options);
  });
  afterAll(async () => {
    await env?.close();
  });
  return {
    get app() {
      return env!.app;
    },
    get upstream() {
      return env!.upstream;
    },
  };
}

/** A verb's context for a key, as a door builds it: for tests that call the pipeline directly. */
export async function tenantCtx(app: TestApp, key: string): Promise<TenantContext> {
  const actor = await app.runtime.deps.keys.authenticate(key);
  return { deps: app.runtime.deps, requestId: unique('req'), log: app.runtime.deps.log, actor };
}

/** A GraphQL-shaped request in the pipeline's terms. */
export const request = (message: string, extra: Partial<RunRequest> = {}): RunRequest => ({
  agent: 'assistant',
  messages: [{ role: 'user', content: message }],
  cache: 'USE',
  routing: 'AUTO',
  ...extra,
});
