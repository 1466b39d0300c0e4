import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createSagContext, type SagContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** The published contract; the server implements exactly this file. */
export const SAG_SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'sag.graphql');

export interface SagServerDeps {
  store: BitemporalStore;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readSagTypeDefs(): DocumentNode {
  return parse(readFileSync(SAG_SCHEMA_FILE, 'utf8'));
}

/**
 * The sag subgraph: the case index, with the cases of organisation units and buildings. Side-effect
 * free: nothing listens until `listen` is called, and the caller owns (and closes) the store.
 */
export function createSagServer(deps: SagServerDeps): Promise<SubgraphServer> {
  const now = deps.now ?? (() => new Date());
  return createSubgraphServer<SagContext>({
    name: 'sag',
    typeDefs: readSagTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) => createSagContext(base, deps.store, now),
    checkReady: () => deps.store.ping(),
    logger: deps.logger,
    introspection: deps.introspection,
    now,
  });
}
