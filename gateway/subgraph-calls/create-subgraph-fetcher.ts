import {
  createCircuitBreaker,
  type CircuitState,
} from '../../subgraphs/kit/create-circuit-breaker';
import { getInFlightKey } from './get-in-flight-key';
import { isQueryRequest } from './is-query-request';
import { setParsedResponseBody } from './parsed-response-body';
import { readCappedBody } from './read-capped-body';
import { SubgraphCallError, type SubgraphCallFailure } from './subgraph-call-error';
import { OPERATION_KIND_HEADER } from './subgraph-request-init';
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
  /**
   * Identical queries in flight at the same time (same URL, body and headers, the token and the
   * point in time included) are sent once and share the answer. @default true
   */
  shareInFlight?: boolean;
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
 * The body as a GraphQL response, a JSON object, or null. Anything else (an HTML error page from
 * a proxy, a body cut short) is a failed call even when it came with 200, so that it counts
 * against the breaker and the SLA like any other failure. The parsed object is what the data
 * source uses: the body is parsed once.
 */
function parseGraphQLResponseBody(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** One subgraph answer, read in full: shared by the identical calls that waited for it. */
interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** The parsed body, for the call that made the answer; null for a retryable failure. */
  body: Record<string, unknown> | null;
}

/** Statuses worth another attempt: the subgraph (or a proxy before it) may answer next time. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Statuses whose Response must have no body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Retry-After in ms (seconds or an HTTP date), or null when absent or unreadable. */
function readRetryAfterMs(headers: Headers, now: number): number | null {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Takes the data source's operation kind off the headers (it is for the fetcher alone). */
function takeOperationKind(init: RequestInit | undefined): {
  init: RequestInit;
  operationKind: string | null;
} {
  const headers = init?.headers;
  if (!init || !headers || headers instanceof Headers || Array.isArray(headers)) {
    return { init: init ?? {}, operationKind: null };
  }
  const kind = headers[OPERATION_KIND_HEADER];
  if (kind === undefined) return { init, operationKind: null };
  const rest = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name !== OPERATION_KIND_HEADER),
  );
  return { init: { ...init, headers: rest }, operationKind: String(kind) };
}

/** The answer's headers the gateway reads: its type, its cache policy and a retry hint. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'retry-after'];

/** A Response over one answer, with its parsed body handed to the data source beside it. */
function toResponse(answer: SubgraphAnswer, body: Record<string, unknown> | null): Response {
  // Not a copy of every header: the body is decoded text now, so length and encoding no longer
  // hold, and nothing reads the rest.
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const response = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.text, {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
  if (body !== null) setParsedResponseBody(response, body);
  return response;
}

/**
 * A `fetch` for one subgraph's calls: each attempt has a timeout covering the whole body, the body
 * is buffered up to a cap and must be a JSON object unless the status is a retryable failure
 * (parsed once: the data source takes the parsed body), queries are retried with jittered
 * exponential backoff on connection errors, 5xx and 429, identical queries in flight share one
 * call, and a circuit breaker fails fast while the subgraph keeps failing.
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
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();
  const shareInFlight = options.shareInFlight ?? true;
  const fail = (reason: SubgraphCallError['reason'], cause?: unknown): SubgraphCallError =>
    new SubgraphCallError(options.serviceName, reason, { cause });

  async function attempt(
    input: Parameters<typeof fetch>[0],
    init: RequestInit,
  ): Promise<SubgraphAnswer> {
    // One controller and one timer per attempt, the timer cleared as soon as the attempt ends
    // (a timeout signal would keep its timer until it fires, long after the answer came).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The subgraph call timed out', 'TimeoutError'));
    }, options.timeoutMs);
    const outer = init.signal;
    const abandon = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) abandon();
    else outer?.addEventListener('abort', abandon, { once: true });
    const { signal } = controller;
    try {
      const response = await send(input, { ...init, signal });
      const text = await readCappedBody(response, options.maxResponseBytes, signal);
      if (text === null) throw fail('too-large');
      const retryable = isRetryableStatus(response.status);
      const body = retryable ? null : parseGraphQLResponseBody(text);
      if (!retryable && body === null) throw fail('invalid-body');
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text,
        body,
      };
    } catch (error) {
      if (error instanceof SubgraphCallError || outer?.aborted) throw error;
      throw fail(timedOut ? 'timeout' : 'unreachable', error);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abandon);
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

  async function call(
    input: Parameters<typeof fetch>[0],
    init: RequestInit,
    retries: number,
  ): Promise<SubgraphAnswer> {
    if (!breaker.tryAcquire()) {
      report('breaker_open', now());
      throw fail('circuit-open');
    }
    for (let retry = 0; ; retry += 1) {
      let answer: SubgraphAnswer;
      const startedAt = now();
      try {
        answer = await attempt(input, init);
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
      if (!isRetryableStatus(answer.status)) {
        report('ok', startedAt);
        breaker.recordSuccess();
        return answer;
      }
      report(answer.status === 429 ? 'http_429' : 'http_5xx', startedAt);
      const retryAfterMs = readRetryAfterMs(answer.headers, now());
      if (retry >= retries || (retryAfterMs ?? 0) > maxRetryDelayMs) {
        breaker.recordFailure();
        return answer;
      }
      await sleep(Math.max(backoffMs(retry), retryAfterMs ?? 0));
    }
  }

  const fetcher: typeof fetch = async (input, rawInit) => {
    const { init, operationKind } = takeOperationKind(rawInit);
    const isQuery = operationKind === null ? isQueryRequest(init.body) : operationKind === 'query';
    const retries = isQuery ? options.retries : 0;
    // Only a query without a caller's own abort signal is shared: one caller giving up must not
    // fail the others.
    const key =
      shareInFlight && isQuery && !init.signal ? getInFlightKey(String(input), init) : null;
    if (key === null) {
      const answer = await call(input, init, retries);
      return toResponse(answer, answer.body);
    }
    const shared = inFlight.get(key);
    if (shared) {
      const answer = await shared;
      // Each caller gets its own objects: the gateway merges into the bodies it receives.
      return toResponse(
        answer,
        answer.body === null ? null : parseGraphQLResponseBody(answer.text),
      );
    }
    const started = call(input, init, retries).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    const answer = await started;
    return toResponse(answer, answer.body);
  };
  return Object.assign(fetcher, { getBreakerState: breaker.getState });
}
