/**
 * Why a request was not authenticated. Kept on the error for development feedback only: a
 * production answer never tells (one 401 for every reason).
 */
export type UnauthenticatedReason =
  | 'NO_TOKEN'
  | 'MALFORMED_HEADER'
  | 'MALFORMED_TOKEN'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_AUDIENCE'
  | 'WRONG_ISSUER'
  | 'MISSING_CLAIM'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'KEYS_UNAVAILABLE'
  | 'INVALID_CLAIMS';

/** One line per reason, with the fix; ASCII without quotes, as RFC 6750's error_description. */
export const UNAUTHENTICATED_DESCRIPTIONS: Record<UnauthenticatedReason, string> = {
  NO_TOKEN: 'No token: send Authorization: Bearer <token> (development: npm run token -- --list)',
  MALFORMED_HEADER: 'The Authorization header is not Bearer followed by one token',
  MALFORMED_TOKEN: 'The token is not a well-formed signed JWT',
  EXPIRED: 'The token has expired (exp): get a new one',
  NOT_YET_VALID: 'The token is not valid yet (nbf or iat in the future): check the clocks',
  WRONG_AUDIENCE: 'The token is for another audience (aud) than this service',
  WRONG_ISSUER: 'The token comes from another issuer (iss) than the one configured',
  MISSING_CLAIM: 'The token lacks a required claim (exp and sub are required)',
  ALGORITHM_NOT_ALLOWED: 'The token is signed with an algorithm (alg) that is not accepted',
  UNKNOWN_KEY: 'The token is signed with a key (kid) the issuer does not publish',
  BAD_SIGNATURE: 'The token signature does not verify',
  KEYS_UNAVAILABLE: 'The issuer key set (JWKS) could not be fetched',
  INVALID_CLAIMS: 'The token claims describe no caller (privileges or cpr not readable)',
};

/** The reason behind a failure of jose's jwtVerify, or of reading the caller from the claims. */
export function getUnauthenticatedReason(error: unknown): UnauthenticatedReason {
  const code = (error as { code?: unknown } | null)?.code;
  const claim = (error as { claim?: unknown } | null)?.claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'EXPIRED';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') return 'WRONG_AUDIENCE';
      if (claim === 'iss') return 'WRONG_ISSUER';
      if (claim === 'nbf' || claim === 'iat') return 'NOT_YET_VALID';
      return 'MISSING_CLAIM';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'ALGORITHM_NOT_ALLOWED';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'UNKNOWN_KEY';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'BAD_SIGNATURE';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return 'KEYS_UNAVAILABLE';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'MALFORMED_TOKEN';
    default:
      return 'INVALID_CLAIMS';
  }
}
