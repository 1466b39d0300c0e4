import { join } from 'node:path';
import type { ContentStoreConfig } from '../kit/content/open-content-store';
import { readAuditRetention } from '../kit/audit/read-audit-retention';
import {
  ConfigError,
  readBoolean,
  readUrl,
  readServiceConfig,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'dokument', defaultPort: 4004 };

/** 25 MiB: a scanned case file fits, a video does not. */
export const DEFAULT_MAX_CONTENT_BYTES = 25 * 1024 * 1024;

export const DEFAULT_SAG_URL = 'http://127.0.0.1:4003/graphql';
export const DEFAULT_ORGANISATION_URL = 'http://127.0.0.1:4001/graphql';

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
  /**
   * SAG_URL: the sag subgraph's GraphQL endpoint, asked for a case's access attributes when a
   * document is filed. @default http://127.0.0.1:4003/graphql
   */
  sagUrl: string;
  /**
   * ORGANISATION_URL: the organisation subgraph's GraphQL endpoint, for privilege groups'
   * municipalities and units. @default http://127.0.0.1:4001/graphql
   */
  organisationUrl: string;
  /** AUDIT_RETENTION_DAYS, in milliseconds: how long the access log keeps records. @default 183 days */
  auditRetentionMs: number;
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
  const sagUrl = readUrl(env, 'SAG_URL', problems) ?? DEFAULT_SAG_URL;
  const organisationUrl = readUrl(env, 'ORGANISATION_URL', problems) ?? DEFAULT_ORGANISATION_URL;
  const auditRetentionMs = readAuditRetention(env, problems);
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  const content: ContentStoreConfig =
    service.store.kind === 'mongodb'
      ? { kind: 'gridfs', uri: service.store.uri, database: service.store.database }
      : { kind: 'disk', dir: env.STORE_DIR ? join(env.STORE_DIR, 'dokument-indhold') : null };
  return {
    ...service,
    seed,
    maxContentBytes,
    content,
    sagUrl,
    organisationUrl,
    auditRetentionMs,
  };
}
