import type { Document, IndexDescription } from 'mongodb';
import {
  INVISIBLE_LIVSCYKLUS,
  type Condition,
  type Data,
  type Filter,
  type Livscyklus,
  type PointInTime,
  type Registrering,
  type Virkning,
} from './bitemporal-store';
import type { KeysetPosition } from './cursor';
import { assertAnyOf, assertFilter, escapeRegExp } from './filter';

/**
 * Pure builders for the MongoDB adapter's documents, queries and updates, kept apart from the
 * driver calls so they can be tested without a server.
 */

/**
 * Stored in place of an open end (`til: null`), so "valid at t" is always `fra <= t < til` and a
 * point query needs no `$or` on null. Converted back to null at the port boundary.
 */
export const OPEN_END = new Date('9999-12-31T00:00:00.000Z');

export interface VirkningDocument {
  fra: Date;
  til: Date;
  data: Data;
}

export interface RegistreringDocument {
  nr: number;
  fra: Date;
  til: Date;
  livscyklus: Livscyklus;
  aktoer: string;
  note: string | null;
  virkninger: VirkningDocument[];
}

/** One document per object; `version` is the `nr` of its last registration. */
export interface ObjectDocument {
  _id: string;
  type: string;
  version: number;
  sortKey: string;
  registreringer: RegistreringDocument[];
}

export function toStoredTil(til: Date | null): Date {
  return til ?? OPEN_END;
}

export function fromStoredTil(til: Date): Date | null {
  return til.getTime() >= OPEN_END.getTime() ? null : til;
}

export function toRegistreringDocument(registrering: Registrering): RegistreringDocument {
  return {
    nr: registrering.nr,
    fra: registrering.fra,
    til: toStoredTil(registrering.til),
    livscyklus: registrering.livscyklus,
    aktoer: registrering.aktoer,
    note: registrering.note,
    virkninger: registrering.virkninger.map((v) => ({
      fra: v.fra,
      til: toStoredTil(v.til),
      data: v.data,
    })),
  };
}

export function fromRegistreringDocument<T extends Data>(
  document: RegistreringDocument,
): Registrering<T> {
  return {
    nr: document.nr,
    fra: document.fra,
    til: fromStoredTil(document.til),
    livscyklus: document.livscyklus,
    aktoer: document.aktoer,
    note: document.note ?? null,
    virkninger: document.virkninger.map(
      (v): Virkning<T> => ({ fra: v.fra, til: fromStoredTil(v.til), data: v.data as T }),
    ),
  };
}

/** The document that creates an object with its first registration. */
export function buildCreateDocument(
  type: string,
  uuid: string,
  sortKey: string,
  registrering: Registrering,
): ObjectDocument {
  return {
    _id: uuid,
    type,
    version: registrering.nr,
    sortKey,
    registreringer: [toRegistreringDocument(registrering)],
  };
}

/**
 * The BSON types of a present, non-null value. `$type` looks inside a leaf array, so `array`
 * itself is left out: with it, an empty array (no values, as `matchesFilter` sees it) would count
 * as present.
 */
const NON_NULL_TYPES = [
  'double',
  'int',
  'long',
  'decimal',
  'string',
  'bool',
  'object',
  'date',
  'objectId',
  'binData',
];

/** The BSON types of a `FilterValue`. */
const FILTER_VALUE_TYPES = ['double', 'int', 'long', 'decimal', 'string', 'bool'];

/**
 * A regex source that matches `text` literally. A NUL byte is written as `\x00` because the
 * server refuses patterns that contain one.
 */
export function literalPattern(text: string): string {
  return escapeRegExp(text).replace(/\0/g, '\\x00');
}

function buildCondition(condition: Condition): Document {
  if ('eq' in condition) {
    // As in `matchesFilter`: null means no value along the path is present. `{$in: [null]}` would
    // instead match when any array element lacks the field.
    return condition.eq === null ? { $not: { $type: NON_NULL_TYPES } } : { $eq: condition.eq };
  }
  if ('in' in condition) return { $in: condition.in };
  if ('prefix' in condition) return { $regex: `^${literalPattern(condition.prefix)}` };
  if ('contains' in condition) {
    return { $regex: literalPattern(condition.contains), $options: 'i' };
  }
  const range: Document = {};
  // Bounds left undefined are omitted: the driver would otherwise send them as null.
  if (condition.gte !== undefined) range.$gte = condition.gte;
  if (condition.lt !== undefined) range.$lt = condition.lt;
  return Object.keys(range).length > 0 ? range : { $type: FILTER_VALUE_TYPES };
}

/**
 * The conditions of a filter on the fields of one virkning (`data.<path>`). Asserts the filter
 * first, so only literal values ever reach the query and no client value becomes an operator.
 */
