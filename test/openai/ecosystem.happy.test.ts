import { spawn } from 'node:child_process';
import { ChatOpenAI } from '@langchain/openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Tenant } from '../helpers/graphql.js';
import { reply } from '../helpers/openai-server.js';
import { openaiAgent, useUpstreamApp } from '../helpers/runs.js';

/** Agent frameworks that speak Chat Completions, pointed at Governor. */
describe('agent frameworks through the OpenAI-compatible door', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  let slug: string;
  beforeAll(async () => {
    t = await signUp(env.app);
    slug = await openaiAgent(env.app, t, { cacheTtlSeconds: 0 });
    env.upstream.handle((req) =>
      req.messages.some((m) => m.role === 'tool')
        ? reply.text(req, 'It is sunny in Paris.')
        : req.tools?.length
          ? reply.toolCall(req, 'get_weather', { city: 'Paris' })
          : reply.text(req, 'Hello from Governor.'),
    );
  });

  it("LangChain's ChatOpenAI invokes an agent", async () => {
    const llm = new ChatOpenAI({
      model: slug,
      apiKey: t.ownerKey,
      configuration: { baseURL: `${env.app.url}/v1` },
      maxRetries: 0,
    });
    const answer = await llm.invoke('Say hello.');
    expect(answer.content).toBe('Hello from Governor.');
  });

  it("the README's Agents SDK snippet, with NODE_ENV=production, talks to Governor and nothing else", async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/agents-snippet.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        GOVERNOR_URL: env.app.url,
        GOVERNOR_KEY: t.ownerKey,
        GOVERNOR_AGENT: slug,
        OPENAI_API_KEY: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const { output, connected } = JSON.parse(out.trim().split('\n').at(-1)!) as { output: string; connected: string[] };
    expect(output).toBe('It is sunny in Paris.');
    expect(connected).toEqual([new URL(env.app.url).host]);
  }, 60_000);
});
