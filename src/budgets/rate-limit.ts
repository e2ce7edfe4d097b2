import { AppError } from '../lib/errors.js';
import { tenantKey } from '../lib/keys.js';
import type { RateSpec } from './store.js';

/** runAgent calls per API key per minute, counted in the admission gate (a fixed window). */
export type RateLimit = { keyId: string; perMinute: number };

const WINDOW_MS = 60_000;

/** The store's counter for this key's current minute; none when the limit is off. */
export function rateSpec(tenantId: string, rate: RateLimit | undefined, now: Date): RateSpec | undefined {
  if (!rate || rate.perMinute <= 0) return undefined;
  const window = Math.floor(now.getTime() / WINDOW_MS);
  return { key: tenantKey(tenantId, 'rl', rate.keyId, window), limit: rate.perMinute, windowSeconds: WINDOW_MS / 1000 };
}

/** The fault a caller over its rate gets, with when to retry. */
export function rateLimited(rate: RateLimit, now: Date): AppError {
  const retryAfterSeconds = Math.ceil((WINDOW_MS - (now.getTime() % WINDOW_MS)) / 1000);
  const message = `This API key made more than ${rate.perMinute} agent runs this minute; retry in ${retryAfterSeconds} s.`;
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds });
}
