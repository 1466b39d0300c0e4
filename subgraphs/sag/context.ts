import type { AuditLog } from '../kit/audit/audit-log';
import { createRequestAudit, type RequestAudit } from '../kit/audit/create-request-audit';
import type { OrganisationDirectory } from '../kit/auth/organisation-directory';
import { createRowAccess, type RowAccess } from '../kit/auth/row-access';
import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createSagLoaders, type SagLoaders } from './data/create-sag-loaders';
import { createSagQueries, type SagQueries } from './data/create-sag-queries';
import type { KleLookup } from './klassifikation/kle-lookup';
import { createSagReferenceCheck, type SagReferenceCheck } from './sag/create-sag-reference-check';
import { createSagWriteGuard, type SagWriteGuard } from './sag/create-sag-write-guard';
import { SAG_ACCESS_PATHS } from './sag/sag-access-paths';

/** What the sag resolvers receive: reads bound to this request's instant, and the store for changes. */
export interface SagContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: SagLoaders;
  queries: SagQueries;
  /** Changes go through the domain code in `sag/`, which is handed the store. */
  store: BitemporalStore;
  /** The time a change is registered at. */
  now: () => Date;
  /** The caller's `sag:laes` access to cases (the caller's groups, resolved once per request). */
  readAccess: RowAccess;
  /** The caller's `sag:skriv` access to cases. */
  writeAccess: RowAccess;
  /** The access checks (and their access log records) every change runs. */
  writeGuard: SagWriteGuard;
  /** Checks a change's KLE classes and unit against their registers, on the caller's behalf. */
  references: SagReferenceCheck;
  /** Writes this request's access log records. */
  audit: RequestAudit;
  /** Resolves privilege groups' municipalities (an auditor's too, for `adgangslog`). */
  directory: OrganisationDirectory;
  /** The access log itself, for `adgangslog`. */
  auditLog: AuditLog;
  /** How long access log records are kept: the default start of an `adgangslog` period. */
  auditRetentionMs: number;
}

export interface SagContextDeps {
  store: BitemporalStore;
  directory: OrganisationDirectory;
  kle: KleLookup;
  auditLog: AuditLog;
  auditRetentionMs: number;
  now: () => Date;
}

export function createSagContext(base: RequestContext, deps: SagContextDeps): SagContext {
  const { caller, token } = base;
  const access = { caller, directory: deps.directory, token, paths: SAG_ACCESS_PATHS };
  const readAccess = createRowAccess({ ...access, role: 'sag:laes' });
  const writeAccess = createRowAccess({ ...access, role: 'sag:skriv' });
  const audit = createRequestAudit({
    log: deps.auditLog,
    service: 'sag',
    requestId: base.requestId,
    caller,
    logger: base.logger,
    now: deps.now,
  });
  const loaders = createSagLoaders(deps.store, base.at, { readAccess, audit });
  return {
    ...base,
    loaders,
    queries: createSagQueries(deps.store, base.at, loaders, { caller, readAccess, audit }),
    store: deps.store,
    now: deps.now,
    readAccess,
    writeAccess,
    writeGuard: createSagWriteGuard({ caller, readAccess, writeAccess, audit }),
    references: createSagReferenceCheck({ kle: deps.kle, directory: deps.directory, token }),
    audit,
    directory: deps.directory,
    auditLog: deps.auditLog,
    auditRetentionMs: deps.auditRetentionMs,
  };
}
