import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4004, 25 MiB uploads and content in a temporary directory', () => {
    expect(loadConfig({ ...AUTH_ENV })).toMatchObject({
      port: 4004,
      seed: false,
      maxContentBytes: 25 * 1024 * 1024,
      store: { kind: 'embedded', journalFile: null },
      content: { kind: 'disk', dir: null },
      sagUrl: 'http://127.0.0.1:4003/graphql',
      organisationUrl: 'http://127.0.0.1:4001/graphql',
      auditRetentionMs: 183 * 24 * 60 * 60 * 1000,
    });
  });

  it('reads the sag and organisation endpoints and the access log retention', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        SAG_URL: 'http://sag:4003/graphql',
        ORGANISATION_URL: 'https://organisation/graphql',
        AUDIT_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      sagUrl: 'http://sag:4003/graphql',
      organisationUrl: 'https://organisation/graphql',
      auditRetentionMs: 30 * 24 * 60 * 60 * 1000,
    });
  });

  it('reads the attach window and the TTL of unattached content, the TTL the longer', () => {
    expect(loadConfig({ ...AUTH_ENV })).toMatchObject({
      contentAttachWindowMs: 60 * 60 * 1000,
      contentTtlMs: 24 * 60 * 60 * 1000,
    });
    expect(
      loadConfig({ ...AUTH_ENV, CONTENT_ATTACH_WINDOW_MINUTES: '15', CONTENT_TTL_HOURS: '2' }),
    ).toMatchObject({ contentAttachWindowMs: 15 * 60 * 1000, contentTtlMs: 2 * 60 * 60 * 1000 });
    expect(() =>
      loadConfig({ ...AUTH_ENV, CONTENT_ATTACH_WINDOW_MINUTES: '120', CONTENT_TTL_HOURS: '1' }),
    ).toThrow(/CONTENT_TTL_HOURS must be longer than CONTENT_ATTACH_WINDOW_MINUTES/);
    expect(() => loadConfig({ ...AUTH_ENV, CONTENT_TTL_HOURS: '1.5' })).toThrow(
      /CONTENT_TTL_HOURS must be a positive whole number/,
    );
  });

  it('keeps content under STORE_DIR beside the embedded store', () => {
    expect(
      loadConfig({ ...AUTH_ENV, STORE_DIR: '/data', MAX_CONTENT_BYTES: '1024' }),
    ).toMatchObject({
      maxContentBytes: 1024,
      store: { kind: 'embedded', journalFile: '/data/dokument.jsonl' },
      content: { kind: 'disk', dir: '/data/dokument-indhold' },
    });
  });

  it('keeps content in GridFS of the same database with STORE=mongodb', () => {
    expect(
      loadConfig({
        ...AUTH_ENV,
        STORE: 'mongodb',
        MONGODB_URI: 'mongodb://db',
        MONGODB_DATABASE: 'dok',
      }),
    ).toMatchObject({ content: { kind: 'gridfs', uri: 'mongodb://db', database: 'dok' } });
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        ...AUTH_ENV,
        SEED: 'yes',
        PORT: 'x',
        MAX_CONTENT_BYTES: '25MB',
        SAG_URL: 'ftp://sag',
        AUDIT_RETENTION_DAYS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a port number (0-65535), got "x"',
      'SEED must be "true" or "false", got "yes"',
      'MAX_CONTENT_BYTES must be a positive whole number of bytes, got "25MB"',
      'SAG_URL must be an http(s) URL',
      'AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "0"',
    ]);
  });
});
