import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError } from '../domain-error';
import type { Caller } from './caller';
import { getCaller } from './get-caller';

/** The one answer to every token problem, so a client learns nothing about why it failed. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'Authentication required', { status: 401 });
  }
}

export interface TokenVerifierOptions {
  /** The issuer's JWKS endpoint, or a key set (tests). Keys rotate through the endpoint. */
  jwks: URL | JSONWebKeySet;
  issuer: string;
  audience: string | string[];
  /** Accepted signature algorithms; `none` and HMAC are never accepted. */
  algorithms: string[];
  /** @default 30 (seconds of clock skew tolerated) */
  clockToleranceSeconds?: number;
  /**
   * Minimum time between two JWKS fetches triggered by unknown key ids, so a flood of made-up
   * `kid`s cannot flood the issuer. @default 30000
   */
  jwksCooldownMs?: number;
  /** @default 5000 */
  jwksTimeoutMs?: number;
  /** Role URI prefixes that name this graph's roles. @default DEFAULT_ROLE_PREFIXES */
  rolePrefixes?: readonly string[];
}

/** Verifies a bearer token and returns the caller it describes. */
export type TokenVerifier = (token: string) => Promise<Caller>;

const MAX_TOKEN_LENGTH = 64 * 1024;

/**
 * Verifies signature, algorithm, issuer, audience, expiry and not-before, then reads the caller
 * from the claims. Every failure throws the same UnauthenticatedError; the reason is never shown.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const algorithms = options.algorithms.filter((a) => a !== 'none' && !a.startsWith('HS'));
  if (algorithms.length === 0) throw new TypeError('No usable token algorithm configured');
  const keys: JWTVerifyGetKey =
    options.jwks instanceof URL
      ? createRemoteJWKSet(options.jwks, {
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          timeoutDuration: options.jwksTimeoutMs ?? 5_000,
        })
      : createLocalJWKSet(options.jwks);
  return async (token) => {
    if (token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'sub'],
      });
      return getCaller(payload, { rolePrefixes: options.rolePrefixes });
    } catch {
      throw new UnauthenticatedError();
    }
  };
}
