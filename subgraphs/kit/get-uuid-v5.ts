import { createHash } from 'node:crypto';

/**
 * A name-based uuid (RFC 9562 version 5): the same name in the same namespace always gives the
 * same uuid, so seeds are deterministic and one subgraph's seed can compute the ids another
 * subgraph's seed gives its objects without importing that subgraph.
 */
export function getUuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
