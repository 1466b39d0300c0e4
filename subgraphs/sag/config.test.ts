import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4003, the embedded store in memory and no seed', () => {
    expect(loadConfig({ ...AUTH_ENV })).toMatchObject({
      port: 4003,
      host: '127.0.0.1',
      seed: false,
      store: { kind: 'embedded', journalFile: null },
      organisationUrl: 'http://127.0.0.1:4001/graphql',
      klassifikationUrl: 'http://127.0.0.1:4002/graphql',
      auditRetentionMs: 183 * 24 * 60 * 60 * 1000,
    });
  });

  it('reads the organisation and klassifikation endpoints and the access log retention', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        ORGANISATION_URL: 'https://organisation.example/graphql',
        KLASSIFIKATION_URL: 'https://klassifikation.example/graphql',
        AUDIT_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      organisationUrl: 'https://organisation.example/graphql',
      klassifikationUrl: 'https://klassifikation.example/graphql',
      auditRetentionMs: 30 * 24 * 60 * 60 * 1000,
    });
  });

  it('seeds when SEED=true and keeps the store under STORE_DIR', () => {
    expect(loadConfig({ ...AUTH_ENV, SEED: 'true', STORE_DIR: '/data' })).toMatchObject({
      seed: true,
      store: { kind: 'embedded', journalFile: '/data/sag.jsonl' },
    });
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        ...AUTH_ENV,
        SEED: 'yes',
        PORT: 'x',
        STORE: 'mongodb',
        ORGANISATION_URL: 'ftp://x',
        KLASSIFIKATION_URL: 'not a url',
        AUDIT_RETENTION_DAYS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'MONGODB_URI is required when STORE=mongodb',
      'PORT must be a port number (0-65535), got "x"',
      'SEED must be "true" or "false", got "yes"',
      'ORGANISATION_URL must be an http(s) URL',
      'KLASSIFIKATION_URL must be an http(s) URL',
      'AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "0"',
    ]);
  });
});
