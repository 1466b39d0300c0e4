import { find, Query, updateOne } from 'mingo';
import type { MongoClient } from 'mongodb';

/** A document as mingo takes it. */
type AnyObject = Record<string, unknown>;

/**
 * A stand-in for the official driver's MongoClient, for the adapters' contract tests on machines
 * without a MongoDB server. Queries, projections, sorts, update operators and update pipelines are
 * evaluated by mingo, an independent implementation of MongoDB's query language, so the adapters'
 * query documents run as written instead of being compared to expectations.
 *
 * Covered: the collection calls the store and access-log adapters make (`createIndexes`,
 * `indexes`, `findOne`, `find().toArray()`, `countDocuments`, `insertOne`, `findOneAndUpdate`,
 * `bulkWrite` of `updateOne` upserts, `deleteMany`), unique `_id` and unique indexes (E11000),
 * `$setOnInsert`, `ping`, `collMod` of an index's `expireAfterSeconds` and `dropDatabase`.
 * Not covered, and so not proven by it: the server's own semantics where mingo differs, index
 * use and performance, TTL expiry, write concerns, replication, concurrency between processes,
 * network failures and GridFS.
 */

interface IndexDescription {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
  expireAfterSeconds?: number;
}

type Doc = AnyObject & { _id?: unknown };

/** The error the driver throws on a duplicate key; adapters read only `code`. */
class DuplicateKeyError extends Error {
  readonly code = 11000;
  constructor(index: string) {
    super(`E11000 duplicate key error index: ${index}`);
    this.name = 'MongoServerError';
  }
}

/**
 * A deep copy, as the driver's serialisation gives: a stored document never shares objects with
 * the caller's. (Not structuredClone: under jest it makes Dates of another realm, which neither
 * mingo nor the tests recognise as Dates.)
 */
function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => copy(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
  }
  return value;
}

/** Applies an operator document or a pipeline to a copy of `document` (mingo's updateOne). */
function applyUpdate(document: Doc, update: AnyObject | AnyObject[]): Doc {
  // mingo puts the updated document into the array it is given, in place of the old one.
  const holder = [copy(document)];
  updateOne(holder, {}, update as Parameters<typeof updateOne>[2]);
  return holder[0] ?? document;
}

function getPath(document: Doc, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        value !== null && typeof value === 'object' ? (value as AnyObject)[part] : undefined,
      document,
    );
}

/** The fields an upsert's filter fixes by equality (`{ _id: { $eq: x } }` or `{ _id: x }`). */
function getEqualityFields(filter: AnyObject): AnyObject {
  const fields: AnyObject = {};
  for (const [key, condition] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (condition !== null && typeof condition === 'object' && '$eq' in condition) {
      fields[key] = (condition as AnyObject).$eq;
    } else if (condition === null || typeof condition !== 'object' || condition instanceof Date) {
      fields[key] = condition;
    }
  }
  return fields;
}

function project(document: Doc, projection: AnyObject | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return copy(document);
  const [projected] = find([document], {}, projection).all() as Doc[];
  return copy(projected ?? {});
}

class MingoCollection {
  private documents: Doc[] = [];
  private indexList: IndexDescription[] = [{ key: { _id: 1 }, name: '_id_' }];

  private assertUnique(candidate: Doc, except?: Doc): void {
    for (const index of this.indexList) {
      if (index.name !== '_id_' && !index.unique) continue;
      const paths = Object.keys(index.key);
      const key = JSON.stringify(paths.map((path) => getPath(candidate, path) ?? null));
      const clash = this.documents.some(
        (other) =>
          other !== except &&
          JSON.stringify(paths.map((path) => getPath(other, path) ?? null)) === key,
      );
      if (clash) throw new DuplicateKeyError(index.name);
    }
  }

  private match(filter: AnyObject): Doc[] {
    const query = new Query(filter);
    return this.documents.filter((document) => query.test(document));
  }

  async createIndexes(
    specs: {
      key: Record<string, 1 | -1>;
      name?: string;
      unique?: boolean;
      expireAfterSeconds?: number;
    }[],
  ): Promise<string[]> {
    for (const spec of specs) {
      const name =
        spec.name ??
        Object.entries(spec.key)
          .map(([k, v]) => `${k}_${v}`)
          .join('_');
      if (!this.indexList.some((index) => index.name === name)) {
        this.indexList.push({ ...spec, name });
      }
    }
    return specs.map((spec) => spec.name ?? '');
  }

  async createIndex(
    key: Record<string, 1 | -1>,
    options: { unique?: boolean } = {},
  ): Promise<string> {
    const [name] = await this.createIndexes([{ key, ...options }]);
    return name ?? '';
  }

  async indexes(): Promise<IndexDescription[]> {
    return copy(this.indexList);
  }

  setExpireAfterSeconds(name: string, seconds: number): void {
    const index = this.indexList.find((candidate) => candidate.name === name);
    if (!index) throw new Error(`no index ${name}`);
    index.expireAfterSeconds = seconds;
  }

  async findOne(filter: AnyObject, options: { projection?: AnyObject } = {}): Promise<Doc | null> {
    const [document] = this.match(filter);
    return document ? project(document, options.projection) : null;
  }

