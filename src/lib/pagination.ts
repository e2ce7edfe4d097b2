import { z } from 'zod';
import { parseInput } from './validation.js';

export type Page = { first: number; afterId: string | undefined };
export type Connection<T> = {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const encode = (id: string) => Buffer.from(`id:${id}`).toString('base64url');
function decode(cursor: string): string | undefined {
  const raw = Buffer.from(cursor, 'base64url').toString();
  return raw.startsWith('id:') ? raw.slice(3) : undefined;
}

const PageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').nullish(),
  after: z
    .string()
    .max(200)
    .nullish()
    .refine((c) => c == null || decode(c) !== undefined, 'is not a valid cursor'),
});

/** Keyset pagination over time-ordered ids. */
export function parsePage(args: { first?: number | null; after?: string | null }): Page {
  const { first, after } = parseInput(PageSchema, args);
  return { first: first ?? 20, afterId: after ? decode(after) : undefined };
}

/** `rows` were fetched with limit first + 1, ordered by id. */
export function toConnection<T extends { id: string }>(rows: T[], page: Page): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ node, cursor: encode(node.id) }));
  return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
