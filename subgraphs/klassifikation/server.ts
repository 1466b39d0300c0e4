import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Authenticator } from '../kit/auth/create-authenticator';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { SERVICE_NAME } from './config';
import { createKlassifikationContext, type KlassifikationContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

export interface KlassifikationServerDeps {
  /** Verifies each request's token (see kit/auth). */
  authenticate: Authenticator;
  store: BitemporalStore;
  logger: Logger;
  /** @default true; main switches it off in production. */
  introspection?: boolean;
  /** The instant a request without time headers is answered for. @default () => new Date() */
  now?: () => Date;
}

/** The published SDL of this subgraph, `schema/klassifikation.graphql`. */
export const KLASSIFIKATION_SCHEMA_FILE = join(
  __dirname,
  '..',
  '..',
  'schema',
  'klassifikation.graphql',
);

export function readKlassifikationTypeDefs(): DocumentNode {
  return parse(readFileSync(KLASSIFIKATION_SCHEMA_FILE, 'utf8'));
}

/**
 * The klassifikation subgraph (Klassifikation, Facet, Klasse; KLE lookups) over `store`. Nothing
 * listens until `listen` is called, and the store stays open after `stop`: its owner closes it.
 */
export function createKlassifikationServer(
  deps: KlassifikationServerDeps,
): Promise<SubgraphServer> {
  return createSubgraphServer<KlassifikationContext>({
    name: SERVICE_NAME,
    typeDefs: readKlassifikationTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) => createKlassifikationContext(base, deps.store),
    checkReady: () => deps.store.ping(),
    logger: deps.logger,
    introspection: deps.introspection,
    authenticate: deps.authenticate,
    now: deps.now,
  });
}
