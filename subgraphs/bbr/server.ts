import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Authenticator } from '../kit/auth/create-authenticator';
import type { Logger } from '../kit/logger';
import { NotReadyError } from '../kit/not-ready-error';
import { createBbrContext, type BbrContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import type { BbrClient } from './upstream/create-bbr-client';

/** The published contract; the server implements exactly this file. */
export const BBR_SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'bbr.graphql');

export interface BbrServerDeps {
  /** Verifies each request's token (see kit/auth). */
  authenticate: Authenticator;
  /** The one client of the upstream, shared by all requests (its cache and breaker are). */
  client: BbrClient;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readBbrTypeDefs(): DocumentNode {
  return parse(readFileSync(BBR_SCHEMA_FILE, 'utf8'));
}

/**
 * The bbr subgraph: buildings, units and plots from Datafordeleren's BBR, owned by no store here.
 * Side-effect free: nothing listens until `listen` is called.
 */
export function createBbrServer(deps: BbrServerDeps): Promise<SubgraphServer> {
  return createSubgraphServer<BbrContext>({
    name: 'bbr',
    typeDefs: readBbrTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) => createBbrContext(base, deps.client),
    // No upstream call, so a probe costs nothing: refused credentials, or an open circuit.
    checkReady: async () => {
      const problem = deps.client.getConfigurationProblem();
      if (problem !== null) throw new NotReadyError(problem);
      if (!deps.client.isAvailable()) throw new NotReadyError('BBR is failing: circuit open');
    },
    logger: deps.logger,
    introspection: deps.introspection,
    authenticate: deps.authenticate,
    now: deps.now,
  });
}
