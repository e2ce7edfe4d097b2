import { lookup } from 'node:dns/promises';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where alert webhooks may go. https only (http to the machine itself outside production); in
 * production, never to an address that is private, loopback, link-local, CGNAT, IPv4-mapped or
 * otherwise reserved: the name is resolved, every address checked, and the connection made to the
 * address that was checked (a second resolution could answer another: DNS rebinding).
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  // The unspecified and loopback addresses, and the deprecated IPv4-compatible ones (::a.b.c.d).
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

export const blockedAddress = (address: string) => {
  const family = isIP(address);
  return family === 0 || BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A URL's host as an address or a name (an IPv6 literal without its brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Why a webhook URL is refused when it is set, or undefined. */
export function refuseWebhookUrl(raw: string, production: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a valid URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'http:' && !(LOCAL_HOSTS.has(url.hostname) && !production))
    return 'must be https (http only to localhost, outside production)';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  const literal = hostOf(url);
  if (production && isIP(literal) && blockedAddress(literal)) return 'must not point at a private or reserved address';
  return undefined;
}

/** A delivery failure as the tenant sees it: what happened, never the receiver's network details. */
export class DeliveryFailed extends Error {}

/**
 * POSTs `body` to `url` and resolves with the status. No redirects are followed (a 3xx is a
 * failure), the whole exchange has a deadline, and in production the connection goes only to a
 * checked public address.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { production: boolean; timeoutMs: number },
): Promise<number> {
  const refused = refuseWebhookUrl(url, options.production);
  if (refused) throw new DeliveryFailed(`the webhook URL ${refused}`);
  const target = new URL(url);
  const host = hostOf(target);
  let pinned: { address: string; family: number } | undefined;
  if (options.production) {
    const addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await lookup(host, { all: true }).catch(() => []);
    if (!addresses.length) throw new DeliveryFailed('the webhook host did not resolve');
    if (addresses.some((a) => blockedAddress(a.address)))
      throw new DeliveryFailed('the webhook host resolves to a private or reserved address');
    pinned = addresses[0]!;
  }
  const pin: LookupFunction | undefined = pinned
    ? (_host, opts, done) =>
        opts.all
          ? (done as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned])
          : done(null, pinned.address, pinned.family)
    : undefined;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    timeout: options.timeoutMs,
    ...(pin && { lookup: pin }),
  };
  return new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(
      () => req.destroy(new DeliveryFailed('the webhook did not answer in time')),
      options.timeoutMs,
    );
    const req = send(target, requestOptions, (res) => {
      res.resume();
      res.on('end', () => {
        clearTimeout(deadline);
        resolve(res.statusCode ?? 0);
      });
      res.on('error', () => undefined);
    });
    req.on('timeout', () => req.destroy(new DeliveryFailed('the webhook did not answer in time')));
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err instanceof DeliveryFailed ? err : new DeliveryFailed('the webhook could not be reached'));
    });
    req.end(body);
  });
}
