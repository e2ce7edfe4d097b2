import { z } from 'zod';
import { AppError } from './errors.js';
import { DAY_MS } from './clock.js';

/**
 * The one input validator. Every string that enters Governor (GraphQL variables and literals, ids,
 * cursors, REST bodies) is text Postgres can store and JSON can carry: no NUL, no unpaired
 * surrogate. The doors check whole inputs with `assertStorable` before anything runs; the verbs'
 * zod schemas all derive from `safeString`, so a verb called another way is held to the same rule.
 */

/** Parses a verb's input; the first problem becomes BAD_USER_INPUT naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input.';
  throw new AppError('BAD_USER_INPUT', message, field ? { field } : {});
}

export const UNSTORABLE = 'must not contain NUL characters or unpaired surrogates';
const noControlChars = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
// NUL and unpaired surrogates cannot be stored by Postgres (text or jsonb): refused at the door.
export const storable = (s: string) => !s.includes('\u0000') && s.isWellFormed();

/** Inputs nest no deeper than this: deeper is no request a client of Governor sends. */
export const MAX_DEPTH = 64;

/**
 * The path of the first string (or object key) in a parsed input that breaks the rule, walked
 * without recursion; `depth` when it nests deeper than MAX_DEPTH.
 */
export function findUnstorable(
  value: unknown,
  root: (string | number)[] = [],
): (string | number)[] | 'depth' | undefined {
  const stack: [unknown, (string | number)[]][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!storable(v)) return path;
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (path.length - root.length >= MAX_DEPTH) return 'depth';
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      if (!storable(k)) return [...path, k];
      stack.push([child, [...path, k]]);
    }
  }
  return undefined;
}

/** Refuses a whole input (a body, a set of variables) that carries an unstorable string anywhere. */
export function assertStorable(value: unknown, root: string): void {
  const path = findUnstorable(value, [root]);
  if (!path) return;
  if (path === 'depth')
    throw new AppError('BAD_USER_INPUT', `${root}: must not nest more than ${MAX_DEPTH} levels deep`, { field: root });
  const field = path.join('.');
  throw new AppError('BAD_USER_INPUT', `${field}: ${UNSTORABLE}`, { field });
}

/** The base of every string schema. */
export const safeString = () => z.string().refine(storable, UNSTORABLE);

/** Free text (messages, instructions): any Unicode Postgres can store, within a length. */
export const textSchema = (max: number) =>
  safeString()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`);

/** Makes text storable (NUL removed, unpaired surrogates replaced): for what models write. */
export const toStorable = (s: string) => s.replaceAll('\u0000', '').toWellFormed();

export const nameSchema = safeString()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(noControlChars, 'must not contain control characters');
export const emailSchema = safeString()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'));
export const slugSchema = safeString()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be 1-63 lower-case letters, digits or dashes, not starting or ending with a dash',
  );
/** Ids are `<prefix>_` and Crockford base32; anything else cannot name a row. */
export const idSchema = safeString()
  .min(1, 'must not be empty')
  .max(64, 'is not a valid id')
  .regex(/^[A-Za-z0-9_./:-]+$/, 'is not a valid id');
/** A client's idempotency key: 1..255 printable characters. */
export const idempotencyKeySchema = safeString()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine(noControlChars, 'must not contain control characters');
/** Nullable in GraphQL means "leave unchanged": null and undefined both become undefined. */
export const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((v) => v ?? undefined);

/** The longest range a report covers (usage, runOutcomes). */
export const MAX_RANGE_DAYS = 366;

/** `schema`'s [from, to) must be a range of at most `maxDays` days. */
export function withDateRange<S extends z.ZodType<{ from: Date; to: Date }>>(schema: S, maxDays = MAX_RANGE_DAYS) {
  return schema
    .refine((i) => i.from < i.to, { message: 'must be after from', path: ['to'] })
    .refine((i) => i.to.getTime() - i.from.getTime() <= maxDays * DAY_MS, {
      message: `a report covers at most ${maxDays} days`,
      path: ['to'],
    });
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'tenant';
}
