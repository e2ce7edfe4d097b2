import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
