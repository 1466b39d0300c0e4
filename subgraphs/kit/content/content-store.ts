import type { Readable } from 'node:stream';

/** What a store knows about a stored file; `id` is a random uuid the store chose. */
export interface ContentInfo {
  id: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the bytes, computed by the store while it wrote them. */
  sha256: string;
  mimetype: string;
}

export interface WriteContentOptions {
  /** A larger content is refused with PAYLOAD_TOO_LARGE and nothing is kept. */
  maxBytes: number;
  /** Hex SHA-256 the sender computed; a different content is refused with CHECKSUM_MISMATCH. */
  expectedSha256?: string;
  /** Stored as given; the caller validates it. */
  mimetype: string;
}

/** A stored file opened for reading; the caller consumes or destroys `stream`. */
export interface OpenedContent extends Omit<ContentInfo, 'id'> {
  stream: Readable;
}

/**
 * The content port: opaque files stored whole, by id. Both adapters (disk, GridFS) stream every
 * write (no file is ever held in memory), hash while streaming and make a write visible only when
 * it is complete and checked, so a refused or failed write leaves nothing behind.
 */
export interface ContentStore {
  /** Stores the bytes of `source`. The store stops reading on refusal but never destroys it. */
  write(
    source: AsyncIterable<Buffer> | Readable,
    options: WriteContentOptions,
  ): Promise<ContentInfo>;
  /** The content with this id; null when there is none, including for ids that are no uuid. */
  open(id: string): Promise<OpenedContent | null>;
  /** The facts about a content without opening it; null as `open`. */
  find(id: string): Promise<ContentInfo | null>;
  /** Deletes a content; an unknown id is no error. */
  remove(id: string): Promise<void>;
  /** Resolves when the backing storage answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
