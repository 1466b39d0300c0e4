import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { AuditLog } from '../kit/audit/audit-log';
import type { Authenticator } from '../kit/auth/create-authenticator';
import type { OrganisationDirectory } from '../kit/auth/organisation-directory';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createSagContext, type SagContext } from './context';
import type { KleLookup } from './klassifikation/kle-lookup';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** The published contract; the server implements exactly this file. */
export const SAG_SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'sag.graphql');

export interface SagServerDeps {
  /** Verifies each request's token (see kit/auth). */
  authenticate: Authenticator;
  store: BitemporalStore;
  logger: Logger;
  /** Resolves privilege groups' municipalities and unit restrictions (organisation subgraph). */
  directory: OrganisationDirectory;
  /** What a case's KLE classes are (klassifikation subgraph): the source of its KLE number. */
  kle: KleLookup;
  /** The access log every read, search and change of a case is written to before it answers. */
  auditLog: AuditLog;
  /** How long the access log keeps records (AUDIT_RETENTION_DAYS). */
  auditRetentionMs: number;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readSagTypeDefs(): DocumentNode {
  return parse(readFileSync(SAG_SCHEMA_FILE, 'utf8'));
}

/**
 * The sag subgraph: the case index, with the cases of organisation units and buildings, and the
 * access log of its cases. Side-effect free: nothing listens until `listen` is called, and the
 * caller owns (and closes) the store and the access log.
 */
export function createSagServer(deps: SagServerDeps): Promise<SubgraphServer> {
  const now = deps.now ?? (() => new Date());
  return createSubgraphServer<SagContext>({
    name: 'sag',
    typeDefs: readSagTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) =>
      createSagContext(base, {
        store: deps.store,
        directory: deps.directory,
        kle: deps.kle,
        auditLog: deps.auditLog,
        auditRetentionMs: deps.auditRetentionMs,
        now,
      }),
    checkReady: async () => {
      await deps.store.ping();
      await deps.auditLog.ping();
    },
    logger: deps.logger,
    introspection: deps.introspection,
    authenticate: deps.authenticate,
    now,
  });
}
