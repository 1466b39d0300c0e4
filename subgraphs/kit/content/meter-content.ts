import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ChecksumMismatchError, PayloadTooLargeError } from './content-errors';
import { readChunks } from './read-chunks';

/** The running totals of a metered write. */
export interface ContentMeter {
  /** Bytes seen so far. */
  size(): number;
  /** The hex SHA-256 of all bytes; throws CHECKSUM_MISMATCH when it differs from `expected`. */
  finish(): string;
}

/**
 * Passes the chunks of `source` on while counting and hashing them; throws PAYLOAD_TOO_LARGE as
 * soon as the count passes `maxBytes`, before the offending chunk is handed on.
 */
export function meterContent(
  source: AsyncIterable<Buffer> | Readable,
  options: { maxBytes: number; expectedSha256?: string },
): { chunks: AsyncGenerator<Buffer>; meter: ContentMeter } {
  const hash = createHash('sha256');
  let size = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of readChunks(source)) {
      size += chunk.length;
      if (size > options.maxBytes) throw new PayloadTooLargeError(options.maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  return {
    chunks: chunks(),
    meter: {
      size: () => size,
      finish() {
        const sha256 = hash.digest('hex');
        const expected = options.expectedSha256?.toLowerCase();
        if (expected !== undefined && expected !== sha256) throw new ChecksumMismatchError();
        return sha256;
      },
    },
  };
}
