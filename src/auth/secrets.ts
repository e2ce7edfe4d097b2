import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_PATTERN = /^gov_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12; // "gov_" and 8 characters: shown in listings, used to find the key

export type NewSecret = { secret: string; prefix: string; hash: string };

/** 32 random bytes; only the SHA-256 is stored. */
export function generateSecret(): NewSecret {
  const secret = `gov_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashSecret(secret) };
}

const SESSION_PATTERN = /^gss_[A-Za-z0-9_-]{43}$/;

/** A dashboard session's token: 32 random bytes; only the SHA-256 is stored. */
export function generateSessionToken(): { token: string; hash: string } {
  const token = `gss_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token) };
}

/** The hash of a session token, or undefined when `token` is not one. */
export const parseSessionToken = (token: string) => (SESSION_PATTERN.test(token) ? hashSecret(token) : undefined);

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function parseSecret(secret: string): { prefix: string; hash: string } | undefined {
  if (!SECRET_PATTERN.test(secret)) return undefined;
  return { prefix: secret.slice(0, PREFIX_LENGTH), hash: hashSecret(secret) };
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when it is not one. */
export const parseBearer = (header: string | undefined) =>
  header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;

/** The hashes of the configured tokens (the operator's, the metrics one): a few, kept for good. */
const configured = new Map<string, string>();

/** Constant-time comparison of a presented token with a configured one. */
export function sameToken(presented: string, expected: string): boolean {
  let hash = configured.get(expected);
  if (hash === undefined) configured.set(expected, (hash = hashSecret(expected)));
  return sameHash(hashSecret(presented), hash);
}
