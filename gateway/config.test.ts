import { AUTH_ENV } from '../subgraphs/kit/auth/testing/auth-env';
import { loadConfig } from './config';
import { DEFAULT_PERSISTED_QUERY_CACHE_BYTES } from './create-persisted-query-cache';

describe('the gateway configuration', () => {
  it('requires the token settings every service shares', () => {
    expect(() => loadConfig({})).toThrow(
      expect.objectContaining({
        problems: [
          'AUTH_JWKS_URL is required',
          'AUTH_ISSUER is required',
          'AUTH_AUDIENCE is required',
        ],
      }),
    );
  });

  it('requires tokens and keeps a bounded persisted query cache by default', () => {
    const config = loadConfig({ ...AUTH_ENV });
    expect(config.auth).toEqual({
      jwksUrl: AUTH_ENV.AUTH_JWKS_URL,
      issuer: AUTH_ENV.AUTH_ISSUER,
      audience: ['kommunegraf'],
      algorithms: ['RS256', 'ES256'],
      required: true,
    });
    expect(config.persistedQueryCacheBytes).toBe(DEFAULT_PERSISTED_QUERY_CACHE_BYTES);
  });

  it('reads AUTH_REQUIRED=false and PERSISTED_QUERY_CACHE_BYTES', () => {
    const config = loadConfig({
      ...AUTH_ENV,
      AUTH_REQUIRED: 'false',
      PERSISTED_QUERY_CACHE_BYTES: '0',
    });
    expect(config.auth.required).toBe(false);
    expect(config.persistedQueryCacheBytes).toBe(0);
  });

  it('refuses a malformed cache bound', () => {
    expect(() => loadConfig({ ...AUTH_ENV, PERSISTED_QUERY_CACHE_BYTES: '8MB' })).toThrow(
      expect.objectContaining({
        problems: ['PERSISTED_QUERY_CACHE_BYTES must be a non-negative integer, got "8MB"'],
      }),
    );
  });
});
