import type { RedisClient } from '../store/index.js';

/** A small key-value cache with TTLs: Redis in the services mode, process memory when embedded. */
export interface CacheKv {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class RedisKv implements CacheKv {
  constructor(private readonly redis: RedisClient) {}
  get(key: string) {
    return this.redis.get(key);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(key, value, 'EX', Math.max(1, ttlSeconds));
  }
  async delete(key: string) {
    await this.redis.unlink(key);
  }
}

/** Least-recently-used within a byte budget; entries also expire by time. */
export class MemoryKv implements CacheKv {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string) {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.now()) {
      await this.delete(key);
      return null;
    }
    this.entries.delete(key); // refresh its place in the LRU order
    this.entries.set(key, e);
    return e.value;
  }

  async set(key: string, value: string, ttlSeconds: number) {
    await this.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    this.bytes += value.length;
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= e.value.length;
    }
  }

  async delete(key: string) {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.bytes -= e.value.length;
    }
  }
}
