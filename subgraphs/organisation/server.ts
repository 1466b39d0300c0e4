import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Authenticator } from '../kit/auth/create-authenticator';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createOrganisationContext, type OrganisationContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** The published contract; the server implements exactly this file. */
export const ORGANISATION_SCHEMA_FILE = join(
  __dirname,
  '..',
  '..',
  'schema',
  'organisation.graphql',
);

export interface OrganisationServerDeps {
  /** Verifies each request's token (see kit/auth). */
  authenticate: Authenticator;
  store: BitemporalStore;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readOrganisationTypeDefs(): DocumentNode {
  return parse(readFileSync(ORGANISATION_SCHEMA_FILE, 'utf8'));
}

/**
 * The organisation subgraph: organisations, their unit trees with KLE tags, and users. Side-effect
 * free: nothing listens until `listen` is called, and the caller owns (and closes) the store.
 */
export function createOrganisationServer(deps: OrganisationServerDeps): Promise<SubgraphServer> {
  return createSubgraphServer<OrganisationContext>({
    name: 'organisation',
    typeDefs: readOrganisationTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) => createOrganisationContext(base, deps.store),
    checkReady: () => deps.store.ping(),
    logger: deps.logger,
    introspection: deps.introspection,
    authenticate: deps.authenticate,
    now: deps.now,
  });
}
