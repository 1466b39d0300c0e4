/**
 * The store port: every subgraph keeps its objects bitemporally behind this interface, and both
 * adapters (embedded, MongoDB) implement it and pass the same contract suite.
 *
 * An object is a chain of registrations (transaction time). Each registration carries the object's
 * whole validity timeline (valid time) as a list of non-overlapping periods, each with the data
 * valid in it. Nothing is overwritten: a change appends a registration and closes the previous one.
 */

/** Lifecycle code of a registration, after the OIO standards. */
export type Livscyklus = 'OPSTAAET' | 'IMPORTERET' | 'RETTET' | 'PASSIVERET' | 'SLETTET';

/** Registrations with these codes make the object invisible from their start. */
export const INVISIBLE_LIVSCYKLUS: readonly Livscyklus[] = ['PASSIVERET', 'SLETTET'];

/** Object data: plain JSON-like values only (strings, numbers, booleans, null, arrays, objects). */
export type Data = Record<string, unknown>;

/** A validity period; `til` null means open-ended. `fra` is inclusive, `til` exclusive. */
export interface Virkning<T extends Data = Data> {
  fra: Date;
  til: Date | null;
  data: T;
}

/** One registration: what the system knew from `fra` until `til` (null while current). */
export interface Registrering<T extends Data = Data> {
  /** 1-based and gapless: registration `nr` is the object's version `nr`. */
  nr: number;
  fra: Date;
  til: Date | null;
  livscyklus: Livscyklus;
  /** Who made the change (a user or system id, never a token). */
  aktoer: string;
  note: string | null;
  virkninger: Virkning<T>[];
}

/** The two axes of a read. */
export interface PointInTime {
  virkningstid: Date;
  registreringstid: Date;
}

/** An object as seen at a point in time. */
export interface StoredObject<T extends Data = Data> {
  uuid: string;
  /** The version (registration number) of the registration that was read. */
  version: number;
  data: T;
}

export interface AppendInput<T extends Data = Data> {
  type: string;
  uuid: string;
  /** The version the caller based the change on; 0 creates the object. */
  expectedVersion: number;
  livscyklus: Livscyklus;
  aktoer: string;
  note?: string | null;
  /** The object's complete validity timeline in the new registration. */
  virkninger: Virkning<T>[];
  /** Immutable ordering key set at creation (defaults to the uuid); searches sort by it. */
  sortKey?: string;
  /** Registration time; defaults to now. Never earlier than the previous registration. */
  tid?: Date;
}

export interface AppendResult {
  version: number;
  /** The registration time actually used. */
  tid: Date;
}

/**
 * A literal value a filter compares with. Never an object, so a filter cannot carry operators.
 * Dates live in data as ISO 8601 strings, which compare correctly as strings.
 */
export type FilterValue = string | number | boolean;

/**
 * A condition on one data path. Arrays along the path match when any element matches.
 * `prefix` and `contains` compare strings literally (`contains` ignores case).
 */
export type Condition =
  | { eq: FilterValue | null }
  | { in: FilterValue[] }
  | { prefix: string }
  | { contains: string }
  | { gte?: FilterValue; lt?: FilterValue };

/** Conditions on dotted data paths (`navn`, `kle.klasse`), all of which must hold. */
export type Filter = Record<string, Condition>;

export interface SearchQuery {
  type: string;
  at: PointInTime;
  filter?: Filter;
  /**
   * When given, an object must also match at least one of these filters (each an AND of its
   * conditions). An empty list matches nothing. Used for row-level access: one filter per
   * privilege grant. Holds at most 200 filters; `filter` must hold as well.
   */
  anyOf?: Filter[];
  /** Page size; the GraphQL layer bounds it, the store does not. */
  first: number;
  /** An `endCursor` from a previous page of the same query. */
  after?: string | null;
  /** @default 'asc' */
  order?: 'asc' | 'desc';
}

export interface PageItem<T extends Data = Data> extends StoredObject<T> {
  cursor: string;
}

export interface Page<T extends Data = Data> {
  items: PageItem<T>[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface BitemporalStore {
  /** Appends a registration; throws `VersionConflictError` when `expectedVersion` is stale. */
  append<T extends Data>(input: AppendInput<T>): Promise<AppendResult>;
  /** Reads objects at a point; the result is aligned with `uuids` (null where none is visible). */
  findByIds<T extends Data>(
    type: string,
    uuids: readonly string[],
    at: PointInTime,
  ): Promise<(StoredObject<T> | null)[]>;
  /** Searches objects visible at a point, in (sortKey, uuid) order, one keyset page at a time. */
  search<T extends Data>(query: SearchQuery): Promise<Page<T>>;
  /** Every registration of an object, oldest first; empty when the object does not exist. */
  findHistory<T extends Data>(type: string, uuid: string): Promise<Registrering<T>[]>;
  /**
   * Atomically increments the named counter and returns its new value (1 the first time). A value
   * is never handed out twice, even to concurrent callers or after a restart.
   */
  nextSequence(name: string): Promise<number>;
  /** Resolves when the backing store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
