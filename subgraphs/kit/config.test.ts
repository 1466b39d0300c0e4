import { ConfigError, loadServiceConfig } from './config';

const service = { name: 'organisation', defaultPort: 4001 };

describe('loadServiceConfig', () => {
  it('defaults to the embedded in-memory store on the service port', () => {
    expect(loadServiceConfig({}, service)).toEqual({
      port: 4001,
      host: '127.0.0.1',
      logLevel: 'info',
      production: false,
      store: { kind: 'embedded', journalFile: null },
    });
  });

  it('keeps embedded data in a journal per service under STORE_DIR', () => {
    const config = loadServiceConfig({ STORE_DIR: '/var/lib/graf' }, service);
    expect(config.store).toEqual({
      kind: 'embedded',
      journalFile: '/var/lib/graf/organisation.jsonl',
    });
  });

  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      loadServiceConfig({ PORT: 'abc', LOG_LEVEL: 'loud', STORE: 'mongodb' }, service);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      'MONGODB_URI is required when STORE=mongodb',
      'PORT must be a port number (0-65535), got "abc"',
    ]);
  });

  it('never puts the MongoDB URI into an error message', () => {
    expect(() =>
      loadServiceConfig(
        { STORE: 'mongodb', MONGODB_URI: 'mongodb://user:secret@db', PORT: '-1' },
        service,
      ),
    ).toThrow(/^(?![\s\S]*secret)/);
  });
});
