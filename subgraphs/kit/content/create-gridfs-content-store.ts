import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { GridFSBucket, MongoClient, type GridFSBucketWriteStream } from 'mongodb';
import { isUuid } from '../ids';
import type { ContentInfo, ContentStore } from './content-store';
import { meterContent } from './meter-content';

export interface GridFsContentStoreOptions {
  uri: string;
  database: string;
  /** @default 'indhold' */
  bucketName?: string;
  /** @default 5000: a dead database should fail readiness fast, not after 30 s. */
  serverSelectionTimeoutMS?: number;
}

/** The facts kept in a GridFS file's `metadata`; `sha256` is set only once the write is checked. */
interface ContentMetadata {
  contentId: string;
  mimetype: string;
  sha256?: string;
}

/**
 * Content in MongoDB GridFS. Files get the driver's ObjectId; the content id is a random uuid in
 * `metadata.contentId` (unique index), so ids look the same whatever the adapter. A file counts
 * as stored only when its metadata has `sha256`, which is set after the whole upload was counted
 * and checked; a refused upload is aborted and its partial file deleted.
 */
export function createGridFsContentStore(options: GridFsContentStoreOptions): ContentStore {
  const client = new MongoClient(options.uri, {
    writeConcern: { w: 'majority' },
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  });
  const db = client.db(options.database);
  const bucketName = options.bucketName ?? 'indhold';
  const bucket = new GridFSBucket(db, { bucketName });
  const files = db.collection(`${bucketName}.files`);
  let indexes: Promise<string> | null = null;
  const ensureIndexes = (): Promise<string> => {
    // A failed attempt is forgotten, so a short outage does not break every later upload.
    indexes ??= files.createIndex({ 'metadata.contentId': 1 }, { unique: true }).catch((error) => {
      indexes = null;
      throw error;
    });
    return indexes;
  };

  async function findFile(id: string) {
    if (!isUuid(id)) return null;
    const file = await bucket
      .find({ 'metadata.contentId': id.toLowerCase(), 'metadata.sha256': { $type: 'string' } })
      .limit(1)
      .next();
    return file;
  }

  function toInfo(id: string, file: NonNullable<Awaited<ReturnType<typeof findFile>>>) {
    const metadata = file.metadata as ContentMetadata;
    return {
      id: id.toLowerCase(),
      size: file.length,
      sha256: metadata.sha256 ?? '',
      mimetype: metadata.mimetype,
    } satisfies ContentInfo;
  }

  return {
    async write(source, writeOptions) {
      const id = randomUUID();
      const { chunks, meter } = meterContent(source, writeOptions);
      let upload: GridFSBucketWriteStream | null = null;
      // Opened at the first accepted chunk: an upload refused at once never reaches the server.
      const openUpload = async (): Promise<GridFSBucketWriteStream> => {
        await ensureIndexes();
        const metadata: ContentMetadata = { contentId: id, mimetype: writeOptions.mimetype };
        const stream = bucket.openUploadStream(id, { metadata });
        // Errors are read from `errored` and the end callback; without a listener one would crash.
        stream.on('error', () => undefined);
        return stream;
      };
      try {
        for await (const chunk of chunks) {
          upload ??= await openUpload();
          if (upload.errored) throw upload.errored;
          if (!upload.write(chunk)) await once(upload, 'drain');
        }
        upload ??= await openUpload();
        const stream = upload;
        await new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        const sha256 = meter.finish();
        await files.updateOne({ _id: upload.id }, { $set: { 'metadata.sha256': sha256 } });
        return { id, size: meter.size(), sha256, mimetype: writeOptions.mimetype };
      } catch (error) {
        if (upload !== null) {
          const fileId = upload.id;
          if (!upload.writableFinished) await upload.abort().catch(() => undefined);
          await bucket.delete(fileId).catch(() => undefined);
        }
        throw error;
      }
    },

    async open(id) {
      const file = await findFile(id);
      if (file === null) return null;
      const info = toInfo(id, file);
      return {
        stream: bucket.openDownloadStream(file._id),
        size: info.size,
        sha256: info.sha256,
        mimetype: info.mimetype,
      };
    },

    async find(id) {
      const file = await findFile(id);
      return file === null ? null : toInfo(id, file);
    },

    async remove(id) {
      if (!isUuid(id)) return;
      const file = await bucket.find({ 'metadata.contentId': id.toLowerCase() }).limit(1).next();
      if (file !== null) await bucket.delete(file._id);
    },

    async ping() {
      await db.command({ ping: 1 });
    },

    close: () => client.close(),
  };
}
