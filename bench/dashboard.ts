/**
 * npm run bench:dashboard: how long each dashboard page takes to load, in the system's Chromium,
 * on the embedded default (PGlite, process store) holding a tenant with RUNS runs (10,000 by
 * default): from navigation to the page's data on screen, median and worst of five loads each.
 */
import { DASHBOARD_PAGES, dashboardLoaded, launchChromium, signIn } from '../scripts/chromium.js';
import { startDemo } from '../scripts/demo-workload.js';

const RUNS = Number(process.env.RUNS ?? 10_000);
const LOADS = 5;

const seeded = Date.now();
const demo = await startDemo({ runs: RUNS, concurrency: 8 });
console.log(`seeded ${RUNS} runs in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
const browser = await launchChromium();
try {
  const first = await browser.newPage();
  await signIn(first, demo.url, demo.ownerKey);
  const token = await first.evaluate<string>(`sessionStorage.getItem('governor.session')`);
  await first.close();
  const rows: { page: string; medianMs: number; worstMs: number }[] = [];
  for (const [path, title] of DASHBOARD_PAGES) {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      await context.addInitScript(`sessionStorage.setItem('governor.session', ${JSON.stringify(token)})`);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${demo.url}/dashboard#/${path}`);
      await dashboardLoaded(page, title);
      times.push(performance.now() - started);
      await context.close();
    }
    times.sort((a, b) => a - b);
    rows.push({ page: title, medianMs: Math.round(times[2]!), worstMs: Math.round(times.at(-1)!) });
  }
  console.table(rows);
} finally {
  await browser.close();
  await demo.close();
}
