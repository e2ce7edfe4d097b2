import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/**
 * The page may run only its own scripts and styles, talk only to this origin, and not be framed:
 * no inline script, no eval, nothing from elsewhere (the dashboard also works offline).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

/** The dashboard's files, read once at start: its own (dashboard/) and uPlot's, from node_modules. */
function assets(): Map<string, { body: Buffer; type: string }> {
  const own = (name: string) => readFileSync(new URL(`../../dashboard/${name}`, import.meta.url));
  const uplot = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`uplot/dist/${name}`));
  return new Map([
    ['app.js', { body: own('app.js'), type: TYPES.js }],
    ['app.css', { body: own('app.css'), type: TYPES.css }],
    ['uPlot.esm.js', { body: uplot('uPlot.esm.js'), type: TYPES.js }],
    ['uPlot.min.css', { body: uplot('uPlot.min.css'), type: TYPES.css }],
  ]);
}

/** GET /dashboard (the page) and /dashboard/assets/<file>, every response under the CSP above. */
export function serveDashboard(app: FastifyInstance): void {
  const page = readFileSync(new URL('../../dashboard/index.html', import.meta.url));
  const files = assets();
  const secure = {
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  app.get('/dashboard', async (_, reply) => reply.headers(secure).type('text/html; charset=utf-8').send(page));
  app.get<{ Params: { file: string } }>('/dashboard/assets/:file', async (req, reply) => {
    const file = files.get(req.params.file);
    if (!file) return reply.code(404).headers(secure).send({ error: 'not found' });
    return reply.headers(secure).type(file.type).send(file.body);
  });
}
