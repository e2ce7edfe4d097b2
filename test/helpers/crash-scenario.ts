import { inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { budgetWindows, readWindows, type BudgetWindow } from '../../src/budgets/index.js';
import { agentRuns } from '../../src/db/schema/index.js';
import { ledgerTotal } from '../../src/ledger/index.js';
import type { TestApp } from './app.js';
import { eventually } from './eventually.js';
import { signUp, type Tenant } from './graphql.js';
import { run, server, type Server } from './server-process.js';

/** A tenant on the free plan and its owner's budget windows, with reads of them through `app`. */
export async function watchedTenant(app: TestApp) {
  const t = await signUp(app);
  const free = (await app.runtime.deps.plans.byKey('free'))!;
  const windows = budgetWindows(
    t.tenantId,
    free,
    { id: t.ownerId, dailyTokenLimit: null, monthlyTokenLimit: null },
    new Date(),
  );
  return { t, windows };
}

export const usageOf = (app: TestApp, t: Tenant, windows: BudgetWindow[]) =>
  readWindows(app.runtime.deps.budgets, t.tenantId, windows, new Date());

/** How many of these runs Postgres has. */
export const storedRuns = async (app: TestApp, ids: string[]) =>
  (await app.runtime.deps.db.select({ id: agentRuns.id }).from(agentRuns).where(inArray(agentRuns.id, ids))).length;

/** Nothing held, and every counter equal to the ledger in Postgres. */
export async function expectMatchesLedger(app: TestApp, t: Tenant, windows: BudgetWindow[]): Promise<void> {
  const now = await usageOf(app, t, windows);
  for (const [i, w] of windows.entries()) {
    expect(now[i]!.reserved).toBe(0);
    expect(now[i]!.used).toBe(await ledgerTotal(app.runtime.deps.db, t.tenantId, w));
  }
}

/**
 * Two Governor processes under load over one Redis (or cluster, per `env`); one is SIGKILLed
 * mid-load with a call in flight and 40 acknowledged runs that only Redis has (it would flush in
 * ten minutes). Asserts that, within 10 s of the kill, every acknowledged run is in Postgres and
 * no hold is left (`app`, a live process of its own, watches); answers how long that took.
 */
export async function killMidLoad(app: TestApp, env: Record<string, string>, servers: Server[]): Promise<number> {
  const { t, windows } = await watchedTenant(app);
  const usage = () => usageOf(app, t, windows);
  const [a, b] = await Promise.all([server({ ...env, LEDGER_FLUSH_INTERVAL_MS: '600000' }), server(env)]);
  servers.push(a, b);
  const acked: string[] = [];
  // A call that is still in flight when A dies: its hold is left behind.
  void run(a, t.ownerKey, '[[slow:60000]] never answered').catch(() => undefined);
  await eventually(async () => (await usage())[0]!.reserved > 0, 'the hold of the call in flight');
  let killed = false;
  let ackedByA = 0;
  let killedAt = 0;
  // What the dead process left, read as soon as it is gone (its lease lapses seconds later).
  let left: Promise<{ held: number; stored: number; acked: number }> | undefined;
  const loopA = async (n: number) => {
    for (let i = 0; i < 500 && !killed; i++) {
      const id = await run(a, t.ownerKey, `[[slow:100]] crash ${n} ${i}`).catch(() => undefined);
      if (!id) continue;
      acked.push(id); // answered before A died: acknowledged
      if (++ackedByA === 40) {
        killed = true;
        a.child.kill('SIGKILL');
        killedAt = Date.now();
        const ackedThen = [...acked];
        left = a.exited.then(async () => ({
          held: (await usage())[0]!.reserved,
          stored: await storedRuns(app, ackedThen),
          acked: ackedThen.length,
        }));
      }
    }
  };
  const loopB = async () => {
    // B serves throughout, and ten calls more once A is dead.
    for (let i = 0, after = 0; i < 600 && after < 10; i++, after += killed ? 1 : 0) {
      const id = await run(b, t.ownerKey, `[[slow:100]] peer ${i}`);
      if (id) acked.push(id);
    }
  };
  await Promise.all([loopA(1), loopA(2), loopA(3), loopB()]);
  expect((await a.exited).signal).toBe('SIGKILL');
  // Right after the kill, the dead process's call in flight still held, and its runs were not in Postgres.
  const found = await left!;
  expect(found.held).toBeGreaterThan(0);
  expect(found.stored).toBeLessThan(found.acked);

  await eventually(
    async () => (await storedRuns(app, acked)) === acked.length && (await usage()).every((u) => u.reserved === 0),
    'every acknowledged run in Postgres and no hold left',
    10_000 - (Date.now() - killedAt),
  );
  const took = Date.now() - killedAt;
  await expectMatchesLedger(app, t, windows);
  b.child.kill('SIGTERM');
  await b.exited;
  return took;
}
