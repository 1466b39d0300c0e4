import { readFileSync } from 'node:fs';
import { createLogger } from '../subgraphs/kit/logger';
import { exitOnStartupFailure, runService } from '../subgraphs/kit/run-service';
import { loadConfig } from './config';
import { createGatewayServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'gateway', level: config.logLevel });
  const server = await createGatewayServer({
    supergraphSdl: readFileSync(config.supergraphFile, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    logger,
    introspection: config.introspection,
    queryLimits: config.queryLimits,
    subgraphCalls: config.subgraphCalls,
  });
  await runService({ server, port: config.port, host: config.host, logger });
}

main().catch(exitOnStartupFailure);
