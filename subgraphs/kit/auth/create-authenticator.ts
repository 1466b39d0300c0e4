import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS_CALLER, type Caller } from './caller';
import { UnauthenticatedError, type TokenVerifier } from './create-token-verifier';

/** The verified caller of one request and the token it came with (forwarded, never logged). */
export interface Authentication {
  caller: Caller;
  token: string | null;
}

export type Authenticator = (headers: IncomingHttpHeaders) => Promise<Authentication>;

export interface AuthenticatorOptions {
  verify: TokenVerifier;
  /** When false, a request without a token is answered as the anonymous caller. */
  required: boolean;
}

/**
 * Reads `Authorization: Bearer <token>`. Returns null without the header; throws for anything
 * else in it, so a malformed header is never taken for "no token".
 */
export function readBearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (header === undefined || header === '') return null;
  const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('MALFORMED_HEADER');
  return match[1];
}

/** Authenticates a request from its headers; throws UnauthenticatedError (HTTP 401) on failure. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  return async (headers) => {
    const token = readBearerToken(headers);
    if (token === null) {
      if (options.required) throw new UnauthenticatedError('NO_TOKEN');
      return { caller: ANONYMOUS_CALLER, token: null };
    }
    return { caller: await options.verify(token), token };
  };
}
