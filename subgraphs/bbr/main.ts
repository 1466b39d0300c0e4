import { createAuthenticatorFromConfig } from '../kit/auth/create-authenticator-from-config';
import { createLogger } from '../kit/logger';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { createTracerFromConfig } from '../kit/tracing/create-tracer-from-config';
import { loadConfig } from './config';
import { createBbrServer } from './server';
import { createBbrClient } from './upstream/create-bbr-client';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'bbr', level: config.logLevel });
  const client = createBbrClient({
    baseUrl: config.bbr.url,
    apiKey: config.bbr.apiKey,
    timeoutMs: config.bbr.timeoutMs,
    retries: config.bbr.retries,
    maxRetryDelayMs: config.bbr.maxRetryDelayMs,
    retryBaseDelayMs: 100,
    cacheTtlMs: config.bbr.cacheTtlMs,
    cacheMaxEntries: config.bbr.cacheMaxEntries,
    batchSize: config.bbr.batchSize,
    breakerFailureThreshold: config.bbr.breakerFailureThreshold,
    breakerResetMs: config.bbr.breakerResetMs,
    logger,
  });
  const server = await createBbrServer({
    client,
    logger,
    introspection: !config.production,
    authenticate: createAuthenticatorFromConfig(config.auth),
  });
  await runService({
    server,
    port: config.port,
    host: config.host,
    logger,
    shutdownGraceMs: config.shutdownGraceMs,
    tracer: createTracerFromConfig('bbr', config.tracing),
  });
}

main().catch(exitOnStartupFailure);
