import { describe, expect, it } from 'vitest';
import { cachedValue } from './cached-value.js';
import { newId } from './ids.js';
import { memoByText } from './memo.js';
import { parsePage, toConnection } from './pagination.js';
import { slugify } from './validation.js';

describe('newId', () => {
  it('is prefixed and sorts by creation time', () => {
    const a = newId('user', 1_000);
    const b = newId('user', 2_000);
    expect(a).toMatch(/^usr_[0-9a-z]{26}$/);
    expect(a < b).toBe(true);
  });
});

describe('pagination', () => {
  it('round-trips a cursor and reports the next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = parsePage({ first: 2 });
    const conn = toConnection(rows, page);
    expect(conn.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(parsePage({ after: conn.pageInfo.endCursor }).afterId).toBe('b');
  });
  it('refuses bad sizes and cursors', () => {
    expect(() => parsePage({ first: 0 })).toThrow(/at least 1/);
    expect(() => parsePage({ first: 101 })).toThrow(/at most 100/);
    expect(() => parsePage({ after: 'nonsense' })).toThrow(/cursor/);
  });
});

describe('cachedValue', () => {
  it('loads once for concurrent callers, keeps the value for the TTL, and reloads after invalidation', async () => {
    let now = 0;
    let loads = 0;
    const v = cachedValue(
      async () => ++loads,
      100,
      () => now,
    );
    expect(await Promise.all([v.get(), v.get(), v.get()])).toEqual([1, 1, 1]);
    now = 99;
    expect(await v.get()).toBe(1);
    now = 100;
    expect(await v.get()).toBe(2);
    v.invalidate();
    expect(await v.get()).toBe(3);
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('  Acme Robotics, Inc. ')).toBe('acme-robotics-inc');
    expect(slugify('Zürich Café')).toBe('zurich-cafe');
    expect(slugify('!!!')).toBe('tenant');
  });
});

describe('memoByText', () => {
  it('computes a short text once, keeps the most recently used, and never keeps a long one', () => {
    const calls: string[] = [];
    const length = memoByText((t: string) => (calls.push(t), t.length), { size: 2, maxChars: 5 });
    for (const t of ['a', 'bb', 'a', 'ccc', 'a', 'bb', 'longer text', 'longer text']) length(t);
    // 'bb' was the least recently used when 'ccc' came: it is computed again; the long text twice.
    expect(calls).toEqual(['a', 'bb', 'ccc', 'bb', 'longer text', 'longer text']);
  });
});
