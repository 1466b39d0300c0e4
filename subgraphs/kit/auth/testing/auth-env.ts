/** The token settings a service's configuration requires, for configuration tests. */
export const AUTH_ENV = {
  AUTH_JWKS_URL: 'http://127.0.0.1:4090/jwks.json',
  AUTH_ISSUER: 'http://127.0.0.1:4090',
  AUTH_AUDIENCE: 'kommunegraf',
} as const;
