/**
 * npm run bench: Governor against the real Postgres (DATABASE_URL) and a Redis of its own (a
 * redis-server it starts on a free port; REDIS_URL only where it cannot), with a local
 * OpenAI-compatible upstream that answers at once. Drives runAgent with autocannon (cache hit,
 * cache miss and budget refusal over GraphQL, hit and miss over the OpenAI door), beside the
 * upstream alone (the baseline) and a bare pass-through proxy in its own process (the floor of any
 * Node gateway), at 1 and 50 connections. Prints requests/s, p50/p99, overhead over the baseline,
 * CPU per request of the server (or proxy) and of its Redis and Postgres backends, the CPU stolen
 * or used by other programs during each run (after waiting for a quiet machine), and Governor's
 * own in-process time from /metrics. Then streams: time to the first token and to the end, from
 * the upstream alone and through both streaming doors.
 * Writes bench/results/<time>.json and bench/results/latest.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { connect as netConnect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { reply, startUpstream } from '../test/helpers/openai-server.js';
import {
  createScratchDatabase,
  dropScratchDatabase,
  freePort,
  runId,
  unlinkByPrefix,
} from '../test/helpers/scratch.js';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error('npm run bench needs DATABASE_URL (a Postgres to measure against).');
  process.exit(2);
}
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
// BENCH_WARMUP_SECONDS: how long each scenario runs, unmeasured, before any is measured (0 for a profile).
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 6);
if (!Number.isFinite(WARM_UP_SECONDS) || WARM_UP_SECONDS < 0) {
  console.error('BENCH_WARMUP_SECONDS must be a number of seconds, e.g. 6 (0: no warm-up pass).');
  process.exit(2);
}
const WORKERS = process.env.WORKERS ?? '2';
// BENCH_CONNECTIONS: the connection counts to run, e.g. '1' for a profile of one request at a time.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,50').split(',').map(Number);
if (!CONNECTIONS.every((c) => Number.isInteger(c) && c > 0)) {
  console.error('BENCH_CONNECTIONS must be connection counts separated by commas, e.g. 1,50.');
  process.exit(2);
}
// BENCH_ONLY: a pattern of the scenarios to run (the baselines always run), e.g. 'hit' for a profile.
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const chosen = (name: string) => !ONLY || ONLY.test(name) || /baseline|bare proxy/.test(name);

const id = runId();
const dbName = `governor_bench_${id}`;
const prefix = `governor-bench:${id}:`;
const benchDbUrl = await createScratchDatabase(DATABASE_URL, dbName);

// A Redis of the bench's own, on a free port, so that other programs' traffic does not blur it
// (REDIS_URL is used instead only where redis-server cannot be started).
const ownRedis = await startRedis();
const REDIS_URL = ownRedis?.url ?? process.env.REDIS_URL;
if (!REDIS_URL) {
  console.error('npm run bench needs redis-server on the PATH, or REDIS_URL.');
  process.exit(2);
}

const upstream = await startUpstream();
upstream.handle((req) => reply.text(req, 'The answer is 42.', { prompt: 60, completion: 12 }));
const port = await freePort();
const adminToken = randomBytes(24).toString('hex');
const metricsToken = randomBytes(24).toString('hex');
// BENCH_NODE_ARGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=prof` (with WORKERS=1).
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: benchDbUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_TOKEN: adminToken,
    METRICS_TOKEN: metricsToken,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    SIGNUP: 'closed',
    OPENAI_BASE_URL: upstream.url,
    OPENAI_API_KEY: 'bench',
    LOG_LEVEL: 'warn',
    WORKERS,
    // The load is one key: its rate limit would be the thing measured.
    RATE_LIMIT_PER_MINUTE: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

/** A bare pass-through proxy in its own process: the floor of any Node gateway, measured alike. */
const proxyPort = await freePort();
const proxy = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-proxy.ts', String(proxyPort), upstream.url], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
const proxyBase = `http://127.0.0.1:${proxyPort}`;

