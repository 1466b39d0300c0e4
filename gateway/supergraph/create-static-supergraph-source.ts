import { getSupergraphHash } from './get-supergraph-hash';
import type { SupergraphSource, SupergraphStatus } from './supergraph-source';

/** A supergraph fixed for the gateway's life (tests, and callers that compose in-process). */
export function createStaticSupergraphSource(
  supergraphSdl: string,
  now: () => Date = () => new Date(),
): SupergraphSource {
  const status: SupergraphStatus = {
    hash: null,
    loadedAt: null,
    lastError: null,
    reloads: { ok: 0, failed: 0 },
  };
  return {
    hook: async () => {
      status.hash = getSupergraphHash(supergraphSdl);
      status.loadedAt = now();
      return { supergraphSdl };
    },
    getSupergraphStatus: () => ({ ...status, reloads: { ...status.reloads } }),
  };
}
