import cluster from 'node:cluster';
import { createAuthenticatorFromConfig } from '../subgraphs/kit/auth/create-authenticator-from-config';
import { createLogger } from '../subgraphs/kit/logger';
import { exitOnStartupFailure, runService } from '../subgraphs/kit/run-service';
import { createTracerFromConfig } from '../subgraphs/kit/tracing/create-tracer-from-config';
import { loadConfig } from './config';
import { createRateLimitStore } from './rate-limits/create-rate-limit-store';
import { createGatewayServer } from './server';
import { createSupergraphSource } from './supergraph/create-supergraph-source';
import { runGatewayWorkers } from './workers/run-gateway-workers';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const baseLogger = createLogger({ name: 'gateway', level: config.logLevel });
  if (!config.auth.required && !cluster.isWorker) {
    baseLogger.warn(
      { authRequired: false },
      'AUTH_REQUIRED=false: requests without a token are let through as anonymous',
    );
  }
  if (config.workers > 1 && cluster.isPrimary) {
    if (config.rateLimits.store.redisUrl === null) {
      baseLogger.warn(
        { workers: config.workers },
        'GATEWAY_WORKERS without REDIS_URL: each worker counts rate limits on its own',
      );
    }
    runGatewayWorkers({ workers: config.workers, logger: baseLogger.child({ role: 'primary' }) });
    return;
  }
  const logger = cluster.isWorker
    ? baseLogger.child({ worker: process.env.GATEWAY_WORKER })
    : baseLogger;
  const rateLimitStore = createRateLimitStore(config.rateLimits.store, logger);
  const { caller, address } = config.rateLimits.settings;
  logger.info(
    { store: config.rateLimits.store.redisUrl === null ? 'memory' : 'redis', caller, address },
    'rate limits',
  );
  const server = await createGatewayServer({
    supergraphSdl: createSupergraphSource({
      location: config.supergraph,
      pollMs: config.supergraphPollMs,
      logger,
    }),
    subgraphUrls: config.subgraphUrls,
    logger,
    authenticate: createAuthenticatorFromConfig(config.auth),
    introspection: config.introspection,
    persistedQueryCacheBytes: config.persistedQueryCacheBytes,
    queryLimits: config.queryLimits,
    subgraphCalls: config.subgraphCalls,
    maxOperationLabels: config.maxOperationLabels,
    rateLimits: config.rateLimits.settings,
    rateLimitStore,
  });
  await runService({
    server,
    port: config.port,
    host: config.host,
    logger,
    shutdownGraceMs: config.shutdownGraceMs,
    onStopped: () => rateLimitStore.close(),
    tracer: createTracerFromConfig('gateway', config.tracing),
  });
}

main().catch(exitOnStartupFailure);
