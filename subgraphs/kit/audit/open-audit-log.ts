import { dirname, join } from 'node:path';
import type { StoreConfig } from '../config';
import type { AuditLog } from './audit-log';
import { createEmbeddedAuditLog } from './embedded-audit-log';
import { createMongoAuditLog } from './mongo-audit-log';

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Opens the audit log beside the service's store: with MongoDB in the same database (collection
 * `adgangslog`); embedded in `<name>-adgangslog.jsonl` in the directory of the store's journal
 * (STORE_DIR), or in memory when the store has no journal. `name` is the service's name.
 */
export async function openAuditLog(
  config: StoreConfig,
  options: { retentionMs: number; name: string },
): Promise<AuditLog> {
  // The name becomes part of a file path: nothing that could leave the directory.
  if (!NAME.test(options.name)) throw new TypeError(`Invalid audit log name: ${options.name}`);
  if (config.kind === 'mongodb') {
    return createMongoAuditLog({
      uri: config.uri,
      database: config.database,
      retentionMs: options.retentionMs,
    });
  }
  return createEmbeddedAuditLog({
    file: config.journalFile
      ? join(dirname(config.journalFile), `${options.name}-adgangslog.jsonl`)
      : undefined,
    retentionMs: options.retentionMs,
  });
}
