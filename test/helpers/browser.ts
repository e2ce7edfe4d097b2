import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { chromiumPath, DASHBOARD_PAGES, launchChromium, openTab, signIn } from '../../scripts/chromium.js';
import { chromiumPath } from '../../scripts/chromium.js';

if (!chromiumPath) {
  // CI (REQUIRE_CHROMIUM=1) must run them; elsewhere they skip, and say why.
  if (process.env.REQUIRE_CHROMIUM)
    throw new Error('REQUIRE_CHROMIUM is set but no Chromium was found (CHROMIUM_PATH).');
  console.warn('No Chromium (apt-get install chromium, or CHROMIUM_PATH): the dashboard browser tests are skipped.');
}

/** A fresh context (its own sessionStorage); `bypassCSP` for the XSS and accessibility checks. */
export async function openPage(
  browser: Browser,
  options: { bypassCSP?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: options.width ?? 1200, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

/** axe-core, injected into the page (the page's CSP is bypassed for it): serious and critical findings. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(
    () => (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run() as Promise<AxeResult>,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
