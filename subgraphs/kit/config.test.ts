import { AUTH_ENV } from './auth/testing/auth-env';
import { assertDurableStore, ConfigError, loadServiceConfig, readBoolean } from './config';

const service = { name: 'organisation', defaultPort: 4001 };

describe('loadServiceConfig', () => {
  it('requires the token settings and refuses unknown algorithms', () => {
    expect(() => loadServiceConfig({ AUTH_ALGORITHMS: 'none,HS256' }, service)).toThrow(
      expect.objectContaining({
        problems: [
          'AUTH_JWKS_URL is required',
          'AUTH_ISSUER is required',
          'AUTH_AUDIENCE is required',
          expect.stringContaining('AUTH_ALGORITHMS must be a list of'),
        ],
      }),
    );
  });

  it('defaults to the embedded in-memory store on the service port', () => {
    expect(loadServiceConfig({ ...AUTH_ENV }, service)).toEqual({
      auth: {
        jwksUrl: AUTH_ENV.AUTH_JWKS_URL,
        issuer: AUTH_ENV.AUTH_ISSUER,
        audience: ['kommunegraf'],
        algorithms: ['RS256', 'ES256'],
        required: true,
      },
      port: 4001,
      host: '127.0.0.1',
      logLevel: 'info',
      production: false,
      store: { kind: 'embedded', journalFile: null },
      shutdownGraceMs: 5000,
      tracing: { otlpTracesUrl: null },
      allowMemoryStore: false,
    });
  });

  it('reads extra role prefixes and refuses one that is not a URI prefix', () => {
    const config = loadServiceConfig(
      { ...AUTH_ENV, AUTH_ROLE_PREFIXES: 'http://kombit.dk/roles/usersystemrole/, urn:roller:' },
      service,
    );
    expect(config.auth.rolePrefixes).toEqual([
      'http://kombit.dk/roles/usersystemrole/',
      'urn:roller:',
    ]);
    expect(() => loadServiceConfig({ ...AUTH_ENV, AUTH_ROLE_PREFIXES: 'kombit' }, service)).toThrow(
      expect.objectContaining({ problems: [expect.stringContaining('AUTH_ROLE_PREFIXES')] }),
    );
  });

  it('reads the shutdown grace period and the trace collector', () => {
    const config = loadServiceConfig(
      {
        ...AUTH_ENV,
        SHUTDOWN_GRACE_MS: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      },
      service,
    );
    expect(config.shutdownGraceMs).toBe(0);
    expect(config.tracing).toEqual({ otlpTracesUrl: 'http://collector:4318/v1/traces' });
    expect(() =>
      loadServiceConfig(
        { ...AUTH_ENV, SHUTDOWN_GRACE_MS: '-1', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' },
        service,
      ),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'SHUTDOWN_GRACE_MS must be a non-negative integer, got "-1"',
          'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL',
        ],
      }),
    );
  });

  it('keeps embedded data in a journal per service under STORE_DIR', () => {
    const config = loadServiceConfig({ ...AUTH_ENV, STORE_DIR: '/var/lib/graf' }, service);
    expect(config.store).toEqual({
      kind: 'embedded',
      journalFile: '/var/lib/graf/organisation.jsonl',
    });
  });

  it('refuses an in-memory store in production unless ALLOW_MEMORY_STORE says so', () => {
    const production = { ...AUTH_ENV, NODE_ENV: 'production' };
    expect(() =>
      assertDurableStore(loadServiceConfig(production, service), 'organisation'),
    ).toThrow(
      expect.objectContaining({
        problems: [expect.stringMatching(/STORE_DIR.*ALLOW_MEMORY_STORE=true/)],
      }),
    );
    for (const env of [
      { ...production, STORE_DIR: '/var/lib/graf' },
      { ...production, STORE: 'mongodb', MONGODB_URI: 'mongodb://db:27017' },
      { ...production, ALLOW_MEMORY_STORE: 'true' },
      { ...AUTH_ENV },
    ]) {
      expect(() =>
        assertDurableStore(loadServiceConfig(env, service), 'organisation'),
      ).not.toThrow();
    }
  });

  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      loadServiceConfig({ ...AUTH_ENV, PORT: 'abc', LOG_LEVEL: 'loud', STORE: 'mongodb' }, service);
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

describe('readBoolean', () => {
  it('reads "true" and "false"', () => {
    const problems: string[] = [];
    expect(readBoolean({ FLAG: 'true' }, 'FLAG', false, problems)).toBe(true);
    expect(readBoolean({ FLAG: 'false' }, 'FLAG', true, problems)).toBe(false);
    expect(problems).toEqual([]);
  });

  it('gives the default when the variable is unset or empty', () => {
    const problems: string[] = [];
    expect(readBoolean({}, 'FLAG', false, problems)).toBe(false);
    expect(readBoolean({ FLAG: '' }, 'FLAG', true, problems)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('records a problem naming the variable and the value, and gives the default', () => {
    const problems: string[] = [];
    expect(readBoolean({ FLAG: 'yes' }, 'FLAG', false, problems)).toBe(false);
    expect(problems).toEqual(['FLAG must be "true" or "false", got "yes"']);
  });
});
