import { join } from 'node:path';
import { ConfigError, readPort, readUrl, type Env } from '../subgraphs/kit/config';

export interface GatewayConfig {
  /** @default 4000 */
  port: number;
  /** @default '127.0.0.1' */
  host: string;
  /** @default 'info' */
  logLevel: string;
  /** NODE_ENV=production: no introspection. */
  production: boolean;
  /** @default schema/supergraph.graphql */
  supergraphFile: string;
  /** Subgraph URLs by subgraph name, overriding the ones composed into the supergraph. */
  subgraphUrls: Record<string, string>;
}

const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

/**
 * Reads the gateway's settings. Each subgraph's URL can be set with `SUBGRAPH_URL_<NAME>`
 * (e.g. `SUBGRAPH_URL_ORGANISATION`), so each can run on another supplier's host.
 */
export function loadConfig(env: Env): GatewayConfig {
  const problems: string[] = [];
  const subgraphUrls: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    if (!name.startsWith(SUBGRAPH_URL_PREFIX)) continue;
    const url = readUrl(env, name, problems);
    if (url) subgraphUrls[name.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase()] = url;
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  const config: GatewayConfig = {
    port: readPort(env, 'PORT', 4000, problems),
    host: env.HOST ?? '127.0.0.1',
    logLevel,
    production: env.NODE_ENV === 'production',
    supergraphFile: env.SUPERGRAPH_FILE ?? join(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrls,
  };
  if (problems.length > 0) throw new ConfigError('gateway', problems);
  return config;
}
