/**
 * A demo tenant with a month's kind of workload, made through Governor's own GraphQL API (as a
 * customer would): a few users and agents, runs of every kind (easy and hard questions, repeats
 * the cache answers, a user near and past a small limit), ratings and an alert. Used by
 * `npm run screenshots` and the dashboard's load benchmark.
 */
import { randomBytes } from 'node:crypto';
import { compose, type Runtime } from '../src/main.js';
import { loadConfig } from '../src/config.js';

export type Demo = { url: string; runtime: Runtime; ownerKey: string; close(): Promise<void> };

async function call<T>(url: string, key: string | undefined, query: string, variables: object = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0]!.message);
  return body.data!;
}

const EASY = ['What time zone is Lisbon in?', 'Say hello to the team.', 'Translate "thank you" into German.'];
const HARD = [
  'Prove that the square root of 2 is irrational, step by step.',
  'Design a rate limiter for a multi-region API and explain its failure modes.',
  'Debug this: TypeError: cannot read properties of undefined (reading "map") in a React list.',
];

/** An embedded Governor (PGlite in memory, process store, the sim provider) on a free port, seeded. */
export async function startDemo(options: { runs: number; concurrency?: number }): Promise<Demo> {
  const config = loadConfig({
    DATA_DIR: 'memory://',
    // A key of its own, so that nothing is written to disk (an embedded start saves one in DATA_DIR).
    SECRETS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error',
    SIGNUP: 'open',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const runtime = await compose(config);
  const url = await runtime.http.listen({ host: '127.0.0.1', port: 0 });
  const signup = await call<{ createTenant: { secret: string } }>(
    url,
    undefined,
    `mutation { createTenant(input: { name: "Acme Support", ownerEmail: "dana@acme.example", ownerName: "Dana Owner" }) { secret } }`,
  );
  const owner = signup.createTenant.secret;
  const people = [
    ['ana@acme.example', 'Ana Ruiz'],
    ['ben@acme.example', 'Ben Okafor'],
    ['chen@acme.example', 'Chen Wei'],
  ];
  const keys = [owner];
  const userIds: string[] = [];
  for (const [email, name] of people) {
    const user = await call<{ createUser: { id: string } }>(
      url,
      owner,
      `mutation($e: String!, $n: String!) { createUser(input: { email: $e, name: $n, role: MEMBER }) { id } }`,
      { e: email, n: name },
    );
    userIds.push(user.createUser.id);
    const key = await call<{ createApiKey: { secret: string } }>(
      url,
      owner,
      `mutation($u: ID!) { createApiKey(input: { name: "laptop", kind: USER, userId: $u }) { secret } }`,
      { u: user.createUser.id },
    );
    keys.push(key.createApiKey.secret);
  }
  await call(
    url,
    owner,
    `mutation { createAgent(input: { name: "Code helper", slug: "code-helper", instructions: "Help with code, briefly." }) { id } }`,
  );
  const agents = ['assistant', 'code-helper'];
  // Ben has a small daily limit: near it, then past it (degraded and refused runs).
  await call(url, owner, `mutation($u: ID!) { setUserBudget(input: { userId: $u, dailyTokenLimit: 1500 }) { id } }`, {
    u: userIds[1],
  });
  const runIds: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.runs; i = next++) {
      const hard = i % 4 === 0;
      // Every fifth question repeats one asked before: the response cache answers it.
      const pool = hard ? HARD : EASY;
      const message = i % 5 === 0 ? pool[0]! : `${pool[i % pool.length]} (${i})`;
      const res = await call<{ runAgent: { run: { id: string } } }>(
        url,
        keys[i % keys.length],
        `mutation($a: String!, $m: String!) { runAgent(input: { agent: $a, message: $m, maxOutputTokens: 200 }) {
          ... on AgentRunCompleted { run { id } } ... on BudgetExceeded { run { id } } } }`,
        { a: agents[i % agents.length], m: message },
      );
      if (res.runAgent.run) runIds.push(res.runAgent.run.id);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  for (const [i, id] of runIds.slice(0, 12).entries()) {
    await call(url, owner, `mutation($r: ID!, $g: RunRating!) { rateRun(input: { runId: $r, rating: $g }) { id } }`, {
      r: id,
      g: i % 3 === 0 ? 'BAD' : 'GOOD',
    });
  }
  await call(url, owner, `mutation { rotateAlertSigningSecret { createdAt } }`);
  await call(url, owner, `mutation { updateTenant(input: { alertWebhookUrl: "http://127.0.0.1:9/alerts" }) { id } }`);
  await call(url, owner, `mutation { testAlertWebhook { id } }`);
  await runtime.deps.outbox.flush();
  await runtime.deps.outbox.watched();
  return { url, runtime, ownerKey: owner, close: () => runtime.close() };
}
