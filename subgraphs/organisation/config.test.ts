import { AUTH_ENV } from '../kit/auth/testing/auth-env';
import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4001, the embedded store in memory and no seed', () => {
    expect(loadConfig({ ...AUTH_ENV })).toMatchObject({
      port: 4001,
      host: '127.0.0.1',
      seed: false,
      store: { kind: 'embedded', journalFile: null },
    });
  });

  it('seeds when SEED=true and keeps the store under STORE_DIR', () => {
    expect(loadConfig({ ...AUTH_ENV, SEED: 'true', STORE_DIR: '/data' })).toMatchObject({
      seed: true,
      store: { kind: 'embedded', journalFile: '/data/organisation.jsonl' },
    });
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadConfig({ ...AUTH_ENV, SEED: 'yes', PORT: 'x', STORE: 'mongodb' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'MONGODB_URI is required when STORE=mongodb',
      'PORT must be a port number (0-65535), got "x"',
      'SEED must be "true" or "false", got "yes"',
    ]);
  });
});
