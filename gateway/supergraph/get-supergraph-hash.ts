import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a supergraph SDL: the id ApolloGateway gives the same SDL. */
export function getSupergraphHash(supergraphSdl: string): string {
  return createHash('sha256').update(supergraphSdl).digest('hex');
}
