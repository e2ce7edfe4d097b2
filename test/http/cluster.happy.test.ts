import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { eventually } from '../helpers/eventually.js';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { server as worker } from '../helpers/server-process.js';
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
    const server = await worker({
      NODE_ENV: 'production',
      METRICS_TOKEN: 'cluster-metrics-token-0123456789',
      WORKERS: '2',
      LOG_LEVEL: 'silent',
    });
    try {
      const base = server.base;
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
      server.child.kill('SIGTERM');
    }
    expect((await server.exited).code).toBe(0);
  });
});
