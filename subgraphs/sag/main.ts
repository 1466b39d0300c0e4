import { createLogger } from '../kit/logger';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { openStore } from '../kit/store/open-store';
import { loadConfig } from './config';
import { SAG_INDEXES } from './data/sag-indexes';
import { seedSag } from './seed/seed-sag';
import { createSagServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'sag', level: config.logLevel });
  const store = await openStore(config.store, { indexes: SAG_INDEXES });
  try {
    if (config.seed) {
      const seeded = await seedSag(store);
      logger.info(seeded, 'seeded demo data');
    }
    const server = await createSagServer({
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
    // Startup failed after the store opened: release it so the process can exit cleanly.
    await store.close().catch(() => undefined);
    throw error;
  }
}

main().catch(exitOnStartupFailure);
