import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedApp, type TestApp } from '../helpers/app.js';
import { expectMatchesLedger, killMidLoad, storedRuns, usageOf, watchedTenant } from '../helpers/crash-scenario.js';
import { eventually } from '../helpers/eventually.js';
import { run, server, type Server } from '../helpers/server-process.js';

const services = Boolean(inject('databaseUrl') && inject('redisUrl'));

/** Real Governor processes (`src/main.ts`) over the run's Postgres and Redis. */
describe.skipIf(!services)('a process that dies or stalls', () => {
  let app: TestApp;
  const servers: Server[] = [];
  beforeAll(async () => {
    app = await sharedApp();
  });
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGCONT');
      s.child.kill('SIGKILL');
    }
  });

  it('recovers a SIGKILLed worker within seconds: every acknowledged run in Postgres, its holds released', async () => {
    const took = await killMidLoad(app, {}, servers);
    console.log(`recovered a SIGKILLed worker in ${took} ms`);
  });

  it('a process paused past its lease is recovered, then carries on under a new id and charges its run once', async () => {
    const { t, windows } = await watchedTenant(app);
    const usage = () => usageOf(app, t, windows);
    const a = await server({ LEASE_TTL_MS: '2000' });
    servers.push(a);
    // A call in flight at A (its hold made), then A stops, past its lease.
    const inFlight = run(a, t.ownerKey, '[[slow:1500]] paused mid-call');
    await eventually(async () => (await usage())[0]!.reserved > 0, 'the hold of the call in flight');
    a.child.kill('SIGSTOP');
    // A live process (this one) finds the lapsed lease and gives the hold back.
    await eventually(async () => (await usage())[0]!.reserved === 0, 'the stalled hold released', 10_000);
    a.child.kill('SIGCONT');
    // A resumes: the call settles under a new id (the old one is fenced), charged once.
    const id = await inFlight;
    expect(id).toBeDefined();
    expect(await run(a, t.ownerKey, 'and one more')).toBeDefined();
    await eventually(() => storedRuns(app, [id!]).then((n) => n === 1), 'the paused run in Postgres');
    await eventually(async () => (await usage()).every((u) => u.reserved === 0), 'no hold left');
    await expectMatchesLedger(app, t, windows);
    expect(a.lines.some((l) => l.includes('lost its lease'))).toBe(true);
    // It noticed on its own (its renewal, or its check before settling, found the lease gone); a
    // settle that still arrives under the fenced id is refused and retried (leases.error.test.ts).
    expect(await (await fetch(`${a.base}/metrics`)).text()).toMatch(/^governor_lease_lost_total [1-9]/m);
    a.child.kill('SIGTERM');
    await a.exited;
  });
});
