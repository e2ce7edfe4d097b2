import { spawn } from 'node:child_process';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { eventually } from '../helpers/eventually.js';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN_TOKEN, TEST_SECRETS_KEY } from '../helpers/app.js';
import { freePort } from '../helpers/scratch.js';
import { graphql } from '../__generated__/gql.js';

const services = Boolean(inject('databaseUrl') && inject('redisUrl'));

const SIGN_UP = graphql(`
  mutation ClusterSignUp {
    createTenant(input: { name: "Cluster", ownerEmail: "c@example.com" }) {
      secret
    }
  }
`);
const RUN = graphql(`
  mutation ClusterRun($message: String!) {
    runAgent(input: { agent: "assistant", message: $message }) {
      __typename
    }
  }
`);

/** WORKERS=2: two processes share the port, the state lives in Postgres and Redis, metrics add up. */
describe.skipIf(!services)('a cluster of workers', () => {
  it('serves from several processes, reports cluster-wide metrics, and stops on SIGTERM', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        METRICS_TOKEN: 'cluster-metrics-token-0123456789',
        SECRETS_KEY: TEST_SECRETS_KEY,
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: inject('redisPrefix'),
        PORT: String(port),
        ADMIN_TOKEN,
        WORKERS: '2',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (
        let i = 0;
        !(await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      ) {
        if (i > 300) throw new Error('never ready');
        await new Promise((r) => setTimeout(r, 50));
      }
      const gql = async <R, V>(document: TypedDocumentNode<R, V>, variables: NoInfer<V>, key: string) =>
        (await (
          await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, connection: 'close' },
            body: JSON.stringify({ query: print(document), variables }),
          })
        ).json()) as { data: R };
      const signup = await gql(SIGN_UP, {}, ADMIN_TOKEN);
      const key = signup.data.createTenant.secret;
      // New connections are spread over the workers: every one of them can serve the tenant.
      for (let i = 0; i < 6; i++) {
        const res = await gql(RUN, { message: `hello ${i}` }, key);
        expect(res.data.runAgent.__typename).toBe('AgentRunCompleted');
      }
      // Connections were spread round-robin: only a sum over both workers makes 6. The primary
      // gathers the workers' registries; on a loaded machine a gathering can time out, so poll.
      let completed = NaN;
      let last = '';
      await eventually(async () => {
        const res = await fetch(`${base}/metrics`, {
          headers: { authorization: 'Bearer cluster-metrics-token-0123456789' },
        });
        const text = await res.text();
        last = `${res.status} ${text.slice(0, 500)}`;
        completed = Number(/governor_runs_total\{status="COMPLETED"\} (\d+)/.exec(text)?.[1]);
        return completed === 6;
      }, 'cluster-wide metrics').catch(() => undefined);
      expect(completed, last).toBe(6);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
