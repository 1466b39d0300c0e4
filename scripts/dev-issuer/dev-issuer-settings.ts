/**
 * Where the development issuer runs and what its tokens say. The services started by `npm start`
 * are configured with exactly these values (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL).
 */
export const DEV_ISSUER_SETTINGS = {
  port: 4090,
  issuer: 'http://127.0.0.1:4090',
  audience: 'kommunegraf',
  jwksUrl: 'http://127.0.0.1:4090/jwks.json',
  /** How long `npm run token` tokens are valid: a working day. */
  tokenLifetime: '8h',
} as const;
