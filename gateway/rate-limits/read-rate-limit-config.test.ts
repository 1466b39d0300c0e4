import { AUTH_ENV } from '../../subgraphs/kit/auth/testing/auth-env';
import { loadConfig } from '../config';

describe('the gateway rate limit configuration', () => {
  it('limits callers and addresses in memory by default', () => {
    expect(loadConfig({ ...AUTH_ENV }).rateLimits).toEqual({
      settings: {
        caller: { ratePerSecond: 20, burst: 100 },
        address: { ratePerSecond: 100, burst: 500 },
        trustedProxies: 0,
      },
      store: { redisUrl: null, redisTimeoutMs: 100, redisRetryMs: 1000 },
    });
  });

  it('reads every setting, and 0 switches a limit off', () => {
    const config = loadConfig({
      ...AUTH_ENV,
      RATE_LIMIT_CALLER_PER_SECOND: '0.5',
      RATE_LIMIT_CALLER_BURST: '3',
      RATE_LIMIT_ADDRESS_PER_SECOND: '0',
      RATE_LIMIT_TRUSTED_PROXIES: '1',
      REDIS_URL: 'redis://:secret@redis:6379/2',
      RATE_LIMIT_REDIS_TIMEOUT_MS: '50',
      RATE_LIMIT_REDIS_RETRY_MS: '5000',
    });
    expect(config.rateLimits).toEqual({
      settings: { caller: { ratePerSecond: 0.5, burst: 3 }, address: null, trustedProxies: 1 },
      store: { redisUrl: 'redis://:secret@redis:6379/2', redisTimeoutMs: 50, redisRetryMs: 5000 },
    });
  });

  it('lists every malformed setting, never quoting REDIS_URL', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        ...AUTH_ENV,
        RATE_LIMIT_CALLER_PER_SECOND: 'fast',
        RATE_LIMIT_ADDRESS_BURST: '0',
        RATE_LIMIT_TRUSTED_PROXIES: '-1',
        REDIS_URL: 'http://user:secret@redis',
        RATE_LIMIT_REDIS_TIMEOUT_MS: '0',
      });
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      'RATE_LIMIT_CALLER_PER_SECOND must be a number of at least 0, got "fast"',
      'RATE_LIMIT_ADDRESS_BURST must be an integer of at least 1, got "0"',
      'RATE_LIMIT_TRUSTED_PROXIES must be an integer of at least 0, got "-1"',
      'REDIS_URL must be a redis:// or rediss:// URL',
      'RATE_LIMIT_REDIS_TIMEOUT_MS must be an integer of at least 1, got "0"',
    ]);
    expect(problems.join(' ')).not.toContain('secret');
  });
});
