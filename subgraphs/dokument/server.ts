import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import type { ContentStore } from '../kit/content/content-store';
import { createSubgraphServer, type SubgraphServer } from '../kit/create-subgraph-server';
import type { Logger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { DEFAULT_MAX_CONTENT_BYTES } from './config';
import { createDokumentContext, type DokumentContext } from './context';
import { createDownloadIndholdRoute } from './http/create-download-indhold-route';
import { createUploadIndholdRoute } from './http/create-upload-indhold-route';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** The published contract; the server implements exactly this file. */
export const DOKUMENT_SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'dokument.graphql');

export interface DokumentServerDeps {
  store: BitemporalStore;
  contentStore: ContentStore;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** Largest file `POST /indhold` accepts. @default DEFAULT_MAX_CONTENT_BYTES */
  maxContentBytes?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

export function readDokumentTypeDefs(): DocumentNode {
  return parse(readFileSync(DOKUMENT_SCHEMA_FILE, 'utf8'));
}

/**
 * The dokument subgraph: documents of cases, their variants and parts, `Sag.dokumenter`, and
 * the file content over HTTP (`POST /indhold`, `GET /dokumenter/…/dele/…/indhold`). Side-effect
 * free: nothing listens until `listen` is called, and the caller owns (and closes) both stores.
 */
export function createDokumentServer(deps: DokumentServerDeps): Promise<SubgraphServer> {
  const now = deps.now ?? (() => new Date());
  return createSubgraphServer<DokumentContext>({
    name: 'dokument',
    typeDefs: readDokumentTypeDefs(),
    resolvers,
    permissions,
    createContext: (base) =>
      createDokumentContext(base, { store: deps.store, contentStore: deps.contentStore, now }),
    checkReady: async () => {
      await Promise.all([deps.store.ping(), deps.contentStore.ping()]);
    },
    logger: deps.logger,
    introspection: deps.introspection,
    routes: [
      createUploadIndholdRoute({
        contentStore: deps.contentStore,
        maxContentBytes: deps.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES,
      }),
      createDownloadIndholdRoute({ store: deps.store, contentStore: deps.contentStore }),
    ],
    now,
  });
}
