import type { RateLimit, RateLimitDecision } from './rate-limit';

/**
 * The generic cell rate algorithm (GCRA), the token bucket written with one number per key: the
 * theoretical arrival time `tat`, the moment by which every request let through so far would
 * have been spent at the steady rate. Each request moves it one interval (1000 / ratePerSecond
 * ms) on, starting from now when it lies in the past; a request is let through while `tat` stays
 * at most `burst` intervals ahead of now, and a refused one leaves `tat` as it was (it costs
 * nothing). The Lua script of the Redis store (redis-rate-limit-script.ts) is the same
 * arithmetic, so one gateway alone and several on Redis decide alike.
 *
 * Returns the decision and the `tat` to keep (unchanged when refused); `tat` is null for a key
 * never seen or forgotten.
 */
export function applyGcra(
  tat: number | null,
  now: number,
  limit: RateLimit,
): RateLimitDecision & { tat: number | null } {
  const interval = 1000 / limit.ratePerSecond;
  const capacity = interval * limit.burst;
  const next = Math.max(tat ?? now, now) + interval;
  const ahead = next - now;
  if (ahead > capacity) return { allowed: false, retryAfterMs: ahead - capacity, tat };
  return { allowed: true, retryAfterMs: 0, tat: next };
}
