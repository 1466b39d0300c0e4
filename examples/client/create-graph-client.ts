import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';

/** One error of a GraphQL answer; `path` names the field that is null because of it. */
export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string };
}

/** An answer with data: complete, or partial with the errors that left fields null. */
export interface GraphResult<T> {
  data: T;
  /** Empty for a complete answer. Each names the null field by `path`. */
  errors: GraphError[];
}

/** The whole request failed: no data came back (HTTP error, refused token, invalid query…). */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphError[],
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token for each request; called again after a 401, for a fresh one. */
  getToken(options: { renew: boolean }): Promise<string>;
  /** Virkningstid / Registreringstid and other headers sent with every request. */
  headers?: Record<string, string>;
  /** Attempts per request when the gateway answers 429 or 503. @default 4 */
  maxAttempts?: number;
  /** The longest wait before a retry, whatever Retry-After says. @default 30000 */
  maxRetryDelayMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default a timer */
  sleep?: (ms: number) => Promise<void>;
}

export interface GraphClient {
  /**
   * Sends one operation. A mutation carries an Idempotency-Key, the same on every retry, so a
   * write the gateway received before a failure is not made twice. Resolves with the data and
   * any partial errors; rejects when no data came back.
   */
  request<T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V>,
    variables: V,
  ): Promise<GraphResult<T>>;
}

/** Retry-After in seconds or as an HTTP date; a missing or unreadable value waits one second. */
function getRetryDelayMs(header: string | null, now: number): number {
  if (header === null) return 1000;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  return {
    async request<T, V extends Record<string, unknown>>(
      document: TypedDocumentNode<T, V>,
      variables: V,
    ): Promise<GraphResult<T>> {
      const operation = getOperationAST(document);
      const body = JSON.stringify({
        query: print(document),
        operationName: operation?.name?.value,
        variables,
      });
      const idempotencyKey = operation?.operation === 'mutation' ? randomUUID() : undefined;
      let renew = false;
      for (let attempt = 1; ; attempt += 1) {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            ...options.headers,
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: `Bearer ${await options.getToken({ renew })}`,
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body,
        });
        const busy = response.status === 429 || response.status === 503;
        if (busy && attempt < maxAttempts) {
          const delay = getRetryDelayMs(response.headers.get('retry-after'), Date.now());
          await response.body?.cancel();
          await sleep(Math.min(delay, maxRetryDelayMs));
          continue;
        }
        // An expired token: one new try with a fresh one.
        if (response.status === 401 && !renew) {
          await response.body?.cancel();
          renew = true;
          continue;
        }
        const answer = (await response.json().catch(() => ({}))) as {
          data?: T | null;
          errors?: GraphError[];
        };
        const errors = answer.errors ?? [];
        if (answer.data === undefined || answer.data === null) {
          const first = errors[0];
          throw new GraphRequestError(
            first
              ? `${first.extensions?.code ?? 'ERROR'}: ${first.message}`
              : `HTTP ${response.status}`,
            response.status,
            errors,
          );
        }
        return { data: answer.data, errors };
      }
    },
  };
}

/**
 * Follows a connection to its end, `pageSize` at a time: `getPage` asks for the page after a
 * cursor and returns its connection. Yields each page's nodes with that page's partial errors.
 */
export async function* readAllPages<N>(
  getPage: (after: string | null) => Promise<{
    nodes: N[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    errors: GraphError[];
  }>,
): AsyncGenerator<{ nodes: N[]; errors: GraphError[] }> {
  let after: string | null = null;
  for (;;) {
    const page = await getPage(after);
    yield { nodes: page.nodes, errors: page.errors };
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return;
    after = page.pageInfo.endCursor;
  }
}
