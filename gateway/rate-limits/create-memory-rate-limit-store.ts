import { applyGcra } from './apply-gcra';
import type { RateLimitStore } from './rate-limit-store';

export interface MemoryRateLimitStoreOptions {
  /** @default Date.now */
  now?: () => number;
  /**
   * Keys kept at most; past it the least recently checked one is forgotten (it gets a fresh
   * budget), so a flood of distinct addresses cannot grow the process without bound.
   * @default DEFAULT_MAX_RATE_LIMIT_KEYS (100,000)
   */
  maxKeys?: number;
}

export const DEFAULT_MAX_RATE_LIMIT_KEYS = 100_000;

/** Entries looked at per request to drop those whose budget is full again. */
const SWEEP_PER_TAKE = 2;

/**
 * Budgets kept in this process (GCRA, see applyGcra): what one gateway alone uses, and what a
 * gateway on Redis falls back to while Redis does not answer.
 */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_RATE_LIMIT_KEYS;
  // A Map iterates in insertion order and every update re-inserts, so the front holds the keys
  // checked longest ago.
  const tats = new Map<string, number>();

  /** Drops a few keys whose budget is full again; live ones go to the back, so all get looked at. */
  const sweep = (at: number): void => {
    for (let i = 0; i < SWEEP_PER_TAKE; i += 1) {
      const first = tats.entries().next();
      if (first.done) return;
      const [key, tat] = first.value;
      tats.delete(key);
      if (tat > at) tats.set(key, tat);
    }
  };

  return {
    async take(key, limit) {
      const at = now();
      sweep(at);
      const { tat, ...decision } = applyGcra(tats.get(key) ?? null, at, limit);
      if (decision.allowed && tat !== null) {
        tats.delete(key);
        if (tats.size >= maxKeys) {
          const oldest = tats.keys().next();
          if (!oldest.done) tats.delete(oldest.value);
        }
        tats.set(key, tat);
      }
      return decision;
    },
    getStatus: () => ({ store: 'memory', fallback: false, failures: 0 }),
    close: async () => {},
  };
}
