import type { OrganisationDirectory } from '../../kit/auth/organisation-directory';
import { createRowAccess, type AccessPaths, type RowAccess } from '../../kit/auth/row-access';
import type { AuditLog } from '../../kit/audit/audit-log';
import { createRequestAudit, type RequestAudit } from '../../kit/audit/create-request-audit';
import type { RequestContext } from '../../kit/create-subgraph-server';

/** Where a document keeps the attributes access is decided by (see `DokumentData.adgang`). */
export const DOKUMENT_ACCESS_PATHS: AccessPaths = {
  organisation: 'adgang.organisation',
  kleNummer: 'adgang.kleNummer',
  ansvarligEnhed: 'adgang.ansvarligEnhed',
  foelsomhed: 'adgang.foelsomhed',
  cpr: 'adgang.cpr',
};

/** One request's access to documents: who may read, who may file, and its access log. */
export interface DokumentAccess {
  /** `dokument:laes`: every read, list and download goes through it. */
  readAccess: RowAccess;
  /** `dokument:skriv`: filing a document needs a group covering the new document. */
  writeAccess: RowAccess;
  audit: RequestAudit;
}

export interface DokumentAccessDeps {
  directory: OrganisationDirectory;
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
    readAccess: createRowAccess({ ...options, role: 'dokument:laes' }),
    writeAccess: createRowAccess({ ...options, role: 'dokument:skriv' }),
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