export function buildFilterConditions(filter: Filter): Document {
  assertFilter(filter);
  const conditions: Document = {};
  for (const [path, condition] of Object.entries(filter)) {
    conditions[`data.${path}`] = buildCondition(condition);
  }
  return conditions;
}

/**
 * Objects of `type` visible at `at` whose data valid then matches `filter`: one registration
 * current at the registreringstid, not passivated or deleted, with one virkning valid at the
 * virkningstid that satisfies every condition. With `anyOf`, that same virkning must also match
 * at least one of its filters; an empty `anyOf` matches no object (and sends no `$or: []`, which
 * the server rejects).
 */
export function buildPointQuery(
  type: string,
  at: PointInTime,
  filter: Filter = {},
  anyOf?: readonly Filter[],
): Document {
  const conditions = buildFilterConditions(filter);
  // Checked against undefined, not falsiness: a null list must fail, never mean "no limit".
  if (anyOf !== undefined) assertAnyOf(anyOf);
  const virkning: Document = {
    fra: { $lte: at.virkningstid },
    til: { $gt: at.virkningstid },
    ...conditions,
  };
  // Inside the virkning's $elemMatch, so a grant is met by the data valid at the point, not by
  // another period's data.
  if (anyOf !== undefined && anyOf.length > 0)
    virkning.$or = anyOf.map((grant) => buildFilterConditions(grant));
  const query: Document = {
    type,
    registreringer: {
      $elemMatch: {
        fra: { $lte: at.registreringstid },
        til: { $gt: at.registreringstid },
        livscyklus: { $nin: [...INVISIBLE_LIVSCYKLUS] },
        virkninger: { $elemMatch: virkning },
      },
    },
  };
  // Matches no document, where `$or: []` would be refused by the server.
  if (anyOf !== undefined && anyOf.length === 0) query._id = { $in: [] };
  return query;
}

/** Fetches only the registration current at the registreringstid, not the whole history. */
export function buildPointProjection(at: PointInTime): Document {
  return {
    sortKey: 1,
    registreringer: {
      $elemMatch: { fra: { $lte: at.registreringstid }, til: { $gt: at.registreringstid } },
    },
  };
}

/** Items strictly after `after` in (sortKey, _id) order, ascending or descending. */
export function buildKeysetCondition(after: KeysetPosition, order: 'asc' | 'desc'): Document {
  const beyond = order === 'desc' ? '$lt' : '$gt';
  return {
    $or: [
      { sortKey: { [beyond]: after.sortKey } },
      { sortKey: { $eq: after.sortKey }, _id: { [beyond]: after.uuid } },
    ],
  };
}

export function buildSort(order: 'asc' | 'desc'): { sortKey: 1 | -1; _id: 1 | -1 } {
  const direction = order === 'desc' ? -1 : 1;
  return { sortKey: direction, _id: direction };
}

/** Matches the object only while it is still at `expectedVersion`: the compare-and-set. */
export function buildAppendFilter(type: string, uuid: string, expectedVersion: number): Document {
  return { _id: { $eq: uuid }, type, version: expectedVersion };
}

/**
 * An update pipeline that closes the head registration at the new one's `fra` and appends the
 * new one. The new registration is wrapped in `$literal`: inside a pipeline a data string such
 * as `"$navn"` would otherwise be read as a field path, and an object key like `$concat` as an
 * operator.
 */
export function buildAppendUpdate(expectedVersion: number, registrering: Registrering): Document[] {
  return [
    {
      $set: {
        version: { $literal: registrering.nr },
        registreringer: {
          $concatArrays: [
            {
              $map: {
                input: '$registreringer',
                as: 'r',
                in: {
                  $cond: {
                    if: { $eq: ['$$r.nr', { $literal: expectedVersion }] },
                    then: { $mergeObjects: ['$$r', { til: { $literal: registrering.fra } }] },
                    else: '$$r',
                  },
                },
              },
            },
            { $literal: [toRegistreringDocument(registrering)] },
          ],
        },
      },
    },
  ];
}

const INDEX_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The keyset index every search uses, plus one per searched data path. */
export function buildIndexSpecs(dataPaths: readonly string[]): IndexDescription[] {
  return [
    { key: { type: 1, sortKey: 1, _id: 1 } },
    ...dataPaths.map((path): IndexDescription => {
      if (!INDEX_PATH.test(path)) throw new TypeError(`Invalid index path: ${path}`);
      return { key: { type: 1, [`registreringer.virkninger.data.${path}`]: 1 } };
    }),
  ];
}

/** True for the server's duplicate-key error (E11000), whichever driver class carries it. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
