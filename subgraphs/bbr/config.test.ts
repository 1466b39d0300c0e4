import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

const GRAPHQL_URL = 'https://graphql.datafordeler.dk/';
const REST_URL = 'http://127.0.0.1:4099/BBR/BBRPublic/1/rest';

function getProblems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...AUTH_ENV, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the GraphQL service, the documented page size and harmless protection settings', () => {
    expect(loadConfig({ ...AUTH_ENV, BBR_API_URL: GRAPHQL_URL })).toMatchObject({
      port: 4005,
      bbr: {
        kind: 'graphql',
        url: GRAPHQL_URL,
        version: 'v3',
        credentials: { kind: 'none' },
        pageSize: 100,
        timeoutMs: 3000,
        retries: 2,
        batchSize: 20,
      },
    });
  });

  it('requires BBR_API_URL', () => {
    expect(getProblems({})).toEqual([
      'BBR_API_URL is required (the GraphQL service root, e.g. https://graphql.datafordeler.dk, or with BBR_API_KIND=rest the REST base …/BBR/BBRPublic/1/rest)',
    ]);
  });

  it('reads an API key, or OAuth client credentials, for GraphQL', () => {
    expect(
      loadConfig({ ...AUTH_ENV, BBR_API_URL: GRAPHQL_URL, BBR_API_KEY: 'k' }).bbr,
    ).toMatchObject({ credentials: { kind: 'api-key', apiKey: 'k' } });
    const oauth = loadConfig({
      ...AUTH_ENV,
      BBR_API_URL: GRAPHQL_URL,
      BBR_OAUTH_TOKEN_URL: 'https://auth.example/token',
      BBR_OAUTH_CLIENT_ID: 'id',
      BBR_OAUTH_CLIENT_SECRET: 's',
    }).bbr.credentials;
    expect(oauth).toEqual({
      kind: 'oauth',
      tokenUrl: 'https://auth.example/token',
      clientId: 'id',
      clientSecret: 's',
    });
  });

  it('reads username and password for REST, and refuses an API key there', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        BBR_API_KIND: 'rest',
        BBR_API_URL: REST_URL,
        BBR_USERNAME: 'u',
        BBR_PASSWORD: 'p',
      }).bbr,
    ).toMatchObject({
      kind: 'rest',
      credentials: { kind: 'password', username: 'u', password: 'p' },
    });
    expect(
      getProblems({ BBR_API_KIND: 'rest', BBR_API_URL: REST_URL, BBR_API_KEY: 'hemmelig' }),
    ).toEqual(['BBR REST takes BBR_USERNAME and BBR_PASSWORD, not an API key or OAuth']);
  });

  it('lists every problem in one error, without echoing a secret', () => {
    const problems = getProblems({
      BBR_API_KIND: 'soap',
      BBR_API_URL: 'ftp://x',
      BBR_API_KEY: 'hemmelig',
      BBR_OAUTH_CLIENT_SECRET: 'topsecret',
      BBR_PAGE_SIZE: '1000',
      BBR_BATCH_SIZE: '0',
      BBR_RETRIES: 'many',
    });
    expect(problems).toEqual([
      'BBR_API_KIND must be "graphql" or "rest", got "soap"',
      'BBR_API_URL must be an http(s) URL',
      'give BBR_API_KEY or BBR_OAUTH_*, not both',
      'BBR_PAGE_SIZE must be an integer from 1 to 100, got "1000"',
      'BBR_RETRIES must be an integer of at least 0, got "many"',
      'BBR_BATCH_SIZE must be an integer from 1 to 100, got "0"',
    ]);
    expect(problems.join()).not.toMatch(/hemmelig|topsecret/);
  });

  it('names the missing parts of OAuth client credentials', () => {
    expect(getProblems({ BBR_API_URL: GRAPHQL_URL, BBR_OAUTH_CLIENT_ID: 'id' })).toEqual([
      'OAuth client credentials also need BBR_OAUTH_TOKEN_URL, BBR_OAUTH_CLIENT_SECRET',
    ]);
  });

  it('reads the protection settings', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        BBR_API_URL: GRAPHQL_URL,
        BBR_TIMEOUT_MS: '500',
        BBR_CACHE_TTL_MS: '0',
        BBR_BREAKER_FAILURES: '3',
        BBR_CREDENTIAL_RETRY_MS: '1000',
      }).bbr,
    ).toMatchObject({
      timeoutMs: 500,
      cacheTtlMs: 0,
      breakerFailureThreshold: 3,
      credentialRetryMs: 1000,
    });
  });
});
