import type { ServiceConfig } from './config';
import type { SubgraphServer } from './create-subgraph-server';
import { createLogger, type Logger } from './logger';
import { runService } from './run-service';
import type { BitemporalStore } from './store/bitemporal-store';
import { openStore } from './store/open-store';

export interface RunStoredSubgraphOptions {
  name: string;
  config: ServiceConfig & { seed: boolean };
  /** Data paths the subgraph searches by, indexed by the MongoDB adapter. */
  indexes: string[];
  /** Loads the demo seed (idempotent); its result is logged. */
  seed: (store: BitemporalStore) => Promise<object>;
  createServer: (deps: {
    store: BitemporalStore;
    logger: Logger;
    introspection: boolean;
  }) => Promise<SubgraphServer>;
}

/**
 * The entry point of a subgraph that keeps one store: open it, seed when configured, serve, and
 * close the store after the drain on shutdown (or at once if startup fails after it opened).
 */
export async function runStoredSubgraph(options: RunStoredSubgraphOptions): Promise<void> {
  const { config } = options;
  const logger = createLogger({ name: options.name, level: config.logLevel });
  const store = await openStore(config.store, { indexes: options.indexes });
  try {
    if (config.seed) logger.info(await options.seed(store), 'seeded demo data');
    const server = await options.createServer({
      store,
      logger,
      introspection: !config.production,
    });
    await runService({
      server,
      port: config.port,
      host: config.host,
      logger,
      onStopped: () => store.close(),
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
