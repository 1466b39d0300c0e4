import { isUuid } from '../ids';
import {
  AUDIT_AKTOER_TYPES,
  AUDIT_OPERATIONS,
  AUDIT_OUTCOMES,
  type AuditRecord,
} from './audit-log';
import { isCpr } from './is-cpr';

/** A JSON Web Token's shape: three base64url parts, the first a JSON object ("eyJ…"). */
const JWT = /^(Bearer\s+)?eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

function fail(field: string, expected: string): never {
  throw new TypeError(`Audit record ${field} must be ${expected}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Plain JSON: what survives `JSON.stringify` and `JSON.parse` unchanged. */
function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (isPlainObject(value)) {
    return Object.values(value).every((item) => isPlainJson(item, depth + 1));
  }
  return false;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || isText(value);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * Checks a record a caller wants written and returns a copy holding only the fields of an
 * AuditRecord, so nothing else a caller put on the object (a token, a document) reaches the log.
 * Throws a TypeError naming the first invalid field.
 */
export function assertAuditRecord(input: AuditRecord): AuditRecord {
  const record: unknown = input;
  if (!isPlainObject(record)) throw new TypeError('Audit record must be an object');
  if (!isUuid(record.id)) fail('id', 'a uuid');
  const tid = record.tid;
  if (!(tid instanceof Date) || Number.isNaN(tid.getTime())) fail('tid', 'a valid Date');
  if (typeof record.requestId !== 'string') fail('requestId', 'a string');
  if (!isText(record.service)) fail('service', 'a non-empty string');
  if (!isText(record.aktoer)) fail('aktoer', 'a non-empty string');
  if (JWT.test(record.aktoer)) fail('aktoer', "the caller's subject, not a token");
  if (!isOneOf(AUDIT_AKTOER_TYPES, record.aktoerType)) {
    fail('aktoerType', AUDIT_AKTOER_TYPES.join(' | '));
  }
  if (!isTextOrNull(record.organisation)) fail('organisation', 'a non-empty string or null');
  const dataansvarlig = record.dataansvarlig;
  if (dataansvarlig !== null && !isUuid(dataansvarlig)) fail('dataansvarlig', 'a uuid or null');
  if (!isTextOrNull(record.rolle)) fail('rolle', 'a non-empty string or null');
  if (!isTextOrNull(record.privilegiegruppe)) {
    fail('privilegiegruppe', 'a non-empty string or null');
  }
  if (!isOneOf(AUDIT_OPERATIONS, record.operation)) fail('operation', AUDIT_OPERATIONS.join(' | '));
  if (!isText(record.objektType)) fail('objektType', 'a non-empty string');
  const objekter = record.objekter;
  if (!Array.isArray(objekter) || !objekter.every(isText)) {
    fail('objekter', 'an array of non-empty strings');
  }
  const cpr = record.cpr;
  // Never quote the value: it may be a CPR number, which must not reach application logs.
  if (!Array.isArray(cpr) || !cpr.every(isCpr)) fail('cpr', 'an array of 10-digit strings');
  const soegekriterier = record.soegekriterier;
  if (soegekriterier !== null && !(isPlainObject(soegekriterier) && isPlainJson(soegekriterier))) {
    fail('soegekriterier', 'a plain JSON object or null');
  }
  if (!isOneOf(AUDIT_OUTCOMES, record.udfald)) fail('udfald', AUDIT_OUTCOMES.join(' | '));
  return {
    id: record.id,
    tid: new Date(tid.getTime()),
    requestId: record.requestId,
    service: record.service,
    aktoer: record.aktoer,
    aktoerType: record.aktoerType,
    organisation: record.organisation,
    dataansvarlig: dataansvarlig === null ? null : dataansvarlig.toLowerCase(),
    rolle: record.rolle,
    privilegiegruppe: record.privilegiegruppe,
    operation: record.operation,
    objektType: record.objektType,
    objekter: [...objekter],
    cpr: [...cpr],
    soegekriterier:
      soegekriterier === null
        ? null
        : (JSON.parse(JSON.stringify(soegekriterier)) as Record<string, unknown>),
    udfald: record.udfald,
  };
}
