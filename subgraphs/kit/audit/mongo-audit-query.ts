import type { AnyBulkWriteOperation, Document, IndexDescription } from 'mongodb';
import type { AuditQuery, AuditRecord } from './audit-log';
import { assertAuditQuery } from './assert-audit-query';
import { assertAuditRecord } from './assert-audit-record';

/**
 * Pure builders for the MongoDB audit adapter's documents, queries and indexes, kept apart from
 * the driver calls so they can be tested without a server. Every query value comes from a
 * validated query, so no caller value ever becomes an operator.
 */

/**
 * One document per record, `_id` the record's id. `soegekriterier` is kept as JSON text: it is
 * never queried, and as a sub-document keys such as `$ne` or `kle.klasse` would be refused or
 * reinterpreted by the server instead of stored as written.
 */
export interface AuditDocument {
  _id: string;
  tid: Date;
  requestId: string;
  service: string;
  aktoer: string;
  aktoerType: AuditRecord['aktoerType'];
  organisation: string | null;
  /** Missing in documents written before records named the municipality concerned. */
  dataansvarlig?: string | null;
  rolle: string | null;
  privilegiegruppe: string | null;
  operation: AuditRecord['operation'];
  objektType: string;
  objekter: string[];
  cpr: string[];
  soegekriterier: string | null;
  udfald: AuditRecord['udfald'];
}

/** The name of the TTL index, which removes records once the retention has passed. */
export const TTL_INDEX_NAME = 'tid_ttl';

/** Validates the record (see `assertAuditRecord`) and builds its document. */
export function toAuditDocument(input: AuditRecord): AuditDocument {
  const { id, soegekriterier, ...rest } = assertAuditRecord(input);
  return {
    _id: id,
    ...rest,
    soegekriterier: soegekriterier === null ? null : JSON.stringify(soegekriterier),
  };
}

export function fromAuditDocument(document: AuditDocument): AuditRecord {
  return {
    id: document._id,
    tid: document.tid,
    requestId: document.requestId,
    service: document.service,
    aktoer: document.aktoer,
    aktoerType: document.aktoerType,
    organisation: document.organisation,
    dataansvarlig: document.dataansvarlig ?? null,
    rolle: document.rolle,
    privilegiegruppe: document.privilegiegruppe,
    operation: document.operation,
    objektType: document.objektType,
    objekter: document.objekter,
    cpr: document.cpr,
    soegekriterier:
      document.soegekriterier === null
        ? null
        : (JSON.parse(document.soegekriterier) as Record<string, unknown>),
    udfald: document.udfald,
  };
}

/**
 * One upsert per record, inserting only when its id is new: a retried append (after a timeout
 * that may have written it) keeps one copy. Validates every record before any is built, so an
 * invalid record sends nothing.
 */
export function buildAppendOperations(
  records: readonly AuditRecord[],
): AnyBulkWriteOperation<AuditDocument>[] {
  return records
    .map((record) => toAuditDocument(record))
    .map(({ _id, ...fields }) => ({
      updateOne: { filter: { _id: { $eq: _id } }, update: { $setOnInsert: fields }, upsert: true },
    }));
}

export interface AuditSearch {
  filter: Document;
  sort: { tid: -1; _id: -1 };
  /** One more than `first`: an extra document tells that another page follows. */
  limit: number;
  first: number;
}

/**
 * The find of one search page. Validates the query (see `assertAuditQuery`); records before
 * `retentionStart` are excluded because the TTL monitor removes expired documents only about
 * once a minute.
 */
export function buildAuditSearch(query: AuditQuery, retentionStart: Date): AuditSearch {
  const { cpr, dataansvarlig, fra, til, first, after } = assertAuditQuery(query);
  const lower = fra !== null && fra.getTime() > retentionStart.getTime() ? fra : retentionStart;
  const tid: Document = { $gte: lower };
  if (til !== null) tid.$lt = til;
  const filter: Document = { tid };
  // `$eq` on an array field matches documents whose array holds the value.
  if (cpr !== null) filter.cpr = { $eq: cpr };
  if (dataansvarlig !== null) filter.dataansvarlig = { $in: dataansvarlig };
  if (after !== null) {
    filter.$or = [{ tid: { $lt: after.tid } }, { tid: { $eq: after.tid }, _id: { $lt: after.id } }];
  }
  return { filter, sort: { tid: -1, _id: -1 }, limit: first + 1, first };
}

export function buildPurgeFilter(before: Date): Document {
  if (!(before instanceof Date) || Number.isNaN(before.getTime())) {
    throw new TypeError('purgeBefore needs a valid Date');
  }
  return { tid: { $lt: before } };
}

/** The TTL index's expireAfterSeconds for a retention, rounded up to whole seconds. */
export function getTtlSeconds(retentionMs: number): number {
  return Math.ceil(retentionMs / 1000);
}

/**
 * The search indexes: by CPR newest first (with `_id`, so the keyset sort needs no in-memory
 * stage), and by time alone.
 */
export function buildIndexSpecs(): IndexDescription[] {
  return [
    { key: { cpr: 1, tid: -1, _id: -1 }, name: 'cpr_tid_id' },
    { key: { tid: -1, _id: -1 }, name: 'tid_id' },
  ];
}

export function buildTtlIndexSpec(ttlSeconds: number): IndexDescription {
  return { key: { tid: 1 }, name: TTL_INDEX_NAME, expireAfterSeconds: ttlSeconds };
}

/** What `listIndexes` reports of an index, as far as the TTL check needs it. */
export interface ExistingIndex {
  key: Document;
  name?: string;
  expireAfterSeconds?: number;
}

/**
 * The name of an existing index on `{tid: 1}` whose expireAfterSeconds differs from
 * `ttlSeconds` (creating the index again would fail with an options conflict), or null.
 */
export function findStaleTtlIndex(
  indexes: readonly ExistingIndex[],
  ttlSeconds: number,
): string | null {
  const ttl = indexes.find(
    (index) => Object.keys(index.key).length === 1 && Number(index.key.tid) === 1,
  );
  if (!ttl || ttl.expireAfterSeconds === ttlSeconds) return null;
  return ttl.name ?? null;
}

/** Changes an existing TTL index's expiry in place. */
export function buildTtlCollMod(
  collection: string,
  indexName: string,
  ttlSeconds: number,
): Document {
  return { collMod: collection, index: { name: indexName, expireAfterSeconds: ttlSeconds } };
}
