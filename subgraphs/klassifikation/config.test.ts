import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4002, the embedded store in memory and no seed', () => {
    expect(loadConfig({ ...AUTH_ENV })).toMatchObject({
      port: 4002,
      host: '127.0.0.1',
      seed: false,
      store: { kind: 'embedded', journalFile: null },
    });
  });

  it('seeds with SEED=true and keeps the journal in STORE_DIR', () => {
    expect(loadConfig({ ...AUTH_ENV, SEED: 'true', STORE_DIR: '/var/data' })).toMatchObject({
      seed: true,
      store: { kind: 'embedded', journalFile: '/var/data/klassifikation.jsonl' },
    });
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ ...AUTH_ENV, SEED: 'ja', PORT: 'x', STORE: 'mongodb' })).toThrow(
      expect.objectContaining({
        constructor: ConfigError,
        problems: [
          'MONGODB_URI is required when STORE=mongodb',
          'PORT must be a port number (0-65535), got "x"',
          'SEED must be "true" or "false", got "ja"',
        ],
      }),
    );
  });
});
