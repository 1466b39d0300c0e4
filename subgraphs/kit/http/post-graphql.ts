export interface PostGraphQLOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  url: string;
  query: string;
  variables: Record<string, unknown>;
  /** The caller's bearer token, sent on their behalf; null sends none. */
  token: string | null;
  /** Up to the last byte of the answer. */
  timeoutMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Asks another subgraph on a caller's behalf and returns the answer's `data`. Throws on anything
 * else (network, timeout, a status other than 200, GraphQL errors, no data); the error names the
 * kind of failure only, never the body, which may quote the request. Callers turn it into their
 * own 503, so a request depending on the answer fails closed.
 */
export async function postGraphQL(options: PostGraphQLOptions): Promise<Record<string, unknown>> {
  const response = await (options.fetch ?? globalThis.fetch)(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(options.token === null ? {} : { authorization: `Bearer ${options.token}` }),
    },
    body: JSON.stringify({ query: options.query, variables: options.variables }),
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`answered ${response.status}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Not JSON.parse's message: it quotes the body.
    throw new TypeError('answered no JSON');
  }
  if (!isRecord(body)) throw new TypeError('answered no object');
  if (Array.isArray(body.errors) && body.errors.length > 0) throw new Error('answered with errors');
  if (!isRecord(body.data)) throw new TypeError('answered no data');
  return body.data;
}
