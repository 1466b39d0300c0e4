import { Readable } from 'node:stream';

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('Content chunks must be bytes');
}

function waitForData(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('readable', done);
      stream.off('end', done);
      stream.off('close', done);
      stream.off('error', fail);
    };
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    stream.once('readable', done);
    stream.once('end', done);
    stream.once('close', done);
    stream.once('error', fail);
  });
}

/**
 * The chunks of `source` as Buffers. Unlike a Readable's own iterator, stopping early does not
 * destroy the stream: when the source is an HTTP request, destroying it would also destroy the
 * socket, and the refusal (413, say) could never reach the client.
 */
export async function* readChunks(
  source: AsyncIterable<Buffer | Uint8Array | string> | Readable,
): AsyncGenerator<Buffer> {
  if (!(source instanceof Readable)) {
    for await (const chunk of source) yield toBuffer(chunk);
    return;
  }
  for (;;) {
    const chunk: unknown = source.read();
    if (chunk !== null) {
      yield toBuffer(chunk);
      continue;
    }
    if (source.readableEnded) return;
    if (source.destroyed) throw source.errored ?? new Error('Content stream closed before its end');
    await waitForData(source);
  }
}
