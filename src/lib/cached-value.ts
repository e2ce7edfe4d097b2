/** A value loaded on demand, kept for `ttlMs`, loaded once however many callers wait for it. */
export type CachedValue<T> = { get(): Promise<T>; invalidate(): void };

export function cachedValue<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): CachedValue<T> {
  let value: { data: T; expiresAt: number } | undefined;
  let inflight: Promise<T> | undefined;
  let generation = 0;
  return {
    async get() {
      if (value && value.expiresAt > now()) return value.data;
      if (inflight) return inflight;
      const started = generation;
      inflight = load()
        .then((data) => {
          // A load that started before an invalidation must not overwrite it with stale data.
          if (started === generation) value = { data, expiresAt: now() + ttlMs };
          return data;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
    invalidate() {
      generation++;
      value = undefined;
      inflight = undefined;
    },
  };
}
