import { join } from 'node:path';
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

  it('serves the explorer outside production, and in production only when EXPLORER=true', () => {
    expect(loadConfig({ ...AUTH_ENV }).explorer).toEqual({ tokenUrl: undefined });
    expect(loadConfig({ ...AUTH_ENV, NODE_ENV: 'production' }).explorer).toBeNull();
    expect(loadConfig({ ...AUTH_ENV, NODE_ENV: 'production', EXPLORER: 'true' }).explorer).toEqual({
      tokenUrl: undefined,
    });
    expect(
      loadConfig({ ...AUTH_ENV, EXPLORER_TOKEN_URL: 'http://127.0.0.1:4090/token' }).explorer,
    ).toEqual({ tokenUrl: 'http://127.0.0.1:4090/token' });
    expect(() =>
      loadConfig({
        ...AUTH_ENV,
        NODE_ENV: 'production',
        EXPLORER: 'true',
        EXPLORER_TOKEN_URL: 'http://127.0.0.1:4090/token',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: ['EXPLORER_TOKEN_URL is for development only (NODE_ENV=production)'],
      }),
    );
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

  it('reads the committed supergraph file, checked every 10 s, in one process by default', () => {
    const config = loadConfig({ ...AUTH_ENV });
    expect(config.supergraph).toEqual({
      kind: 'file',
      path: join(__dirname, '..', 'schema', 'supergraph.graphql'),
    });
    expect(config.supergraphPollMs).toBe(10_000);
    expect(config.workers).toBe(1);
  });

  it('reads SUPERGRAPH_URL, SUPERGRAPH_POLL_MS and GATEWAY_WORKERS', () => {
    const config = loadConfig({
      ...AUTH_ENV,
      SUPERGRAPH_URL: 'https://schema.example/supergraph.graphql',
      SUPERGRAPH_POLL_MS: '30000',
      GATEWAY_WORKERS: '4',
    });
    expect(config.supergraph).toEqual({
      kind: 'url',
      url: 'https://schema.example/supergraph.graphql',
    });
    expect(config.supergraphPollMs).toBe(30_000);
    expect(config.workers).toBe(4);
  });

  it('refuses two supergraph locations, a non-http URL and a bad worker count together', () => {
    expect(() =>
      loadConfig({
        ...AUTH_ENV,
        SUPERGRAPH_FILE: '/etc/supergraph.graphql',
        SUPERGRAPH_URL: 'ftp://schema.example/supergraph.graphql',
        SUPERGRAPH_POLL_MS: '0',
        GATEWAY_WORKERS: '65',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'SUPERGRAPH_URL must be an http(s) URL',
          'Set SUPERGRAPH_FILE or SUPERGRAPH_URL, not both',
          'SUPERGRAPH_POLL_MS must be a positive integer, got "0"',
          'GATEWAY_WORKERS must be at most 64',
        ],
      }),
    );
  });
});
