import { readCappedBody } from '../subgraph-calls/read-capped-body';

/** What one conditional GET of a supergraph URL gave. */
export type FetchedSupergraph =
  | { kind: 'unchanged' }
  | { kind: 'fetched'; supergraphSdl: string; etag: string | null };

/** The URL answered, but not with a supergraph: `status` is its HTTP status, if any. */
export class SupergraphFetchError extends Error {
  readonly reason: 'STATUS' | 'TOO_LARGE';
  readonly status: number | undefined;
  constructor(reason: 'STATUS' | 'TOO_LARGE', status?: number) {
    super(reason === 'STATUS' ? `Supergraph URL answered ${status}` : 'Supergraph too large');
    this.name = 'SupergraphFetchError';
    this.reason = reason;
    this.status = status;
  }
}

export interface FetchSupergraphOptions {
  /** The ETag of the previous answer; sent as If-None-Match so an unchanged one is a 304. */
  etag: string | null;
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * GETs a supergraph: 304 → `unchanged`, 200 → its text and ETag. Any other status or a body over
 * `maxBytes` throws SupergraphFetchError; a network failure or the timeout throws the fetch's
 * own error.
 */
export async function fetchSupergraph(
  url: string,
  options: FetchSupergraphOptions,
): Promise<FetchedSupergraph> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const response = await options.fetch(url, {
    headers: options.etag ? { 'if-none-match': options.etag } : {},
    signal,
  });
  if (response.status === 304) {
    await response.body?.cancel();
    return { kind: 'unchanged' };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new SupergraphFetchError('STATUS', response.status);
  }
  const supergraphSdl = await readCappedBody(response, options.maxBytes, signal);
  if (supergraphSdl === null) throw new SupergraphFetchError('TOO_LARGE');
  return { kind: 'fetched', supergraphSdl, etag: response.headers.get('etag') };
}
