/**
 * npm run screenshots: the dashboard over a seeded demo (embedded Governor, the system's
 * Chromium), one PNG per page in docs/screenshots/, and one of the overview on a phone.
 */
import { mkdirSync } from 'node:fs';
import { DASHBOARD_PAGES, launchChromium, openTab, signIn } from './chromium.js';
import { startDemo } from './demo-workload.js';

const OUT = 'docs/screenshots';

mkdirSync(OUT, { recursive: true });
const demo = await startDemo({ runs: 120 });
const browser = await launchChromium();
try {
  for (const [width, suffix] of [
    [1280, ''],
    [375, '-phone'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await signIn(page, demo.url, demo.ownerKey);
    for (const [file, title] of suffix ? DASHBOARD_PAGES.slice(0, 1) : DASHBOARD_PAGES) {
      if (file !== 'overview') await openTab(page, title);
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
