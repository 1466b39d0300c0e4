import type { SupergraphSdlHook } from '@apollo/gateway';

/**
 * Why a supergraph version was not taken into use:
 * - `SUPERGRAPH_UNREADABLE`: the file could not be read, or the URL did not answer 200/304;
 * - `SUPERGRAPH_SYNTAX_ERROR`: the text is not GraphQL;
 * - `SUPERGRAPH_INVALID`: it parses, but the gateway cannot build a supergraph from it.
 */
export type SupergraphErrorKind =
  | 'SUPERGRAPH_UNREADABLE'
  | 'SUPERGRAPH_SYNTAX_ERROR'
  | 'SUPERGRAPH_INVALID';

/** What the gateway serves now and how its reloads went; contains no SDL. */
export interface SupergraphStatus {
  /** SHA-256 (hex) of the SDL in use: the gateway's composition id. Null before the first load. */
  hash: string | null;
  /** When the version in use was taken into use. */
  loadedAt: Date | null;
  /**
   * Why the latest check failed; null once a check finds the version in use (again) or a new
   * version is taken into use.
   */
  lastError: SupergraphErrorKind | null;
  /** New versions taken into use (`ok`) or refused (`failed`) since the first load. */
  reloads: { ok: number; failed: number };
}

/**
 * Where the gateway's supergraph comes from. `hook` is ApolloGateway's `supergraphSdl` function:
 * it loads the first version and, until the gateway calls its cleanup on stop, swaps in each new
 * version that the gateway accepts. Nothing happens before the gateway calls `hook`.
 */
export interface SupergraphSource {
  hook: SupergraphSdlHook;
  getSupergraphStatus(): SupergraphStatus;
}

/** The first supergraph could not be loaded; `code` says why, the message names no SDL. */
export class SupergraphLoadError extends Error {
  readonly code: SupergraphErrorKind;
  constructor(code: SupergraphErrorKind, message: string, options?: { cause?: unknown }) {
    super(`${message} (${code})`, options);
    this.name = 'SupergraphLoadError';
    this.code = code;
  }
}
