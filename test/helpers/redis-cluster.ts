import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './scratch.js';

const run = promisify(execFile);

/** A Redis Cluster of the installed `redis-server`, on ports the OS chose, for one test run. */
export type TestCluster = {
  /** host:port of every node, comma-separated (REDIS_CLUSTER_NODES). */
  nodes: string;
  ports: number[];
  /** The port of the master that serves `key`'s slot. */
  masterOf(key: string): Promise<number>;
  /** SIGKILLs the node on `port`. */
  kill(port: number): void;
  stop(): Promise<void>;
};

/** Whether `redis-server` and `redis-cli` are installed (the cluster tests skip without them). */
export async function canRunCluster(): Promise<boolean> {
  try {
    await run('redis-server', ['--version']);
    await run('redis-cli', ['--version']);
    return true;
  } catch {
    return false;
  }
}

async function ping(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await run('redis-cli', ['-p', String(port), 'ping']).then(
      (r) => r.stdout.trim() === 'PONG',
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} never answered`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function clusterOk(port: number): Promise<boolean> {
  const info = await run('redis-cli', ['-p', String(port), 'cluster', 'info']).catch(() => ({ stdout: '' }));
  return info.stdout.includes('cluster_state:ok');
}

/** A replica whose link to its master is up. */
async function replicaSynced(port: number): Promise<boolean> {
  const info = await run('redis-cli', ['-p', String(port), 'info', 'replication']).catch(() => ({ stdout: '' }));
  return info.stdout.includes('master_link_status:up');
}

/**
 * `masters` masters, each with `replicas` replicas; a node that stops answering for a second is
 * failed over. Nothing is kept on disk past `stop()`.
 */
export async function startCluster(options: { masters: number; replicas: number }): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'governor-cluster-'));
  const count = options.masters * (1 + options.replicas);
  const children = new Map<number, ChildProcess>();
  const ports: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      const child = spawn(
        'redis-server',
        [
          '--port', String(port),
          '--cluster-port', String(busPort),
          '--bind', '127.0.0.1',
          '--cluster-enabled', 'yes',
          '--cluster-config-file', join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout', '1000',
          // A master down stops its own slots only, not the whole cluster (as Governor's README asks).
          '--cluster-require-full-coverage', 'no',
          '--save', '',
          '--appendonly', 'no',
          '--dir', dir,
          '--maxmemory-policy', 'noeviction',
          // Replicas copy their master at once (no wait for more replicas to share a diskless sync).
          '--repl-diskless-sync-delay', '0',
        ], // prettier-ignore
        { stdio: 'ignore' },
      );
      children.set(port, child);
    }
    const deadline = Date.now() + 60_000;
    for (const port of ports) await ping(port, deadline);
    await run('redis-cli', [
      '--cluster', 'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas', String(options.replicas),
      '--cluster-yes',
    ]); // prettier-ignore
    // Up: every node sees every slot served, and every replica has its master's copy (a replica
    // that never synced is not promoted).
    const synced = async () =>
      (await Promise.all(ports.map(replicaSynced))).filter(Boolean).length === options.masters * options.replicas;
    for (const port of ports) {
      while (!(await clusterOk(port))) {
        if (Date.now() > deadline) throw new Error('the test cluster never came up');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    while (!(await synced())) {
      if (Date.now() > deadline) throw new Error("the test cluster's replicas never synced");
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    for (const c of children.values()) c.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(','),
    ports,
    async masterOf(key) {
      const probe = new Redis(ports[0]!, '127.0.0.1', { lazyConnect: true });
      try {
        await probe.connect();
        const slot = (await probe.call('cluster', 'keyslot', key)) as number;
        const shards = (await probe.call('cluster', 'slots')) as [number, number, [string, number, string]][];
        const owner = shards.find(([from, to]) => slot >= from && slot <= to);
        if (!owner) throw new Error(`no node serves slot ${slot}`);
        return Number(owner[2][1]);
      } finally {
        probe.disconnect();
      }
    },
    kill(port) {
      children.get(port)?.kill('SIGKILL');
    },
    async stop() {
      const exits = [...children.values()].map(
        (c) =>
          new Promise<void>((resolve) =>
            c.exitCode !== null || c.signalCode ? resolve() : c.on('exit', () => resolve()),
          ),
      );
      for (const c of children.values()) c.kill('SIGKILL');
      await Promise.all(exits);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
