import type { PersistedQueryOptions } from '@apollo/server';

/** The key-value cache Apollo Server keeps persisted queries in. */
export type PersistedQueryCache = NonNullable<PersistedQueryOptions['cache']>;

/** 8 MiB: over a hundred of the largest queries the limits allow, thousands of typical ones. */
export const DEFAULT_PERSISTED_QUERY_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * An in-memory cache for automatic persisted queries, bounded by the total size of its keys and
 * queries (UTF-8 bytes): past `maxBytes` the least recently used queries are dropped, so clients
 * that register query after query cannot grow the gateway's memory. A dropped query costs its
 * client one retry with the full text (Apollo answers PERSISTED_QUERY_NOT_FOUND). Time-to-live
 * hints are not needed and ignored: a persisted query never goes stale, only out of use.
 */
export function createPersistedQueryCache(maxBytes: number): PersistedQueryCache {
  // A Map iterates in insertion order; re-inserting on each hit keeps the oldest use first.
  const entries = new Map<string, { value: string; bytes: number }>();
  let totalBytes = 0;

  function remove(key: string): boolean {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    totalBytes -= entry.bytes;
    return true;
  }

  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    async set(key, value) {
      remove(key);
      const bytes = Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
      if (bytes > maxBytes) return;
      entries.set(key, { value, bytes });
      totalBytes += bytes;
      for (const oldest of entries.keys()) {
        if (totalBytes <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key) {
      return remove(key);
    },
  };
}
