import type { StoreConfig } from '../config';
import type { BitemporalStore } from './bitemporal-store';
import { createEmbeddedStore } from './embedded-store';
import { createMongoStore } from './mongo-store';

/** Opens the configured adapter; `indexes` are data paths the service searches by. */
export async function openStore(
  config: StoreConfig,
  options: { indexes?: string[] } = {},
): Promise<BitemporalStore> {
  if (config.kind === 'mongodb') {
    return createMongoStore({
      uri: config.uri,
      database: config.database,
      indexes: options.indexes,
    });
  }
  return createEmbeddedStore({
    journalFile: config.journalFile ?? undefined,
    indexes: options.indexes,
  });
}
