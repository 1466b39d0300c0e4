import type { Collection, MongoClient } from 'mongodb';
import { VersionConflictError } from '../domain-error';
import type {
  AppendInput,
  AppendResult,
  BitemporalStore,
  Data,
  Page,
  PageItem,
  PointInTime,
  Registrering,
  SearchQuery,
  StoredObject,
} from './bitemporal-store';
import { decodeCursor, encodeCursor } from './cursor';
import {
  buildAppendFilter,
  buildAppendUpdate,
  buildCreateDocument,
  buildIndexSpecs,
  buildKeysetCondition,
  buildPointProjection,
  buildPointQuery,
  buildSort,
  fromRegistreringDocument,
  isDuplicateKeyError,
  type ObjectDocument,
} from './mongo-query';
import {
  acquireMongoClient,
  type MongoClientLease,
  type MongoClientSettings,
} from './acquire-mongo-client';
import { buildRegistrering, selectAt } from './virkning';

export interface MongoStoreOptions {
  /** The server, for a client of the store's own (closed by `close`). */
  uri?: string;
  /**
   * A client shared with the process's other MongoDB adapters, used instead of `uri`; whoever
   * made it connects and closes it (`close` leaves it open).
   */
  client?: MongoClient;
  database: string;
  /** @default 'objekter' */
  collection?: string;
  /** Data paths the service searches by (`brugervendtNoegle`, `kle.klasse`); each gets an index. */
  indexes?: string[];
  /**
   * How long an operation waits for a usable server. The driver's 30 s would hold a readiness
   * probe far longer than a dead database deserves.
   * @default 5000
   */
  serverSelectionTimeoutMS?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/** The client settings of an adapter given a `uri`; refuses one given neither uri nor client. */
export function getClientSettings(options: {
  uri?: string;
  serverSelectionTimeoutMS?: number;
}): MongoClientSettings {
  if (!options.uri) throw new Error('a MongoDB adapter needs a uri or a client');
  return { uri: options.uri, serverSelectionTimeoutMS: options.serverSelectionTimeoutMS };
}

/** The parts of a document a point read fetches (see `buildPointProjection`). */
type PointDocument = Pick<ObjectDocument, '_id' | 'sortKey' | 'registreringer'>;

function selectDocumentAt<T extends Data>(
  document: PointDocument,
  at: PointInTime,
): StoredObject<T> | null {
  return selectAt(
    document._id,
    document.registreringer.map((r) => fromRegistreringDocument<T>(r)),
    at,
  );
}

/**
 * The MongoDB adapter: one document per object holding its whole registration chain, so every
 * append is a single-document write made atomic by a compare-and-set on `version`.
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<BitemporalStore> {
  const now = options.now ?? (() => new Date());
  // Without a client given, the store shares the process's client for its server.
  const lease = options.client ? null : await acquireMongoClient(getClientSettings(options));
  const client = options.client ?? (lease as MongoClientLease).client;
  const collection: Collection<ObjectDocument> = client
    .db(options.database)
    .collection<ObjectDocument>(options.collection ?? 'objekter');
  const sequences = client
    .db(options.database)
    .collection<{ _id: string; value: number }>(`${options.collection ?? 'objekter'}_sekvenser`);
  try {
    await collection.createIndexes(buildIndexSpecs(options.indexes ?? []));
  } catch (error) {
    await lease?.release();
    throw error;
  }

  async function conflict(uuid: string, expectedVersion: number): Promise<VersionConflictError> {
    // By `_id` alone: a uuid taken by an object of another type also blocks the create.
    const current = await collection.findOne(
      { _id: { $eq: uuid } },
      { projection: { version: 1 } },
    );
    const currentVersion = current?.version ?? 0;
    return new VersionConflictError(
      `Object ${uuid} is at version ${currentVersion}, not ${expectedVersion}`,
      { expectedVersion, currentVersion },
    );
  }

  return {
    async append<T extends Data>(input: AppendInput<T>): Promise<AppendResult> {
      // Reading the head first lets the shared rules run here; the version filter on the write
      // below makes a change between this read and the write a conflict, not a lost update.
      const head = await collection.findOne(
        { _id: { $eq: input.uuid }, type: input.type },
        { projection: { version: 1, registreringer: { $slice: -1 } } },
      );
      const last = head?.registreringer[head.registreringer.length - 1];
      const registrering = buildRegistrering(
        head && last ? { version: head.version, lastFra: last.fra } : null,
        input,
        now(),
      ) as Registrering;
      if (!head) {
        try {
          await collection.insertOne(
            buildCreateDocument(input.type, input.uuid, input.sortKey ?? input.uuid, registrering),
          );
        } catch (error) {
          if (isDuplicateKeyError(error)) throw await conflict(input.uuid, input.expectedVersion);
          throw error;
        }
      } else {
        const updated = await collection.findOneAndUpdate(
          buildAppendFilter(input.type, input.uuid, input.expectedVersion),
          buildAppendUpdate(input.expectedVersion, registrering),
          { projection: { _id: 1 } },
        );
        if (!updated) throw await conflict(input.uuid, input.expectedVersion);
      }
      return { version: registrering.nr, tid: registrering.fra };
    },

    async findByIds<T extends Data>(
      type: string,
      uuids: readonly string[],
      at: PointInTime,
    ): Promise<(StoredObject<T> | null)[]> {
      if (uuids.length === 0) return [];
      const documents = await collection
        .find(
          { _id: { $in: [...new Set(uuids)] }, ...buildPointQuery(type, at) },
          { projection: buildPointProjection(at) },
        )
        .toArray();
      const found = new Map<string, StoredObject<T> | null>(
        documents.map((document) => [document._id, selectDocumentAt<T>(document, at)]),
      );
      // A fresh copy per position, so two positions with the same uuid never share an object.
      return uuids.map((uuid) => {
        const object = found.get(uuid);
        return object ? structuredClone(object) : null;
      });
    },

    async search<T extends Data>(query: SearchQuery): Promise<Page<T>> {
      // Built (and so validated) first, so a bad filter fails even when no query is sent.
      const pointQuery = buildPointQuery(query.type, query.at, query.filter ?? {}, query.anyOf);
      const order = query.order ?? 'asc';
      const after = query.after ? decodeCursor(query.after) : null;
      // No grant, no rows: answered without a round trip.
      if (query.anyOf?.length === 0) {
        return { items: [], totalCount: 0, hasNextPage: false, endCursor: null };
      }
      const pageQuery = after
        ? { $and: [pointQuery, buildKeysetCondition(after, order)] }
        : pointQuery;
      const first = Math.max(query.first, 0);
      const [documents, totalCount] = await Promise.all([
        collection
          .find(pageQuery, {
            projection: buildPointProjection(query.at),
            sort: buildSort(order),
            // One more than asked tells whether another page follows.
            limit: first + 1,
          })
          .toArray(),
        collection.countDocuments(pointQuery),
      ]);
      const items: PageItem<T>[] = [];
      for (const document of documents.slice(0, first)) {
        const object = selectDocumentAt<T>(document, query.at);
        if (object) {
          items.push({
            ...object,
            cursor: encodeCursor({ sortKey: document.sortKey, uuid: document._id }),
          });
        }
      }
      return {
        items,
        totalCount,
        hasNextPage: documents.length > first,
        endCursor: items[items.length - 1]?.cursor ?? null,
      };
    },

    async findHistory<T extends Data>(type: string, uuid: string): Promise<Registrering<T>[]> {
      const document = await collection.findOne({ _id: { $eq: uuid }, type });
      return document ? document.registreringer.map((r) => fromRegistreringDocument<T>(r)) : [];
    },

    async nextSequence(name: string): Promise<number> {
      // Two first-time upserts of one name can race; the loser hits the unique _id and retries,
      // by then finding the document to increment.
      for (let attempt = 0; ; attempt += 1) {
        try {
          const updated = await sequences.findOneAndUpdate(
            { _id: { $eq: name } },
            { $inc: { value: 1 } },
            { upsert: true, returnDocument: 'after' },
          );
          if (!updated) throw new Error('sequence upsert returned nothing');
          return updated.value;
        } catch (error) {
          if (attempt >= 2 || !isDuplicateKeyError(error)) throw error;
        }
      }
    },

    async ping(): Promise<void> {
      await client.db('admin').command({ ping: 1 });
    },

    async close(): Promise<void> {
      await lease?.release();
    },
  };
}
