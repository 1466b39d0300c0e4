import { openContentStore } from '../kit/content/open-content-store';
import { createLogger } from '../kit/logger';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { openStore } from '../kit/store/open-store';
import { loadConfig } from './config';
import { DOKUMENT_INDEXES } from './data/dokument-indexes';
import { seedDokument } from './seed/seed-dokument';
import { createDokumentServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'dokument', level: config.logLevel });
  const store = await openStore(config.store, { indexes: DOKUMENT_INDEXES });
  let content: Awaited<ReturnType<typeof openContentStore>> | undefined;
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled([store.close(), content?.store.close()]);
  };
  try {
    content = await openContentStore(config.content);
    if (config.content.kind === 'disk' && config.content.dir === null) {
      // Said out loud: uploads in a temporary directory are gone with the machine's next cleanup.
      logger.warn(
        { dir: content.dir },
        'STORE_DIR unset: file content kept in a temporary directory',
      );
    }
    if (config.seed) {
      const seeded = await seedDokument(store, content.store);
      logger.info(seeded, 'seeded demo data');
    }
    const server = await createDokumentServer({
      store,
      contentStore: content.store,
      logger,
      introspection: !config.production,
      maxContentBytes: config.maxContentBytes,
    });
    await runService({
      server,
      port: config.port,
      host: config.host,
      logger,
      onStopped: closeAll,
    });
  } catch (error) {
    // Startup failed after the stores opened: release them so the process can exit cleanly.
    await closeAll();
    throw error;
  }
}

main().catch(exitOnStartupFailure);