  find(
    filter: AnyObject,
    options: { projection?: AnyObject; sort?: Record<string, 1 | -1>; limit?: number } = {},
  ): { toArray(): Promise<Doc[]> } {
    return {
      toArray: async () => {
        let cursor = find(this.documents, filter);
        if (options.sort) cursor = cursor.sort(options.sort);
        // The driver reads a limit of 0 as no limit.
        if (options.limit) cursor = cursor.limit(options.limit);
        return (cursor.all() as Doc[]).map((document) => project(document, options.projection));
      },
    };
  }

  async countDocuments(filter: AnyObject): Promise<number> {
    return this.match(filter).length;
  }

  async insertOne(document: Doc): Promise<{ acknowledged: true; insertedId: unknown }> {
    const stored = copy(document);
    this.assertUnique(stored);
    this.documents.push(stored);
    return { acknowledged: true, insertedId: stored._id };
  }

  /** One update, an operator document or a pipeline; `$setOnInsert` applies to an insert only. */
  private updateFirst(
    filter: AnyObject,
    update: AnyObject | AnyObject[],
    upsert: boolean,
  ): { before: Doc | null; after: Doc | null } {
    const [current] = this.match(filter);
    const withoutInsertFields = (modifier: AnyObject): AnyObject =>
      Object.fromEntries(Object.entries(modifier).filter(([op]) => op !== '$setOnInsert'));
    if (current) {
      const modifier = Array.isArray(update) ? update : withoutInsertFields(update);
      const updated =
        Array.isArray(modifier) || Object.keys(modifier).length > 0
          ? applyUpdate(current, modifier)
          : copy(current);
      this.assertUnique(updated, current);
      this.documents[this.documents.indexOf(current)] = updated;
      return { before: copy(current), after: updated };
    }
    if (!upsert) return { before: null, after: null };
    let created: Doc = copy(getEqualityFields(filter));
    if (Array.isArray(update)) {
      created = applyUpdate(created, update);
    } else {
      Object.assign(created, copy(update.$setOnInsert ?? {}));
      const modifier = withoutInsertFields(update);
      if (Object.keys(modifier).length > 0) created = applyUpdate(created, modifier);
    }
    this.assertUnique(created);
    this.documents.push(created);
    return { before: null, after: created };
  }

  async findOneAndUpdate(
    filter: AnyObject,
    update: AnyObject | AnyObject[],
    options: { projection?: AnyObject; upsert?: boolean; returnDocument?: 'before' | 'after' } = {},
  ): Promise<Doc | null> {
    const { before, after } = this.updateFirst(filter, update, options.upsert ?? false);
    const result = options.returnDocument === 'after' ? after : before;
    return result ? project(result, options.projection) : null;
  }

  async bulkWrite(
    operations: { updateOne?: { filter: AnyObject; update: AnyObject; upsert?: boolean } }[],
    options: { ordered?: boolean } = {},
  ): Promise<{ ok: 1 }> {
    if (options.ordered === false) throw new Error('only ordered bulk writes are supported');
    for (const operation of operations) {
      if (!operation.updateOne) throw new Error('only updateOne bulk operations are supported');
      const { filter, update, upsert } = operation.updateOne;
      this.updateFirst(filter, update, upsert ?? false);
    }
    return { ok: 1 };
  }

  async deleteMany(filter: AnyObject): Promise<{ acknowledged: true; deletedCount: number }> {
    const matched = new Set(this.match(filter));
    this.documents = this.documents.filter((document) => !matched.has(document));
    return { acknowledged: true, deletedCount: matched.size };
  }
}

class MingoDb {
  private readonly collections = new Map<string, MingoCollection>();

  collection(name: string): MingoCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MingoCollection();
      this.collections.set(name, collection);
    }
    return collection;
  }

  async command(command: AnyObject): Promise<{ ok: 1 }> {
    if ('ping' in command) return { ok: 1 };
    if (typeof command.collMod === 'string') {
      const index = command.index as { name: string; expireAfterSeconds: number };
      this.collection(command.collMod).setExpireAfterSeconds(index.name, index.expireAfterSeconds);
      return { ok: 1 };
    }
    throw new Error(`command not supported: ${Object.keys(command).join(', ')}`);
  }

  async dropDatabase(): Promise<boolean> {
    this.collections.clear();
    return true;
  }
}

export interface MingoMongoClient {
  /** The client to pass as an adapter's `client`; every adapter given it shares its data. */
  client: MongoClient;
  /** Connects and closes counted, so a test can tell who closes a shared client. */
  closed(): number;
}

/** A fresh, empty in-process stand-in for a MongoDB deployment (see the module comment). */
export function createMingoMongoClient(): MingoMongoClient {
  const databases = new Map<string, MingoDb>();
  let closes = 0;
  const fake = {
    async connect() {
      return fake;
    },
    async close() {
      closes += 1;
    },
    db(name: string) {
      let db = databases.get(name);
      if (!db) {
        db = new MingoDb();
        databases.set(name, db);
      }
      return db;
    },
  };
  // The stand-in implements the part of MongoClient the adapters use, not its whole type.
  return { client: fake as unknown as MongoClient, closed: () => closes };
}
