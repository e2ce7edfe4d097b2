/**
 * Remembers a function of short texts: at most `size` texts of at most `maxChars` characters each,
 * least recently used out first. Longer texts are computed every time (they are rarely repeated,
 * and would make the memory unbounded).
 */
export function memoByText<T>(
  fn: (text: string) => T,
  options: { size: number; maxChars: number },
): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > options.maxChars) return fn(text);
    if (memo.has(text)) {
      const seen = memo.get(text)!;
      memo.delete(text);
      memo.set(text, seen);
      return seen;
    }
    const value = fn(text);
    if (memo.size >= options.size) memo.delete(memo.keys().next().value!);
    memo.set(text, value);
    return value;
  };
}
