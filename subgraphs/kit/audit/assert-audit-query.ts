import { MAX_AUDIT_PAGE, type AuditQuery } from './audit-log';
import { decodeAuditCursor, type AuditPosition } from './audit-cursor';
import { isUuid } from '../ids';
import { isCpr } from './is-cpr';

/** The most municipalities one query may name. */
export const MAX_AUDIT_DATAANSVARLIGE = 100;

/** A query checked by `assertAuditQuery`, its cursor decoded. */
export interface CheckedAuditQuery {
  cpr: string | null;
  /** Null when the query does not restrict by municipality. */
  dataansvarlig: string[] | null;
  fra: Date | null;
  til: Date | null;
  first: number;
  after: AuditPosition | null;
}

function assertDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`Audit query ${field} must be a valid Date`);
  }
  return new Date(value.getTime());
}

/**
 * Checks a search query before it reaches either adapter: `cpr` exactly ten digits (so no object
 * such as `{"$ne": null}` ever becomes a query operator), `first` an integer 1..MAX_AUDIT_PAGE,
 * dates valid, the cursor one this log made. Throws a TypeError otherwise.
 */
export function assertAuditQuery(query: AuditQuery): CheckedAuditQuery {
  const cpr: unknown = query.cpr;
  if (cpr !== undefined && !isCpr(cpr)) {
    // Never quote the value: it may be a CPR number, which must not reach application logs.
    throw new TypeError('Audit query cpr must be a string of 10 digits');
  }
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > MAX_AUDIT_PAGE) {
    throw new TypeError(`Audit query first must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
  }
  const dataansvarlig: unknown = query.dataansvarlig;
  if (
    dataansvarlig !== undefined &&
    (!Array.isArray(dataansvarlig) ||
      dataansvarlig.length > MAX_AUDIT_DATAANSVARLIGE ||
      !dataansvarlig.every(isUuid))
  ) {
    throw new TypeError(
      `Audit query dataansvarlig must be a list of at most ${MAX_AUDIT_DATAANSVARLIGE} uuids`,
    );
  }
  const after: unknown = query.after;
  if (after !== undefined && after !== null && typeof after !== 'string') {
    throw new TypeError('Invalid audit cursor');
  }
  return {
    cpr: isCpr(cpr) ? cpr : null,
    dataansvarlig: Array.isArray(dataansvarlig)
      ? dataansvarlig.map((uuid: string) => uuid.toLowerCase())
      : null,
    fra: assertDate(query.fra, 'fra'),
    til: assertDate(query.til, 'til'),
    first: query.first,
    after: after ? decodeAuditCursor(after) : null,
  };
}
