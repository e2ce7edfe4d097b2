import { z } from 'zod';
import { AppError } from './errors.js';

/** Parses a verb's input; the first problem becomes BAD_USER_INPUT naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input.';
  throw new AppError('BAD_USER_INPUT', message, field ? { field } : {});
}

const noControlChars = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
// NUL and unpaired surrogates cannot be stored by Postgres (text or jsonb): refused at the door.
export const storable = (s: string) => !s.includes('\u0000') && s.isWellFormed();

/** Free text (messages, instructions): any Unicode Postgres can store, within a length. */
export const textSchema = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`)
    .refine(storable, 'must not contain NUL characters or unpaired surrogates');

/** Makes text storable (NUL removed, unpaired surrogates replaced): for what models write. */
export const toStorable = (s: string) => s.replaceAll('\u0000', '').toWellFormed();

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(noControlChars, 'must not contain control characters');
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'));
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be 1-63 lower-case letters, digits or dashes, not starting or ending with a dash',
  );
export const idSchema = z.string().min(1, 'must not be empty').max(64, 'is not a valid id');
/** Nullable in GraphQL means "leave unchanged": null and undefined both become undefined. */
export const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((v) => v ?? undefined);

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
