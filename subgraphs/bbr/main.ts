import { createAuthenticatorFromConfig } from '../kit/auth/create-authenticator-from-config';
import { createLogger } from '../kit/logger';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { createTracerFromConfig } from '../kit/tracing/create-tracer-from-config';
import { loadConfig } from './config';
import { createBbrServer } from './server';
import { createBbrClientFromConfig } from './upstream/create-bbr-client-from-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'bbr', level: config.logLevel });
  const client = createBbrClientFromConfig(config.bbr, logger);
  logger.info(
    { api: config.bbr.kind, credentials: config.bbr.credentials.kind },
    'BBR upstream configured',
  );
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
