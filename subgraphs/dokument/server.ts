import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import type { ContentStore } from '../kit/content/content-store';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Authenticator } from '../kit/auth/create-authenticator';
import type { OrganisationDirectory } from '../kit/auth/organisation-directory';
import type { AuditLog } from '../kit/audit/audit-log';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { DEFAULT_CONTENT_ATTACH_WINDOW_MS, DEFAULT_MAX_CONTENT_BYTES } from './config';
import { createDokumentAccess } from './access/create-dokument-access';
import { createDokumentContext, type DokumentContext } from './context';
import { createDownloadIndholdRoute } from './http/create-download-indhold-route';
import { createUploadIndholdRoute } from './http/create-upload-indhold-route';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import type { SagLookup } from './sag-lookup/sag-lookup';

/** The published contract; the server implements exactly this file. */
export const DOKUMENT_SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'dokument.graphql');

export interface DokumentServerDeps {
  /** Verifies each request's token (see kit/auth). */
  authenticate: Authenticator;
  store: BitemporalStore;
  contentStore: ContentStore;
  /** The case index: a new document takes its case's access attributes from it. */
  sagLookup: SagLookup;
  /** Resolves privilege groups' municipalities and unit restrictions. */
  directory: OrganisationDirectory;
  /** Where every use of the documents' personal data is logged; the caller owns (and closes) it. */
  auditLog: AuditLog;
  /** How long the access log keeps records (AUDIT_RETENTION_DAYS). */
  auditRetentionMs: number;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** Largest file `POST /indhold` accepts. @default DEFAULT_MAX_CONTENT_BYTES */
  maxContentBytes?: number;
  /** How long after an upload its uploader may attach it. @default DEFAULT_CONTENT_ATTACH_WINDOW_MS */
  contentAttachWindowMs?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readDokumentTypeDefs(): DocumentNode {
  return parse(readFileSync(DOKUMENT_SCHEMA_FILE, 'utf8'));
}

/**
 * The dokument subgraph: documents of cases, their variants and parts, `Sag.dokumenter`, and
 * the file content over HTTP (`POST /indhold`, `GET /dokumenter/…/dele/…/indhold`), and the
 * documents' part of `Adgangslog`. Every path to a document applies the caller's access and is
 * logged. Side-effect free: nothing listens until `listen` is called, and the caller owns (and
 * closes) the stores and the access log.
 */
export function createDokumentServer(deps: DokumentServerDeps): Promise<SubgraphServer> {
  const now = deps.now ?? (() => new Date());
  const contextDeps = {
    store: deps.store,
    contentStore: deps.contentStore,
    sagLookup: deps.sagLookup,
    directory: deps.directory,
    auditLog: deps.auditLog,
    auditRetentionMs: deps.auditRetentionMs,
    contentAttachWindowMs: deps.contentAttachWindowMs ?? DEFAULT_CONTENT_ATTACH_WINDOW_MS,
    now,
  };
  return createSubgraphServer<DokumentContext>({
    name: 'dokument',
    typeDefs: readDokumentTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) => createDokumentContext(base, contextDeps),
    checkReady: async () => {
      await Promise.all([deps.store.ping(), deps.contentStore.ping(), deps.auditLog.ping()]);
    },
    logger: deps.logger,
    introspection: deps.introspection,
    authenticate: deps.authenticate,
    routes: [
      createUploadIndholdRoute({
        store: deps.store,
        now,
        contentStore: deps.contentStore,
        maxContentBytes: deps.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES,
      }),
      createDownloadIndholdRoute({
        store: deps.store,
        contentStore: deps.contentStore,
        getAccess: (context) => createDokumentAccess(context, contextDeps),
      }),
    ],
    now,
  });
}
