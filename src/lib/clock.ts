export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A day in milliseconds (UTC days: no daylight saving). */
export const DAY_MS = 86_400_000;
