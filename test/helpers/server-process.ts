import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import { ADMIN_TOKEN, TEST_SECRETS_KEY } from './app.js';
import { eventually } from './eventually.js';
import { freePort } from './scratch.js';

/** A Governor process of its own (`src/main.ts`) over the run's Postgres and Redis. */
export type Server = {
  child: ChildProcess;
  base: string;
  /** What it wrote to stdout (its log, at LOG_LEVEL). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const RUN = `mutation CrashRun($m: String!) {
  runAgent(input: { agent: "assistant", message: $m, maxOutputTokens: 32 }) {
    __typename
    ... on AgentRunCompleted { run { id } }
  }
}`;

export async function server(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      SECRETS_KEY: TEST_SECRETS_KEY,
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_KEY_PREFIX: inject('redisPrefix'),
      PORT: String(port),
      ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      ALERT_POLL_MS: '3600000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  const exited = new Promise<Awaited<Server['exited']>>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  await eventually(
    () =>
      fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ),
    'the server to be ready',
    60_000,
  );
  return { child, base, lines, exited };
}

/** What one runAgent over HTTP came to: the run's id once acknowledged (completed), or the error's code. */
export type Attempt = { id?: string; typename?: string; code?: string; reason?: string };

export async function attempt(target: { base: string }, key: string, message: string): Promise<Attempt> {
  const res = await fetch(`${target.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: RUN, variables: { m: message } }),
  });
  const body = (await res.json()) as {
    data?: { runAgent: { __typename: string; run?: { id: string } } } | null;
    errors?: { extensions?: { code?: string; reason?: string } }[];
  };
  const result = body.data?.runAgent;
  if (result?.__typename === 'AgentRunCompleted') return { id: result.run!.id, typename: result.__typename };
  const ext = body.errors?.[0]?.extensions;
  return { typename: result?.__typename, code: ext?.code, reason: ext?.reason };
}

/** One runAgent over HTTP: the run's id once it is acknowledged (completed), else undefined. */
export async function run(target: { base: string }, key: string, message: string): Promise<string | undefined> {
  return (await attempt(target, key, message)).id;
}
