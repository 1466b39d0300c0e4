import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { createTtlCache } from '../create-ttl-cache';
import type { Caller } from './caller';
import type { TokenVerifier } from './create-token-verifier';

export interface CachedTokenVerifierOptions {
  /** Tokens kept at most; the least recently used go first. @default 10000 */
  maxEntries?: number;
  /**
   * Longest a verified token is answered from the cache, however late its `exp`, so a key
   * withdrawn from the issuer's key set stops being trusted within this time. @default 300000
   */
  maxTtlMs?: number;
  /** @default Date.now */
  now?: () => number;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/**
 * Remembers the callers `verify` returned, by a hash of the token, until the token expires (its
 * `exp`, read once the signature held) or `maxTtlMs` has passed, whichever is first: a token
 * seen again is neither verified nor its privileges parsed again. Only successes are kept, so a
 * bad token is checked (and refused) every time. Callers are frozen, since requests share them.
 */
export function cacheTokenVerifier(
  verify: TokenVerifier,
  options: CachedTokenVerifierOptions = {},
): TokenVerifier {
  const now = options.now ?? Date.now;
  const cache = createTtlCache<{ caller: Caller; expiresAt: number }>({
    ttlMs: options.maxTtlMs ?? 300_000,
    maxEntries: options.maxEntries ?? 10_000,
    now,
  });
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64');
    const hit = cache.get(key);
    if (hit !== undefined && hit.expiresAt > now()) return hit.caller;
    const caller = deepFreeze(await verify(token));
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') cache.set(key, { caller, expiresAt: exp * 1000 });
    return caller;
  };
}
