import type { Caller } from '../../kit/auth/caller';
import type { OrganisationDirectory } from '../../kit/auth/organisation-directory';
import { createRowAccess, type AccessPaths, type RowAccess } from '../../kit/auth/row-access';
import type { AuditLog } from '../../kit/audit/audit-log';
import { createRequestAudit, type RequestAudit } from '../../kit/audit/create-request-audit';
import type { RequestContext } from '../../kit/create-subgraph-server';
import type { SagLookup } from '../sag-lookup/sag-lookup';
import { createSagAdgangReader, type SagAdgangReader } from './create-sag-adgang-reader';

/**
 * A document holds none of its case's attributes but the owning municipality, so the row access
 * never filters the store by them: lists are filtered by readable cases instead (see
 * buildReadableDokumentFilters). Its filters are read only for the municipalities a caller's
 * grants cover, which is where `organisation` points.
 */
export const DOKUMENT_ACCESS_PATHS: AccessPaths = {
  organisation: 'organisation',
  kleNummer: 'kleNummer',
  ansvarligEnhed: 'ansvarligEnhed',
  foelsomhed: 'foelsomhed',
  cpr: 'cpr',
};

/** One request's access to documents: who may read, who may file, and its access log. */
export interface DokumentAccess {
  caller: Caller;
  /** `dokument:laes`: every read, list and download goes through it. */
  readAccess: RowAccess;
  /** `dokument:skriv`: filing a document needs a group covering the new document. */
  writeAccess: RowAccess;
  audit: RequestAudit;
  /** The current attributes of the cases the request's documents belong to. */
  sager: SagAdgangReader;
}

export interface DokumentAccessDeps {
  directory: OrganisationDirectory;
  sagLookup: SagLookup;
  auditLog: AuditLog;
  now: () => Date;
}

/** Built per request (GraphQL or a content route), from the verified caller. */
export function createDokumentAccess(
  base: RequestContext,
  deps: DokumentAccessDeps,
): DokumentAccess {
  const options = {
    caller: base.caller,
    directory: deps.directory,
    token: base.token,
    paths: DOKUMENT_ACCESS_PATHS,
  };
  return {
    caller: base.caller,
    readAccess: createRowAccess({ ...options, role: 'dokument:laes' }),
    writeAccess: createRowAccess({ ...options, role: 'dokument:skriv' }),
    sager: createSagAdgangReader({
      sagLookup: deps.sagLookup,
      caller: base.caller,
      token: base.token,
    }),
    audit: createRequestAudit({
      log: deps.auditLog,
      service: 'dokument',
      requestId: base.requestId,
      caller: base.caller,
      logger: base.logger,
      now: deps.now,
    }),
  };
}
