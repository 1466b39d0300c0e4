import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain-error';
import { getAktoer, type Caller } from '../auth/caller';
import type { Grant } from '../auth/row-access';
import type { Logger } from '../logger';
import type { AuditLog, AuditOperation, AuditOutcome, AuditRecord } from './audit-log';

/** The access log could not be written: the request is refused rather than left unlogged. */
export class AuditUnavailableError extends DomainError {
  constructor() {
    super('AUDIT_UNAVAILABLE', 'The access log is unavailable; try again later', { status: 503 });
  }
}

/** One use of personal data, as a resolver or loader knows it. */
export interface AuditEntry {
  operation: AuditOperation;
  objektType: string;
  objekter: readonly string[];
  cpr: readonly string[];
  udfald: AuditOutcome;
  /**
   * uuid of the municipality whose data the use concerns (the case's owner), required on every
   * entry so none can leave it out by forgetting; null only when no municipality's data was
   * touched (a citizen's search that found nothing).
   */
  dataansvarlig: string | null;
  /** The grant that allowed it (users); its group, municipality and role are recorded. */
  grant?: Grant | null;
  /** The role asked for, recorded when no grant allowed the use. */
  rolle?: string | null;
  soegekriterier?: Record<string, unknown> | null;
}

/** Writes the access log records of one request. */
export interface RequestAudit {
  /**
   * Appends the entries and resolves once they are durable. Rejects with AuditUnavailableError
   * when they cannot be written, so the data they concern is never returned unlogged.
   */
  record(entries: readonly AuditEntry[]): Promise<void>;
}

export interface RequestAuditOptions {
  log: AuditLog;
  service: string;
  requestId: string;
  caller: Caller;
  logger: Logger;
  now?: () => Date;
}

export function createRequestAudit(options: RequestAuditOptions): RequestAudit {
  const { caller } = options;
  const now = options.now ?? (() => new Date());
  return {
    async record(entries) {
      if (entries.length === 0) return;
      const tid = now();
      const records: AuditRecord[] = entries.map((entry) => ({
        id: randomUUID(),
        tid,
        requestId: options.requestId,
        service: options.service,
        aktoer: getAktoer(caller),
        aktoerType: caller.kind,
        organisation: entry.grant?.group.cvr ?? null,
        dataansvarlig: entry.dataansvarlig,
        rolle: entry.grant?.role ?? entry.rolle ?? null,
        privilegiegruppe: entry.grant?.group.id ?? null,
        operation: entry.operation,
        objektType: entry.objektType,
        objekter: [...new Set(entry.objekter)],
        cpr: [...new Set(entry.cpr)],
        soegekriterier: entry.soegekriterier ?? null,
        udfald: entry.udfald,
      }));
      try {
        await options.log.append(records);
      } catch (error) {
        // The cause is logged without the records: they carry CPR numbers.
        options.logger.error(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'access log append failed',
        );
        throw new AuditUnavailableError();
      }
    },
  };
}
