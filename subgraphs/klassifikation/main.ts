import { createLogger } from '../kit/logger';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { openStore } from '../kit/store/open-store';
import { loadConfig, SERVICE_NAME } from './config';
import { KLASSIFIKATION_INDEXES } from './data/klassifikation-indexes';
import { seedKlassifikation } from './seed/seed-klassifikation';
import { createKlassifikationServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: SERVICE_NAME, level: config.logLevel });
  const store = await openStore(config.store, { indexes: KLASSIFIKATION_INDEXES });
  try {
    if (config.seed) {
      const counts = await seedKlassifikation(store);
      logger.info(counts, 'KLE seed imported');
    }
    const server = await createKlassifikationServer({
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
    await store.close();
    throw error;
  }
}

main().catch(exitOnStartupFailure);
