import { join } from 'node:path';
import type { ContentStoreConfig } from '../kit/content/open-content-store';
import {
  ConfigError,
  readBoolean,
  readServiceConfig,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'dokument', defaultPort: 4004 };

/** 25 MiB: a scanned case file fits, a video does not. */
export const DEFAULT_MAX_CONTENT_BYTES = 25 * 1024 * 1024;

export interface DokumentConfig extends ServiceConfig {
  /** SEED=true: load the demo data at start (idempotent). @default false */
  seed: boolean;
  /** MAX_CONTENT_BYTES: the largest file `POST /indhold` accepts. @default 26214400 (25 MiB) */
  maxContentBytes: number;
  /**
   * Follows the store: GridFS in the same database with STORE=mongodb; otherwise files under
   * `STORE_DIR/dokument-indhold`, or a fresh temporary directory when STORE_DIR is unset.
   */
  content: ContentStoreConfig;
}

/** Reads the dokument service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): DokumentConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const seed = readBoolean(env, 'SEED', false, problems);
  const rawMax = env.MAX_CONTENT_BYTES;
  let maxContentBytes = DEFAULT_MAX_CONTENT_BYTES;
  if (rawMax !== undefined && rawMax !== '') {
    maxContentBytes = Number(rawMax);
    if (!/^\d+$/.test(rawMax) || !Number.isSafeInteger(maxContentBytes) || maxContentBytes < 1) {
      problems.push(`MAX_CONTENT_BYTES must be a positive whole number of bytes, got "${rawMax}"`);
      maxContentBytes = DEFAULT_MAX_CONTENT_BYTES;
    }
  }
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  const content: ContentStoreConfig =
    service.store.kind === 'mongodb'
      ? { kind: 'gridfs', uri: service.store.uri, database: service.store.database }
      : { kind: 'disk', dir: env.STORE_DIR ? join(env.STORE_DIR, 'dokument-indhold') : null };
  return { ...service, seed, maxContentBytes, content };
}
