import type { OrganisationDirectory } from '../kit/auth/organisation-directory';
import type { AuditLog } from '../kit/audit/audit-log';
import type { ContentStore } from '../kit/content/content-store';
import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createDokumentAccess, type DokumentAccess } from './access/create-dokument-access';
import { createDokumentLoaders, type DokumentLoaders } from './data/create-dokument-loaders';
import { createDokumentQueries, type DokumentQueries } from './data/create-dokument-queries';
import type { SagLookup } from './sag-lookup/sag-lookup';

/** What every request of the dokument subgraph shares, whatever the caller. */
export interface DokumentContextDeps {
  store: BitemporalStore;
  contentStore: ContentStore;
  sagLookup: SagLookup;
  directory: OrganisationDirectory;
  auditLog: AuditLog;
  /** How long the access log keeps records; bounds the periods `Adgangslog` may ask for. */
  auditRetentionMs: number;
  /** How long after an upload its uploader may attach the content. */
  contentAttachWindowMs: number;
  now: () => Date;
}

/**
 * What the dokument resolvers receive: reads bound to this request's instant and filtered by the
 * caller's access, and the request's access log.
 */
export interface DokumentContext extends RequestContext, DokumentAccess {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: DokumentLoaders;
  queries: DokumentQueries;
  store: BitemporalStore;
  contentStore: ContentStore;
  sagLookup: SagLookup;
  /** Resolves privilege groups' municipalities (an auditor's too, for `Adgangslog`). */
  directory: OrganisationDirectory;
  auditLog: AuditLog;
  auditRetentionMs: number;
  contentAttachWindowMs: number;
  now: () => Date;
}

/**
 * Moves a mutation's reads to the instant of its change: the request's instant was fixed before
 * the change was registered, and the answer (its `registreringer`, say) must include the change.
 */
export function moveContextTo(context: DokumentContext, tid: Date): void {
  const at = { virkningstid: tid, registreringstid: tid };
  context.at = at;
  context.loaders = createDokumentLoaders(context.store, at, context);
  context.queries = createDokumentQueries(context.store, at, context.loaders, context);
}

export function createDokumentContext(
  base: RequestContext,
  deps: DokumentContextDeps,
): DokumentContext {
  const access = createDokumentAccess(base, deps);
  const loaders = createDokumentLoaders(deps.store, base.at, access);
  return {
    ...base,
    ...access,
    loaders,
    queries: createDokumentQueries(deps.store, base.at, loaders, access),
    store: deps.store,
    contentStore: deps.contentStore,
    sagLookup: deps.sagLookup,
    directory: deps.directory,
    auditLog: deps.auditLog,
    auditRetentionMs: deps.auditRetentionMs,
    contentAttachWindowMs: deps.contentAttachWindowMs,
    now: deps.now,
  };
}
