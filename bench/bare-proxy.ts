/**
 * The floor of any Node gateway: a pass-through proxy that forwards each request to the upstream
 * and its answer back, with nothing in between (no auth, no budgets, no ledger, no cache). Run as
 * its own process by `npm run bench`: node bench/bare-proxy.ts <port> <upstream base URL>.
 */
import http from 'node:http';

const [port, upstream] = process.argv.slice(2);
const target = new URL(upstream!);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

http
  .createServer((req, res) => {
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname.replace(/\/$/, '')}${req.url!.replace(/^\/v1/, '')}`,
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  })
  .listen(Number(port), '127.0.0.1');
