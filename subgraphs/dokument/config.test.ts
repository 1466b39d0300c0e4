import { ConfigError } from '../kit/config';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4004, 25 MiB uploads and content in a temporary directory', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4004,
      seed: false,
      maxContentBytes: 25 * 1024 * 1024,
      store: { kind: 'embedded', journalFile: null },
      content: { kind: 'disk', dir: null },
    });
  });

  it('keeps content under STORE_DIR beside the embedded store', () => {
    expect(loadConfig({ STORE_DIR: '/data', MAX_CONTENT_BYTES: '1024' })).toMatchObject({
      maxContentBytes: 1024,
      store: { kind: 'embedded', journalFile: '/data/dokument.jsonl' },
      content: { kind: 'disk', dir: '/data/dokument-indhold' },
    });
  });

  it('keeps content in GridFS of the same database with STORE=mongodb', () => {
    expect(
      loadConfig({ STORE: 'mongodb', MONGODB_URI: 'mongodb://db', MONGODB_DATABASE: 'dok' }),
    ).toMatchObject({ content: { kind: 'gridfs', uri: 'mongodb://db', database: 'dok' } });
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadConfig({ SEED: 'yes', PORT: 'x', MAX_CONTENT_BYTES: '25MB' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a port number (0-65535), got "x"',
      'SEED must be "true" or "false", got "yes"',
      'MAX_CONTENT_BYTES must be a positive whole number of bytes, got "25MB"',
    ]);
  });
});
