import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { sharedApp, startApp, type TestApp, TEST_SECRETS_KEY } from '../helpers/app.js';

const TOKEN = 'metrics-token-0123456789abcdefghij';

/** /metrics is not public: a token, or a port of its own on localhost; production needs one. */
describe('/metrics access', () => {
  let withToken: TestApp;
  let withPort: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    const database = (await sharedApp()).runtime.database;
    withToken = await startApp({ env: { METRICS_TOKEN: TOKEN }, database });
    withPort = await startApp({ env: { METRICS_PORT: '9' }, database });
    metricsUrl = await withPort.runtime.metricsHttp!.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await withToken.close();
    await withPort.close();
  });

  it('asks for the token when one is set', async () => {
    expect((await fetch(`${withToken.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } }))
        .status,
    ).toBe(401);
    const res = await fetch(`${withToken.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('governor_runs_total');
  });

  it('lives only on its own port when METRICS_PORT is set', async () => {
    expect((await fetch(`${withPort.url}/metrics`)).status).toBe(404);
    const res = await fetch(`${metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('governor_runs_total');
  });

  it('is required to be protected in production', () => {
    const services = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      REDIS_URL: 'redis://h',
      ADMIN_TOKEN: 'a'.repeat(30),
      SECRETS_KEY: TEST_SECRETS_KEY,
    };
    expect(() => loadConfig(services)).toThrow(ConfigError);
    expect(() => loadConfig(services)).toThrow(/METRICS_TOKEN or METRICS_PORT/);
    expect(loadConfig({ ...services, METRICS_TOKEN: TOKEN }).metrics.token).toBe(TOKEN);
    expect(loadConfig({ ...services, METRICS_PORT: '9464' }).metrics.port).toBe(9464);
  });
});
