import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The system's Chromium (Debian's `chromium` package; CHROMIUM_PATH elsewhere): no browser is
 * downloaded. Undefined where none is installed.
 */
export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);

/** Headless, with nothing that reaches for the network on its own. */
export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The dashboard's pages: the hash of each and its heading (and link text). */
export const DASHBOARD_PAGES = [
  ['overview', 'Overview'],
  ['budgets', 'Budgets'],
  ['runs', 'Runs'],
  ['alerts', 'Alerts'],
  ['billing', 'Plan and billing'],
] as const;

/** Waits until the dashboard page titled `title` shows its figures. */
export async function dashboardLoaded(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('Loading…').waitFor({ state: 'detached' });
}

/** Signs in on the dashboard at `base` with an API key and waits for the overview. */
export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/dashboard`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await dashboardLoaded(page, 'Overview');
}

/** Opens a dashboard page by its link and waits until it has loaded. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await dashboardLoaded(page, name);
}
