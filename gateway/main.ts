import { readFileSync } from 'node:fs';
import { createAuthenticatorFromConfig } from '../subgraphs/kit/auth/create-authenticator-from-config';
import { createLogger } from '../subgraphs/kit/logger';
import { exitOnStartupFailure, runService } from '../subgraphs/kit/run-service';
import { loadConfig } from './config';
import { createGatewayServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'gateway', level: config.logLevel });
  if (!config.auth.required) {
    logger.warn(
      { authRequired: false },
      'AUTH_REQUIRED=false: requests without a token are let through as anonymous',
    );
  }
  const server = await createGatewayServer({
    supergraphSdl: readFileSync(config.supergraphFile, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    logger,
    authenticate: createAuthenticatorFromConfig(config.auth),
    introspection: config.introspection,
    persistedQueryCacheBytes: config.persistedQueryCacheBytes,
    queryLimits: config.queryLimits,
    subgraphCalls: config.subgraphCalls,
  });
  await runService({ server, port: config.port, host: config.host, logger });
}

main().catch(exitOnStartupFailure);
