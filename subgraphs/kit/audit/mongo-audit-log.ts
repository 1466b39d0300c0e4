import type { MongoClient } from 'mongodb';
import { acquireMongoClient, type MongoClientLease } from '../store/acquire-mongo-client';
import { getClientSettings } from '../store/mongo-store';
import type { AuditLog, AuditPage, AuditQuery, AuditRecord } from './audit-log';
import { assertRetentionMs } from './assert-retention-ms';
import { encodeAuditCursor } from './audit-cursor';
import {
  buildAppendOperations,
  buildAuditSearch,
  buildIndexSpecs,
  buildPurgeFilter,
  buildTtlCollMod,
  buildTtlIndexSpec,
  findStaleTtlIndex,
  fromAuditDocument,
  getTtlSeconds,
  type AuditDocument,
} from './mongo-audit-query';

export interface MongoAuditLogOptions {
  /** The server, for a client of the log's own (closed by `close`). */
  uri?: string;
  /**
   * A client shared with the process's other MongoDB adapters, used instead of `uri`; whoever
   * made it connects and closes it (`close` leaves it open).
   */
  client?: MongoClient;
  database: string;
  /** Records older than this are never returned; a TTL index removes them. */
  retentionMs: number;
  /** @default 'adgangslog' */
  collection?: string;
  /**
   * How long an operation waits for a usable server: a dead database must fail readiness (and
   * the audited requests) fast, not after the driver's 30 s.
   * @default 5000
   */
  serverSelectionTimeoutMS?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/**
 * The MongoDB adapter: one document per record, written with `w: "majority"`. An append is one
 * ordered bulk write: validation failures send nothing, but a server failure part way through
 * can keep the batch's first records (retrying is safe: ids already present are skipped).
 */
export async function createMongoAuditLog(options: MongoAuditLogOptions): Promise<AuditLog> {
  const retentionMs = assertRetentionMs(options.retentionMs);
  const now = options.now ?? (() => new Date());
  const name = options.collection ?? 'adgangslog';
  // Without a client given, the log shares the process's client for its server.
  const lease = options.client ? null : await acquireMongoClient(getClientSettings(options));
  const client = options.client ?? (lease as MongoClientLease).client;
  const db = client.db(options.database);
  const collection = db.collection<AuditDocument>(name);
  try {
    await collection.createIndexes(buildIndexSpecs());
    const ttlSeconds = getTtlSeconds(retentionMs);
    const stale = findStaleTtlIndex(await collection.indexes(), ttlSeconds);
    // A changed retention: createIndexes would refuse the same key with another expiry.
    if (stale !== null) await db.command(buildTtlCollMod(name, stale, ttlSeconds));
    else await collection.createIndexes([buildTtlIndexSpec(ttlSeconds)]);
  } catch (error) {
    await lease?.release();
    throw error;
  }

  return {
    async append(records: readonly AuditRecord[]): Promise<void> {
      const operations = buildAppendOperations(records);
      if (operations.length === 0) return;
      await collection.bulkWrite(operations, { ordered: true });
    },

    async search(query: AuditQuery): Promise<AuditPage> {
      const search = buildAuditSearch(query, new Date(now().getTime() - retentionMs));
      const documents = await collection
        .find(search.filter, { sort: search.sort, limit: search.limit })
        .toArray();
      const records = documents.slice(0, search.first).map(fromAuditDocument);
      const last = records[records.length - 1];
      return {
        records,
        hasNextPage: documents.length > search.first,
        endCursor: last ? encodeAuditCursor(last) : null,
      };
    },

    async purgeBefore(before: Date): Promise<number> {
      const result = await collection.deleteMany(buildPurgeFilter(before));
      return result.deletedCount;
    },

    async ping(): Promise<void> {
      await db.command({ ping: 1 });
    },

    async close(): Promise<void> {
      await lease?.release();
    },
  };
}
