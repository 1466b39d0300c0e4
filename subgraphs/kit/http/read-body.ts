import type { IncomingMessage } from 'node:http';
import { DomainError } from '../domain-error';

/** Reads a request body up to `limit` bytes; a larger body is refused, not truncated. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`, {
        status: 413,
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
