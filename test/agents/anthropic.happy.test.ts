import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, startApp, type TestApp } from '../helpers/app.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { runAgent, usePlan } from '../helpers/runs.js';
import { graphql } from '../__generated__/gql.js';

const CREATE_CLAUDE = graphql(`
  mutation AnthropicAgent {
    createAgent(
      input: {
        name: "Claude"
        slug: "claude"
        instructions: "You are the Acme agent."
        routing: FIXED_STRONG
        cheapModel: "anthropic/claude-haiku-4-5"
        strongModel: "anthropic/claude-sonnet-4-5"
        cacheTtlSeconds: 0
      }
    ) {
      id
    }
  }
`);
const PRICES = graphql(`
  query AnthropicPrices {
    models {
      id
      inputPricePerMTokUsd
      outputPricePerMTokUsd
      cachedInputPricePerMTokUsd
    }
  }
`);

/** The real Anthropic provider over real HTTP to a local stand-in for the Messages API. */
describe('Anthropic prompt caching', () => {
  const bodies: any[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: [{ type: 'text', text: 'Cached hello.' }],
          stop_reason: 'end_turn',
          stop_sequence: null,
          usage: {
            input_tokens: 500,
            output_tokens: 300,
            cache_read_input_tokens: 1_500,
            cache_creation_input_tokens: 0,
          },
        }),
      );
    });
  });
  let app: TestApp;
  let t: Tenant;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    app = await startApp({
      env: { ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}/v1` },
      database: (await sharedApp()).runtime.database,
    });
    t = await signUp(app);
    await usePlan(app, t.tenantId, 'growth');
  });
  afterAll(async () => {
    await app.close();
    server.close();
  });

  it('marks the instructions as a cacheable prefix and prices cached input at the cached rate', async () => {
    await ok(app, CREATE_CLAUDE, {}, t.ownerKey);
    const res = await runAgent(app, t.ownerKey, { agent: 'claude', message: 'Hello?' });
    expect(bodies.at(-1).system).toEqual([
      { type: 'text', text: 'You are the Acme agent.', cache_control: { type: 'ephemeral' } },
    ]);
    expect(res.run.usage).toEqual({
      inputTokens: 2_000,
      outputTokens: 300,
      cachedInputTokens: 1_500,
      totalTokens: 2_300,
    });
    const { models } = await ok(app, PRICES, {}, t.ownerKey);
    const m = models.find((x) => x.id === 'anthropic/claude-sonnet-4-5')!;
    // 500 uncached + 1,500 cached input + 300 output, per million tokens, rounded up to the micro-dollar.
    const micros = Math.ceil(
      500 * m.inputPricePerMTokUsd + 1_500 * m.cachedInputPricePerMTokUsd! + 300 * m.outputPricePerMTokUsd,
    );
    expect(res.run.costUsd).toBe(micros / 1e6);
    expect(m.cachedInputPricePerMTokUsd).toBeLessThan(m.inputPricePerMTokUsd);
  });
});
