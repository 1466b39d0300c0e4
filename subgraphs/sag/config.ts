import { readAuditRetention } from '../kit/audit/read-audit-retention';
import {
  ConfigError,
  readBoolean,
  readServiceConfig,
  readUrl,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'sag', defaultPort: 4003 };

/** Where the organisation subgraph answers when nothing else is configured (`npm start`). */
export const DEFAULT_ORGANISATION_URL = 'http://127.0.0.1:4001/graphql';

/** Where the klassifikation subgraph answers when nothing else is configured (`npm start`). */
export const DEFAULT_KLASSIFIKATION_URL = 'http://127.0.0.1:4002/graphql';

export interface SagConfig extends ServiceConfig {
  /** SEED=true: load the demo data at start (idempotent). @default false */
  seed: boolean;
  /**
   * ORGANISATION_URL: the organisation subgraph's GraphQL endpoint, asked (with the caller's
   * token) which organisation a privilege group's CVR names and which units a unit restriction
   * covers. @default http://127.0.0.1:4001/graphql
   */
  organisationUrl: string;
  /**
   * KLASSIFIKATION_URL: the klassifikation subgraph's GraphQL endpoint, asked (with the caller's
   * token) what a new or changed case's `kle` and `handlingsfacet` are, so its KLE number is
   * the KLE's, not the client's. @default http://127.0.0.1:4002/graphql
   */
  klassifikationUrl: string;
  /** AUDIT_RETENTION_DAYS, in milliseconds: how long access log records are kept. @default 183 days */
  auditRetentionMs: number;
}

/** Reads the sag service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): SagConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const seed = readBoolean(env, 'SEED', false, problems);
  const organisationUrl = readUrl(env, 'ORGANISATION_URL', problems) ?? DEFAULT_ORGANISATION_URL;
  const klassifikationUrl =
    readUrl(env, 'KLASSIFIKATION_URL', problems) ?? DEFAULT_KLASSIFIKATION_URL;
  const auditRetentionMs = readAuditRetention(env, problems);
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  return { ...service, seed, organisationUrl, klassifikationUrl, auditRetentionMs };
}
