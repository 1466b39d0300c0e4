import {
  createCircuitBreaker,
  type CircuitState,
} from '../../subgraphs/kit/create-circuit-breaker';
import { isQueryRequest } from './is-query-request';
import { readCappedBody } from './read-capped-body';
import { SubgraphCallError, type SubgraphCallFailure } from './subgraph-call-error';
import type {
  SubgraphFetchFailure,
  SubgraphFetchObserver,
  SubgraphFetchOutcome,
} from './subgraph-fetch-event';

export interface SubgraphFetcherOptions {
  /** The subgraph this fetcher serves (one fetcher, and so one breaker, per subgraph). */
  serviceName: string;
  /** Per attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** Extra attempts for a query (never a mutation) on a connection error, 5xx or 429. */
  retries: number;
  /** First backoff; doubles per retry, with jitter. */
  retryBaseDelayMs: number;
  /** Longest wait before a retry; a longer Retry-After ends the call. @default 1000 */
  maxRetryDelayMs?: number;
  breaker: { failureThreshold: number; resetMs: number };
  /**
   * The HTTP client. Node's fetch (undici) already keeps connections alive in a shared pool, so
   * the fetcher adds no agent of its own. @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /** @default Date.now */
  now?: () => number;
  /** @default a timer */
  sleep?: (ms: number) => Promise<void>;
  /** @default Math.random */
  random?: () => number;
  /** Told of each attempt's outcome and duration (metrics, SLA follow-up). */
  onFetch?: SubgraphFetchObserver;
}

/** A subgraph's `fetch`, with a view of its circuit breaker for metrics. */
export type SubgraphFetcher = typeof fetch & {
  /** The breaker's state now (an open breaker turns half-open by itself once its time is up). */
  getBreakerState(): CircuitState;
};

const FAILURE_KINDS: Record<SubgraphCallFailure, SubgraphFetchFailure> = {
  'circuit-open': 'breaker_open',
  timeout: 'timeout',
  unreachable: 'connection',
  'too-large': 'too_large',
  'invalid-body': 'invalid_body',
};

/**
 * Whether a body can be a GraphQL response: a JSON object. Anything else (an HTML error page from
 * a proxy, a body cut short) is a failed call even when it came with 200, so that it counts
 * against the breaker and the SLA like any other failure.
 */
function isGraphQLResponseBody(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body);
  } catch {
    return false;
  }
}

/** Statuses worth another attempt: the subgraph (or a proxy before it) may answer next time. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Statuses whose Response must have no body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Retry-After in ms (seconds or an HTTP date), or null when absent or unreadable. */
function readRetryAfterMs(response: Response, now: number): number | null {
  const raw = response.headers.get('retry-after');
  if (raw === null || raw.trim() === '') return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A `fetch` for one subgraph's calls: each attempt has a timeout covering the whole body, the body
 * is buffered up to a cap and must be a JSON object unless the status is a retryable failure, queries are retried with jittered exponential backoff on connection
 * errors, 5xx and 429, and a circuit breaker fails fast while the subgraph keeps failing.
 * Failures without an answer reject with SubgraphCallError; a 5xx or 429 that outlasts the retries
 * is returned as it came, for the data source's `errorFromResponse`.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): SubgraphFetcher {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 1000;
  const breaker = createCircuitBreaker({ ...options.breaker, now });
  const fail = (reason: SubgraphCallError['reason'], cause?: unknown): SubgraphCallError =>
    new SubgraphCallError(options.serviceName, reason, { cause });

  async function attempt(
    input: Parameters<typeof fetch>[0],
    init?: RequestInit,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await send(input, { ...init, signal });
      const text = await readCappedBody(response, options.maxResponseBytes, signal);
      if (text === null) throw fail('too-large');
      if (!isRetryableStatus(response.status) && !isGraphQLResponseBody(text)) {
        throw fail('invalid-body');
      }
      const headers = new Headers(response.headers);
      // The body is now decoded text of another length.
      headers.delete('content-length');
      headers.delete('content-encoding');
      return new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    } catch (error) {
      if (error instanceof SubgraphCallError || init?.signal?.aborted) throw error;
      throw fail(timeout.aborted ? 'timeout' : 'unreachable', error);
    }
  }

  /** The wait before retry number `retry` (0-based): half fixed, half random. */
  function backoffMs(retry: number): number {
    const ceiling = Math.min(maxRetryDelayMs, options.retryBaseDelayMs * 2 ** retry);
    return ceiling / 2 + (random() * ceiling) / 2;
  }

  const report = (outcome: SubgraphFetchOutcome, startedAt: number): void =>
    options.onFetch?.({
      serviceName: options.serviceName,
      outcome,
      durationMs: Math.max(0, now() - startedAt),
    });

  const fetcher: typeof fetch = async (input, init) => {
    if (!breaker.tryAcquire()) {
      report('breaker_open', now());
      throw fail('circuit-open');
    }
    const retries = isQueryRequest(init?.body) ? options.retries : 0;
    for (let retry = 0; ; retry += 1) {
      let response: Response;
      const startedAt = now();
      try {
        response = await attempt(input, init);
      } catch (error) {
        if (error instanceof SubgraphCallError) report(FAILURE_KINDS[error.reason], startedAt);
        // A timeout is not retried: the subgraph may still be working on it, and the caller would
        // wait a multiple of the timeout.
        const retryable = error instanceof SubgraphCallError && error.reason === 'unreachable';
        if (retryable && retry < retries) {
          await sleep(backoffMs(retry));
          continue;
        }
        // The caller gave up: that says nothing about the subgraph.
        if (error instanceof SubgraphCallError) breaker.recordFailure();
        else breaker.release();
        throw error;
      }
      if (!isRetryableStatus(response.status)) {
        report('ok', startedAt);
        breaker.recordSuccess();
        return response;
      }
      report(response.status === 429 ? 'http_429' : 'http_5xx', startedAt);
      const retryAfterMs = readRetryAfterMs(response, now());
      if (retry >= retries || (retryAfterMs ?? 0) > maxRetryDelayMs) {
        breaker.recordFailure();
        return response;
      }
      await sleep(Math.max(backoffMs(retry), retryAfterMs ?? 0));
    }
  };
  return Object.assign(fetcher, { getBreakerState: breaker.getState });
}
