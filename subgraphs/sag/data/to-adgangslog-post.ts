import type { AuditRecord } from '../../kit/audit/audit-log';

/** The GraphQL `AdgangslogPost`. */
export interface AdgangslogPostNode {
  tid: Date;
  requestId: string;
  aktoer: string;
  organisation: string | null;
  dataansvarlig: string | null;
  rolle: string | null;
  operation: AuditRecord['operation'];
  objektType: string;
  objekter: string[];
  udfald: AuditRecord['udfald'];
  cpr: string[];
  soegekriterier: string | null;
}

/** An access log record as the API shows it: search criteria as a JSON string. */
export function toAdgangslogPost(record: AuditRecord): AdgangslogPostNode {
  return {
    tid: record.tid,
    requestId: record.requestId,
    aktoer: record.aktoer,
    organisation: record.organisation,
    dataansvarlig: record.dataansvarlig,
    rolle: record.rolle,
    operation: record.operation,
    objektType: record.objektType,
    objekter: record.objekter,
    udfald: record.udfald,
    cpr: record.cpr,
    soegekriterier: record.soegekriterier === null ? null : JSON.stringify(record.soegekriterier),
  };
}
