/**
 * npm run screenshots: the dashboard over a seeded demo (embedded Governor, the system's
 * Chromium), one PNG per page in docs/screenshots/, and one of the overview on a phone.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.js';
import { startDemo } from './demo-workload.js';

const OUT = 'docs/screenshots';
const PAGES = [
  ['overview', 'Overview'],
  ['budgets', 'Budgets'],
  ['runs', 'Runs'],
  ['alerts', 'Alerts'],
  ['billing', 'Plan and billing'],
] as const;

mkdirSync(OUT, { recursive: true });
const demo = await startDemo({ runs: 120 });
const browser = await launchChromium();
try {
  for (const [width, suffix] of [
    [1280, ''],
    [375, '-phone'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${demo.url}/dashboard`);
    await page.getByLabel('API key').fill(demo.ownerKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const [file, title] of suffix ? PAGES.slice(0, 1) : PAGES) {
      if (file !== 'overview') await page.getByRole('navigation').getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Loading…').waitFor({ state: 'detached' });
      // The chart draws on the next frame.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      await page.screenshot({ path: `${OUT}/${file}${suffix}.png`, fullPage: true });
      console.log(`${OUT}/${file}${suffix}.png`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await demo.close();
}
