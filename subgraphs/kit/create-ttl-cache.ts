export interface TtlCacheOptions {
  /** How long an entry is served. */
  ttlMs: number;
  /** The least recently used entry is dropped beyond this. */
  maxEntries: number;
  /** @default Date.now */
  now?: () => number;
}

export interface TtlCache<V> {
  /** The value, or undefined when absent or expired. */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

/** A bounded in-memory cache: entries expire after `ttlMs`; the least recently used go first. */
export function createTtlCache<V>(options: TtlCacheOptions): TtlCache<V> {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on read keeps the oldest use first.
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expires <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      if (options.maxEntries < 1 || options.ttlMs <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expires: now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
