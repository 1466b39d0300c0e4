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

/** An upload may be attached by its uploader for an hour. */
export const DEFAULT_CONTENT_ATTACH_WINDOW_MS = 60 * 60 * 1000;
/** Content no document holds is removed a day after its upload. */
export const DEFAULT_CONTENT_TTL_MS = 24 * 60 * 60 * 1000;

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
  /**
   * CONTENT_ATTACH_WINDOW_MINUTES, in milliseconds: how long after an upload its uploader may
   * attach the content to a document. @default 60 minutes
   */
  contentAttachWindowMs: number;
  /**
   * CONTENT_TTL_HOURS, in milliseconds: content no document holds is removed this long after its
   * upload; longer than the attach window. @default 24 hours
   */
  contentTtlMs: number;
}

/** A positive whole number of `unit` from `name`, in milliseconds; `fallbackMs` when unset. */
function readDuration(
  env: Env,
  name: string,
  unitMs: number,
  fallbackMs: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    problems.push(`${name} must be a positive whole number, got "${raw}"`);
    return fallbackMs;
  }
  return value * unitMs;
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
  const contentAttachWindowMs = readDuration(
    env,
    'CONTENT_ATTACH_WINDOW_MINUTES',
    60_000,
    DEFAULT_CONTENT_ATTACH_WINDOW_MS,
    problems,
  );
  const contentTtlMs = readDuration(
    env,
    'CONTENT_TTL_HOURS',
    3_600_000,
    DEFAULT_CONTENT_TTL_MS,
    problems,
  );
  // A content must never be removed while its uploader may still attach it.
  if (contentTtlMs <= contentAttachWindowMs) {
    problems.push('CONTENT_TTL_HOURS must be longer than CONTENT_ATTACH_WINDOW_MINUTES');
  }
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
    contentAttachWindowMs,
    contentTtlMs,
  };
}