async function startRedis(): Promise<{ url: string; pid: number; stop(): Promise<void> } | undefined> {
  const redisPort = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const started = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('spawn', () => resolve(true));
  });
  if (!started) return undefined;
  const url = `redis://127.0.0.1:${redisPort}`;
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = netConnect(redisPort, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

async function cleanup() {
  // A server that already exited (a bad configuration, say) has nothing left to wait for.
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  proxy.kill('SIGTERM');
  await upstream.close();
  await dropScratchDatabase(DATABASE_URL!, dbName);
  if (ownRedis) await ownRedis.stop();
  else await unlinkByPrefix(REDIS_URL!, prefix);
}

try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (server.exitCode !== null) throw new Error(`Governor exited (code ${server.exitCode}) before it was ready`);
    if (i > 300) throw new Error('Governor never became ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const gql = async (query: string, variables: unknown, key: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  // A tenant on the business plan, an agent on the upstream's models, and a user with no budget left.
  const signup = await gql(
    'mutation { createTenant(input: { name: "Bench", ownerEmail: "bench@example.com" }) { tenant { id } owner { id } secret } }',
    {},
    adminToken,
  );
  const ownerKey = signup.createTenant.secret as string;
  const db = new pg.Client({ connectionString: benchDbUrl });
  await db.connect();
  await db.query(`update tenants set plan_id = (select id from plans where key = 'business') where id = $1`, [
    signup.createTenant.tenant.id,
  ]);
  await db.end();
  await gql(
    'mutation { createAgent(input: { name: "Bench", slug: "bench", instructions: "Answer briefly.", routing: FIXED_CHEAP, cheapModel: "openai/gpt-4o-mini", strongModel: "openai/gpt-4o" }) { id } }',
    {},
    ownerKey,
  );
  // The tenant's backend calls with a service key (the tenant's pool applies, not one user's day).
  const key = (
    await gql('mutation { createApiKey(input: { name: "backend", kind: SERVICE }) { secret } }', {}, ownerKey)
  ).createApiKey.secret as string;
  const broke = await gql('mutation { createUser(input: { email: "broke@example.com" }) { id } }', {}, ownerKey);
  await gql(
    'mutation($u: ID!) { setUserBudget(input: { userId: $u, dailyTokenLimit: 0 }) { id } }',
    { u: broke.createUser.id },
    ownerKey,
  );
  const brokeKey = (
    await gql(
      'mutation($u: ID) { createApiKey(input: { name: "b", kind: USER, userId: $u }) { secret } }',
      { u: broke.createUser.id },
      ownerKey,
    )
  ).createApiKey.secret;
  // Plans and lookups are cached per worker after a few requests; the first seconds are not measured.

  const RUN = 'mutation($input: RunAgentInput!) { runAgent(input: $input) { __typename } }';
  const body = (message: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ query: RUN, variables: { input: { agent: 'bench', message, maxOutputTokens: 256, ...extra } } });
  let miss = 0;
  const chat = (message: string) =>
    JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: message }], max_tokens: 256 });
  type Scenario = { name: string; url: string; headers: Record<string, string>; body: () => string; expect: string };
  // What the baselines send straight to the upstream (alone, and through the bare proxy).
  const direct = () =>
    JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What is the answer?' }],
      max_tokens: 1024,
    });
  const scenarios: Scenario[] = [
    {
      name: 'baseline (upstream alone)',
      url: `${upstream.url}/chat/completions`,
      headers: { 'content-type': 'application/json' },
      expect: 'chat.completion',
      body: direct,
    },
    {
      name: 'bare proxy (no controls)',
      url: `${proxyBase}/v1/chat/completions`,
      headers: { 'content-type': 'application/json' },
      expect: 'chat.completion',
      body: direct,
    },
    {
      name: 'cache hit',
      url: `${base}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      expect: 'AgentRunCompleted',
      body: () => body('What is the answer?'),
    },
    {
      name: 'cache miss',
      url: `${base}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      expect: 'AgentRunCompleted',
      body: () => body(`What is the answer to question ${id}-${miss++}?`),
    },
    {
      name: 'OpenAI door, cache hit',
      url: `${base}/v1/chat/completions`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      expect: 'chat.completion',
      body: () => chat('What is the answer?'),
    },
    {
      name: 'OpenAI door, cache miss',
      url: `${base}/v1/chat/completions`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      expect: 'chat.completion',
      body: () => chat(`What is the answer to question ${id}-${miss++}?`),
    },
    // A cached answer costs nothing and is served whatever the budget: the refusal skips the cache.
    {
      name: 'budget refusal',
      url: `${base}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${brokeKey}` },
      expect: 'BudgetExceeded',
      body: () => body('What is the answer?', { cache: 'BYPASS' }),
    },
  ];

  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  const children = () => {
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)])
        .toString()
        .split('\n')
        .map(Number)
        .filter(Boolean);
    } catch {
      return []; // no workers: one process
    }
  };
  const serverPids = () => [server.pid!, ...children()];
  /** Each process's CPU seconds so far (one that has exited is missing). */
  const cpuSeconds = (pids: number[]) => {
    const out = new Map<number, number>();
    for (const pid of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        out.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      } catch {
        // exited
      }
    }
    return out;
  };
  /** CPU seconds the processes of `before` used since, those that exited meanwhile left out. */
  const cpuSince = (before: Map<number, number>) => {
    let sum = 0;
    for (const [pid, now] of cpuSeconds([...before.keys()])) sum += now - before.get(pid)!;
    return sum;
  };
  const pct = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

  // The stores' share of a request: the bench's own Redis, and the Postgres backends of its database.
  const stats = new pg.Client({ connectionString: benchDbUrl });
  await stats.connect();
  /**
   * Transactions committed in the bench's database so far (a statement outside a transaction is
   * one), as Postgres's statistics have them: each backend reports at most once a second, so the
   * figure per scenario is approximate (a backend gone idle may report its last second later).
   */
  const pgCommits = async () => {
    await stats.query('select pg_stat_clear_snapshot()');
    const { rows } = await stats.query<{ n: string }>(
      'select xact_commit as n from pg_stat_database where datname = current_database()',
    );
    return Number(rows[0]!.n);
  };
  const storePids = async () => {
    const { rows } = await stats.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return [...(ownRedis ? [ownRedis.pid] : []), ...rows.map((r) => r.pid)];
  };
  /** The machine's CPU time so far: busy and stolen seconds, from /proc/stat. */
  const machineCpu = () => {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = f as number[];
    return { busy: (user! + nice! + system! + irq! + softirq! + steal!) / ticks, steal: steal! / ticks };
  };
  const ownCpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  /** Waits (up to 30 s) for a machine that other programs leave mostly idle; says so if it never is. */
  const quiet = async () => {
    for (let i = 0; i < 30; i++) {
      const [m0, o0] = [machineCpu(), ownCpu()];
      await new Promise((r) => setTimeout(r, 1000));
      const busy = (machineCpu().busy - m0.busy - (ownCpu() - o0)) / cpus().length;
      if (busy < 0.15) return busy;
      if (i === 29) console.warn(`the machine never became quiet: ${Math.round(busy * 100)}% busy with other work`);
    }
    return NaN;
  };
  /** A scenario's load for autocannon: each request with a body of its own. */
  const load = (
    scenario: Scenario,
    connections: number,
    duration: number,
    onResponse?: autocannon.Request['onResponse'],
  ): autocannon.Options => {
    const request: autocannon.Request = { setupRequest: (r) => ({ ...r, body: scenario.body() }), onResponse };
    return { url: scenario.url, method: 'POST', headers: scenario.headers, connections, duration, requests: [request] };
  };
  // A fresh server compiles its hot code for its first ~10,000 requests (at 1 connection the first
  // 10 s of a scenario, measured at a fifth more CPU per request): a gateway runs for days, so the
  // figures are of one whose JIT has settled. Every chosen scenario but the upstream alone (it runs
  // in this process, warm from the start) first runs unmeasured: Governor's and the bare proxy's.
  for (const scenario of scenarios.filter((sc) => chosen(sc.name) && !sc.url.startsWith(upstream.url))) {
    await autocannon(load(scenario, 50, WARM_UP_SECONDS));
  }
  const idleBefore = await quiet();
  /**
   * Commands the bench's own Redis has run so far (NaN on a shared Redis, where others' count too):
   * all of them, the commands scripts run included, and the scripts alone (each one round trip).
   */
  const redisStats = ownRedis ? new Redis(ownRedis.url) : undefined;
  const redisCalls = async () => {
    if (!redisStats) return { all: NaN, scripts: NaN };
    const info = await redisStats.info('commandstats');
    let all = 0;
    let scripts = 0;
    for (const [, name, calls] of info.matchAll(/cmdstat_([\w|]+):calls=(\d+)/g)) {
      all += Number(calls);
      if (/^(eval|evalsha|fcall)$/.test(name!)) scripts += Number(calls);
    }
    return { all, scripts };
  };

  /** The overhead histogram's cumulative buckets, by outcome, as one worker reports them. */
  const scrape = async () => {
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    ).text();
    const out: Record<string, Map<number, number>> = {};
    for (const m of text.matchAll(/governor_runagent_overhead_seconds_bucket\{([^}]*)\} (\d+)/g)) {
      const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      (out[labels.outcome!] ??= new Map()).set(labels.le === '+Inf' ? Infinity : Number(labels.le), Number(m[2]));
    }
    return out;
  };
  /** A quantile of what was observed between two scrapes (a bucket's upper bound, in ms). */
  const quantile = (before: Map<number, number> | undefined, after: Map<number, number> | undefined, q: number) => {
    if (!after) return NaN;
    const les = [...after.keys()].sort((a, b) => a - b);
    const delta = les.map((le) => [le, after.get(le)! - (before?.get(le) ?? 0)] as const);
    const total = delta.at(-1)![1];
    return total ? delta.find(([, c]) => c >= q * total)![0] * 1000 : NaN;
  };
  const OUTCOME: Record<string, string> = {
    'cache hit': 'cached',
    'cache miss': 'completed',
    'OpenAI door, cache hit': 'cached',
    'OpenAI door, cache miss': 'completed',
    'budget refusal': 'budget_exceeded',
  };
  const results: Record<string, number | string>[] = [];
  for (const scenario of scenarios.filter((sc) => chosen(sc.name))) {
    const probe = await (
      await fetch(scenario.url, { method: 'POST', headers: scenario.headers, body: scenario.body() })
    ).text();
    if (!probe.includes(scenario.expect)) throw new Error(`${scenario.name}: unexpected answer ${probe.slice(0, 300)}`);
    for (const connections of CONNECTIONS) {
      await autocannon(load(scenario, connections, 2)); // unmeasured
      const latencies: number[] = [];
      let wrong = 0;
      const measured = scenario.url.startsWith(base)
        ? serverPids()
        : scenario.url.startsWith(proxyBase)
          ? [proxy.pid!]
          : [];
      const stores = scenario.url.startsWith(base) ? await storePids() : [];
      const cpuBefore = cpuSeconds(measured);
      const storesBefore = cpuSeconds(stores);
      const machineBefore = machineCpu();
      const benchBefore = ownCpu();
      const metricsBefore = scenario.url.startsWith(base) ? await scrape() : {};
      const callsBefore = await redisCalls();
      const commitsBefore = await pgCommits();
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const check = (status: number, resBody: string) =>
          void (status === 200 && resBody.includes(scenario.expect) ? 0 : wrong++);
        const instance = autocannon(load(scenario, connections, DURATION, check), (err, res) =>
          err ? reject(err) : resolve(res),
        );
        // autocannon's own histogram keeps whole milliseconds: record the exact times here.
        instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
      const cpu = cpuSince(cpuBefore);
      const storesCpu = cpuSince(storesBefore);
      const machine = machineCpu();
      // Busy CPU of programs other than the bench, the server, its stores and the proxy.
      const capacity = DURATION * cpus().length;
      const foreign = machine.busy - machineBefore.busy - (ownCpu() - benchBefore) - cpu - storesCpu;
      const metricsAfter = scenario.url.startsWith(base) ? await scrape() : {};
      const callsAfter = await redisCalls();
      // After the backends' next report (they report at most once a second), less the count's own.
      await new Promise((r) => setTimeout(r, 1100));
      const commits = (await pgCommits()) - commitsBefore - 2;
      // Less the INFO of the count before (INFO does not count itself).
      const commands = callsAfter.all - callsBefore.all - 1;
      const scripts = callsAfter.scripts - callsBefore.scripts;
      const outcome = OUTCOME[scenario.name] ?? '';
      latencies.sort((a, b) => a - b);
      results.push({
        scenario: scenario.name,
        connections,
        requests: result.requests.total,
        rps: Math.round(result.requests.total / DURATION),
        p50Ms: +pct(latencies, 0.5).toFixed(3),
        p99Ms: +pct(latencies, 0.99).toFixed(3),
        wrongAnswers: wrong + result.errors + result.non2xx,
        serverCpuUsPerRequest: measured.length ? Math.round((cpu * 1e6) / Math.max(1, result.requests.total)) : NaN,
        storesCpuUsPerRequest: stores.length ? Math.round((storesCpu * 1e6) / Math.max(1, result.requests.total)) : NaN,
        redisCommandsPerRequest: stores.length ? +(commands / Math.max(1, result.requests.total)).toFixed(1) : NaN,
        redisScriptsPerRequest: stores.length ? +(scripts / Math.max(1, result.requests.total)).toFixed(2) : NaN,
        pgTransactionsPerRequest: stores.length ? +(commits / Math.max(1, result.requests.total)).toFixed(3) : NaN,
        stealPct: +((100 * (machine.steal - machineBefore.steal)) / capacity).toFixed(1),
        foreignCpuPct: +((100 * Math.max(0, foreign)) / capacity).toFixed(1),
        // Measured inside runAgent (wall time minus provider time), read off one worker's histogram.
        ownP50Ms: quantile(metricsBefore[outcome], metricsAfter[outcome], 0.5),
        ownP99Ms: quantile(metricsBefore[outcome], metricsAfter[outcome], 0.99),
      });
    }
  }
  for (const r of results) {
    const baseline = results.find((b) => String(b.scenario).startsWith('baseline') && b.connections === r.connections)!;
    r.overheadP50Ms = r === baseline ? 0 : +((r.p50Ms as number) - (baseline.p50Ms as number)).toFixed(3);
    r.overheadP99Ms = r === baseline ? 0 : +((r.p99Ms as number) - (baseline.p99Ms as number)).toFixed(3);
  }
  for (const r of results) {
    const floor = results.find((b) => String(b.scenario).startsWith('bare proxy') && b.connections === r.connections)!;
    r.rpsVsBareProxy = +((r.rps as number) / (floor.rps as number)).toFixed(2);
  }
  console.table(results);
  console.log('ownP50Ms/ownP99Ms: runAgent time minus provider time, as histogram bucket upper bounds (ms).');
  console.log(
    'serverCpuUsPerRequest: Governor (or the bare proxy); storesCpuUsPerRequest: its Redis and Postgres backends;' +
      ' redisCommandsPerRequest: commands its Redis ran (those inside scripts too), redisScriptsPerRequest: the scripts;' +
      ' recovery and the ledger flusher included; pgTransactionsPerRequest: transactions its database committed;',
  );
  console.log(
    `stealPct/foreignCpuPct: of the machine's ${cpus().length} cores, stolen or used by other programs during each run` +
      ` (idle before the runs: ${Number.isNaN(idleBefore) ? 'never quiet' : `${Math.round(idleBefore * 100)}% busy elsewhere`}).`,
  );
  await stats.end();
  redisStats?.disconnect();

  // Streaming: time to the first token and to the end, straight from the upstream and through
  // both of Governor's streaming doors (each request a cache miss: a provider call streamed).
  const streamed = (message: string) => ({
    model: 'bench',
    messages: [{ role: 'user', content: message }],
    stream: true,
  });
  type StreamScenario = {
    name: string;
    url: string;
    headers: Record<string, string>;
    body: () => string;
    first: RegExp;
  };
  const streamScenarios: StreamScenario[] = [
    {
      name: 'stream: upstream alone (baseline)',
      url: `${upstream.url}/chat/completions`,
      headers: { 'content-type': 'application/json' },
      body: () => JSON.stringify({ ...streamed('What is the answer?'), model: 'gpt-4o-mini' }),
      first: /"content":"[^"]/,
    },
    {
      name: 'stream: /v1/chat/completions',
      url: `${base}/v1/chat/completions`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: () => JSON.stringify(streamed(`What is the answer to question ${id}-${miss++}?`)),
      first: /"content":"[^"]/,
    },
    {
      name: 'stream: /graphql/stream',
      url: `${base}/graphql/stream`,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
      body: () =>
        JSON.stringify({
          query:
            'subscription($input: RunAgentInput!) { runAgentEvents(input: $input) { __typename ... on RunDelta { text } } }',
          variables: {
            input: { agent: 'bench', message: `What is the answer to question ${id}-${miss++}?`, maxOutputTokens: 256 },
          },
        }),
      first: /RunDelta/,
    },
  ];
  /** One streamed request: ms to the first token and to the end of the stream. */
  const timeStream = async (s: StreamScenario) => {
    const t0 = performance.now();
    const res = await fetch(s.url, { method: 'POST', headers: s.headers, body: s.body() });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let first = NaN;
    let seen = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(first)) {
        seen += decoder.decode(value, { stream: true });
        if (s.first.test(seen)) first = performance.now() - t0;
      }
    }
    if (Number.isNaN(first)) throw new Error(`${s.name}: no token streamed (${res.status} ${seen.slice(0, 200)})`);
    return { first, total: performance.now() - t0 };
  };
  const STREAM_REQUESTS = Number(process.env.BENCH_STREAM_REQUESTS ?? 400);
  const streamResults: Record<string, number | string>[] = [];
  for (const s of streamScenarios.filter((sc) => chosen(sc.name))) {
    // Unmeasured, as for the scenarios above: 20 streams at a time for the warm-up's seconds.
    const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (performance.now() < warmUntil) await timeStream(s);
      }),
    );
    for (const concurrency of [1, 20]) {
      for (let i = 0; i < 20; i++) await timeStream(s); // and just before each level
      const times: { first: number; total: number }[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < STREAM_REQUESTS) times.push(await timeStream(s));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const firsts = times.map((t) => t.first).sort((a, b) => a - b);
      const totals = times.map((t) => t.total).sort((a, b) => a - b);
      streamResults.push({
        scenario: s.name,
        concurrency,
        streams: times.length,
        streamsPerSecond: Math.round(times.length / seconds),
        firstTokenP50Ms: +pct(firsts, 0.5).toFixed(3),
        firstTokenP99Ms: +pct(firsts, 0.99).toFixed(3),
        endP50Ms: +pct(totals, 0.5).toFixed(3),
        endP99Ms: +pct(totals, 0.99).toFixed(3),
      });
    }
  }
  for (const r of streamResults) {
    const baseline = streamResults.find(
      (b) => String(b.scenario).includes('baseline') && b.concurrency === r.concurrency,
    )!;
    r.firstTokenOverheadP50Ms = +((r.firstTokenP50Ms as number) - (baseline.firstTokenP50Ms as number)).toFixed(3);
    r.endOverheadP50Ms = +((r.endP50Ms as number) - (baseline.endP50Ms as number)).toFixed(3);
  }
  console.table(streamResults);

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    workers: Number(WORKERS),
    redis: ownRedis ? 'its own redis-server' : 'REDIS_URL',
  };
  mkdirSync('bench/results', { recursive: true });
  const out = JSON.stringify(
    { at: new Date().toISOString(), machine, durationSeconds: DURATION, results, streams: streamResults },
    null,
    2,
  );
  writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, `${out}\n`);
  writeFileSync('bench/results/latest.json', `${out}\n`);
} finally {
  await cleanup();
}
