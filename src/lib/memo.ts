/** A map of at most `size` entries, the least recently used out first. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so that eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}

/**
 * Remembers a function of short texts: at most `size` texts of at most `maxChars` characters each,
 * least recently used out first. Longer texts are computed every time (they are rarely repeated,
 * and would make the memory unbounded).
 */
export function memoByText<T>(
  fn: (text: string) => T,
  options: { size: number; maxChars: number },
): (text: string) => T {
  const memo = new Lru<string, T>(options.size);
  return (text) => {
    if (text.length > options.maxChars) return fn(text);
    const seen = memo.get(text);
    if (seen !== undefined) return seen;
    const value = fn(text);
    memo.set(text, value);
    return value;
  };
}
