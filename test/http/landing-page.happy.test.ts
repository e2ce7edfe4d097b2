import { describe, expect, it } from 'vitest';
import { sharedApp, startApp } from '../helpers/app.js';

describe("Apollo's landing page", () => {
  const page = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });

  it('is served in development', async () => {
    const dev = await startApp({ env: { NODE_ENV: 'development' }, database: (await sharedApp()).runtime.database });
    try {
      const res = await page(dev.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await dev.close();
    }
  });

  it('is not served otherwise', async () => {
    const res = await page((await sharedApp()).url);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
