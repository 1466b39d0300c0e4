import type { RateLimit } from './rate-limit';

export interface RateLimitSettings {
  /** Per verified caller (the token's subject); null: none. Anonymous callers have only `address`. */
  caller: RateLimit | null;
  /** Per client address (IPv6 by /64), checked before the token; null: none. */
  address: RateLimit | null;
  /**
   * Proxies in front of the gateway whose `X-Forwarded-For` entries are trusted (see
   * getClientAddress); 0 takes the TCP peer.
   */
  trustedProxies: number;
}

/**
 * 20 requests a second per caller with bursts of 100 (a page of a case worker's front-end sends a
 * few at once; a script looping at full speed is held to the rate), and 100 a second with bursts
 * of 500 per address, which several users behind one office address share.
 */
export const DEFAULT_RATE_LIMIT_SETTINGS: RateLimitSettings = {
  caller: { ratePerSecond: 20, burst: 100 },
  address: { ratePerSecond: 100, burst: 500 },
  trustedProxies: 0,
};

/** No budget at all: for tests that send bursts on purpose and are not about rate limits. */
export const NO_RATE_LIMITS: RateLimitSettings = { caller: null, address: null, trustedProxies: 0 };
