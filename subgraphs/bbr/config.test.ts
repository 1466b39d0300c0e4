import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

const URL = 'http://127.0.0.1:4099/BBR/BBRPublic/1/rest';

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
  it('defaults to port 4005 and harmless protection settings', () => {
    expect(loadConfig({ ...AUTH_ENV, BBR_API_URL: URL })).toMatchObject({
      port: 4005,
      bbr: { url: URL, apiKey: undefined, timeoutMs: 3000, retries: 2, batchSize: 20 },
    });
  });

  it('requires BBR_API_URL', () => {
    expect(getProblems({})).toEqual([
      'BBR_API_URL is required (the BBR REST base, …/BBR/BBRPublic/1/rest)',
    ]);
  });

  it('lists every problem in one error, without echoing the key', () => {
    const problems = getProblems({
      BBR_API_URL: 'ftp://x',
      BBR_API_KEY: 'hemmelig',
      BBR_BATCH_SIZE: '0',
      BBR_RETRIES: 'many',
    });
    expect(problems).toEqual([
      'BBR_API_URL must be an http(s) URL',
      'BBR_RETRIES must be an integer of at least 0, got "many"',
      'BBR_BATCH_SIZE must be an integer of at least 1, got "0"',
    ]);
    expect(problems.join()).not.toContain('hemmelig');
  });

  it('reads the key and the protection settings', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        BBR_API_URL: URL,
        BBR_API_KEY: 'k',
        BBR_TIMEOUT_MS: '500',
        BBR_CACHE_TTL_MS: '0',
        BBR_BREAKER_FAILURES: '3',
      }).bbr,
    ).toMatchObject({ apiKey: 'k', timeoutMs: 500, cacheTtlMs: 0, breakerFailureThreshold: 3 });
  });
});
