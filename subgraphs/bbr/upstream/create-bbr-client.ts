import type { Logger } from '../../kit/logger';
import type { PointInTime } from '../../kit/point-in-time';
import { createCircuitBreaker, type CircuitState } from '../../kit/create-circuit-breaker';
import { createTtlCache } from '../../kit/create-ttl-cache';
import {
  getKeyOf,
  type BbrCondition,
  type BbrKeyField,
  type BbrPage,
  type BbrRecord,
  type BbrResource,
} from './bbr-record';
import type { BbrHttpRequest, BbrPageQuery, BbrProtocol } from './bbr-protocol';
import type { OAuthTokenSource } from './create-oauth-token-source';
import { CredentialsRejectedError } from './credentials-rejected-error';
import { UpstreamUnavailableError, type UpstreamFailure } from './upstream-unavailable-error';

export interface BbrClientOptions {
  /** How to speak to the upstream (GraphQL or REST), credentials included. */
  protocol: BbrProtocol;
  /** Issues the bearer tokens when the credentials are OAuth client credentials. */
  tokenSource?: OAuthTokenSource | null;
  /** The settings that hold the credentials, named (never their values) when they are refused. */
  credentialSetting: string;
  /** Objects per upstream page; within the service's documented limit. */
  pageSize: number;
  /**
   * After refused credentials every call fails at once for this long, then one trial call goes
   * out; a configuration error is not retried per request.
   */
  credentialRetryMs: number;
  /** Each attempt is abandoned after this long. */
  timeoutMs: number;
  /** Further attempts after a 429 or 5xx (or a refused connection). */
  retries: number;
  /** A longer `Retry-After` than this is not waited for: the call fails instead. */
  maxRetryDelayMs: number;
  /** Wait before a retry when the upstream gives no `Retry-After`, doubled each time. */
  retryBaseDelayMs: number;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** Most keys in one upstream call. */
  batchSize: number;
  breakerFailureThreshold: number;
  breakerResetMs: number;
  logger: Logger;
  /** @default Date.now; the cache, the breakers and "now" run on it. */
  now?: () => number;
  /** @default a timer; tests pass one that records the wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Largest upstream response body read. @default 64 MiB */
  maxResponseBytes?: number;
}

/** Results per key: the key's registrations at the instant (empty when unknown), or why not. */
export type BbrLoadResult = Map<string, BbrRecord[] | UpstreamUnavailableError>;

export interface BbrClient {
  /**
   * The registrations at `at` of each key (objects by id, or by their building or plot), every
   * upstream page followed, in as few calls as the batch size allows, from the cache when fresh.
   * A failing call fails only its own keys.
   */
  loadByKeys(
    resource: BbrResource,
    field: BbrKeyField,
    keys: readonly string[],
    at: PointInTime,
  ): Promise<BbrLoadResult>;
  /** One upstream page of a search (`after`: the upstream's cursor); throws UpstreamUnavailableError. */
  searchPage(
    resource: BbrResource,
    where: readonly BbrCondition[],
    at: PointInTime,
    after: string | null,
  ): Promise<BbrPage>;
  /** Every page of a search; throws UpstreamUnavailableError. */
  searchAll(
    resource: BbrResource,
    where: readonly BbrCondition[],
    at: PointInTime,
  ): Promise<BbrRecord[]>;
  /** False while calls would fail at once: the circuit is open or the credentials were refused. */
  isAvailable(): boolean;
  getCircuitState(): CircuitState;
  /** Why the configuration does not work (refused credentials), or null. Never holds a secret. */
  getConfigurationProblem(): string | null;
}

/** A failed attempt, logged with its details before it becomes UpstreamUnavailableError. */
class CallFailure extends Error {
  constructor(
    readonly reason: UpstreamFailure,
    readonly details: { status?: number; attempts?: number; pages?: number } = {},
  ) {
    super(reason);
  }
}

class UpstreamTimeout extends Error {}

/** The response body was larger than `maxResponseBytes`. */
class UpstreamTooLarge extends Error {}

/** The most pages one lookup or search reads; more means a faulty upstream. */
const MAX_PAGES = 200;

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;
const REFUSED_CREDENTIALS = (status: number): boolean => status === 401 || status === 403;

function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The only code that talks to Datafordeleren's BBR. Every call names its point in time, so the
 * service answers for it; pages are followed to the end. Protects the graph from the upstream:
 * batches, caches, times out, retries 429/5xx a bounded number of times honouring `Retry-After`,
 * stops calling while a circuit breaker is open, and treats refused credentials as a
 * configuration error (logged once, failed at once, tried again only after `credentialRetryMs`).
 * Logs carry the resource and the reason, never the URL, a credential or the body.
 */
export function createBbrClient(options: BbrClientOptions): BbrClient {
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = createTtlCache<BbrRecord[]>({
    ttlMs: options.cacheTtlMs,
    maxEntries: options.cacheMaxEntries,
    now,
  });
  const pageCache = createTtlCache<BbrPage>({
    ttlMs: options.cacheTtlMs,
    maxEntries: options.cacheMaxEntries,
    now,
  });
  const breaker = createCircuitBreaker({
    failureThreshold: options.breakerFailureThreshold,
    resetMs: options.breakerResetMs,
    now,
  });
  // One refusal closes the gate for credentialRetryMs; then one trial call.
  const credentialGate = createCircuitBreaker({
    failureThreshold: 1,
    resetMs: options.credentialRetryMs,
    now,
  });
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  let configurationProblem: string | null = null;

  /**
   * The cache's name for an instant. Within the cache time of now, an answer for "now" serves
   * (that is what caching it means); any other instant is its own entry.
   */
  function instantKey(at: PointInTime): string {
    const current = now();
    const isCurrent = (instant: Date): boolean =>
      Math.abs(instant.getTime() - current) <= options.cacheTtlMs;
    if (isCurrent(at.virkningstid) && isCurrent(at.registreringstid)) return 'now';
    return `${at.virkningstid.toISOString()}/${at.registreringstid.toISOString()}`;
  }

  async function readText(response: Response): Promise<string> {
    if (!response.body) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const part of response.body) {
      size += part.byteLength;
      if (size > maxResponseBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new UpstreamTooLarge();
      }
      chunks.push(part);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function attempt(
    request: BbrHttpRequest,
  ): Promise<{ status: number; headers: Headers; body: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      return { status: response.status, headers: response.headers, body: await readText(response) };
    } catch (error) {
      if (error instanceof UpstreamTooLarge) throw error;
      throw controller.signal.aborted ? new UpstreamTimeout() : error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function callWithRetries(query: BbrPageQuery): Promise<BbrPage> {
    for (let attemptNo = 1; ; attemptNo += 1) {
      const bearer = options.tokenSource ? await options.tokenSource.getToken() : null;
      let response: { status: number; headers: Headers; body: string };
      try {
        response = await attempt(options.protocol.buildRequest(query, bearer));
      } catch (error) {
        if (error instanceof UpstreamTimeout)
          throw new CallFailure('timeout', { attempts: attemptNo });
        if (error instanceof UpstreamTooLarge) {
          throw new CallFailure('malformed', { attempts: attemptNo });
        }
        if (attemptNo > options.retries) throw new CallFailure('network', { attempts: attemptNo });
        await sleep(options.retryBaseDelayMs * 2 ** (attemptNo - 1));
        continue;
      }
      const { status } = response;
      if (status >= 200 && status < 300) {
        let body: unknown;
        try {
          body = JSON.parse(response.body);
        } catch {
          throw new CallFailure('malformed', { status, attempts: attemptNo });
        }
        if (isObject(body) && Array.isArray(body.errors) && body.errors.length > 0) {
          throw new CallFailure('status', { status, attempts: attemptNo });
        }
        const page = options.protocol.parsePage(query, body);
        if (page === null) throw new CallFailure('malformed', { status, attempts: attemptNo });
        return page;
      }
      if (REFUSED_CREDENTIALS(status)) {
        options.tokenSource?.invalidate();
        throw new CredentialsRejectedError(
          `BBR refused the configured credentials (HTTP ${status}); check ${options.credentialSetting}`,
        );
      }
      if (!RETRYABLE(status) || attemptNo > options.retries) {
        throw new CallFailure('status', { status, attempts: attemptNo });
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      if (retryAfter !== null && retryAfter > options.maxRetryDelayMs) {
        throw new CallFailure('retry-after-too-long', { status, attempts: attemptNo });
      }
      const delay = retryAfter ?? options.retryBaseDelayMs * 2 ** (attemptNo - 1);
      options.logger.debug(
        { resource: query.resource, status, delayMs: delay },
        'retrying BBR call',
      );
      await sleep(delay);
    }
  }

  function refuseCredentials(reason: string): void {
    credentialGate.recordFailure();
    // A configuration error is reported once, not once per request.
    if (configurationProblem === null) {
      options.logger.error(
        { reason, retryInMs: options.credentialRetryMs },
        'BBR credentials refused: configuration error',
      );
    }
    configurationProblem = reason;
  }

  function acceptCredentials(): void {
    credentialGate.recordSuccess();
    if (configurationProblem !== null) {
      options.logger.info('BBR accepts the credentials again');
      configurationProblem = null;
    }
  }

  function unavailable(resource: BbrResource, failure: CallFailure): UpstreamUnavailableError {
    options.logger.warn(
      { resource, reason: failure.reason, circuit: breaker.getState(), ...failure.details },
      'BBR call failed',
    );
    return new UpstreamUnavailableError(failure.reason);
  }

  /** One page through the gates: credentials first, then the circuit breaker. */
  async function callPage(query: BbrPageQuery): Promise<BbrPage> {
    if (!credentialGate.tryAcquire()) throw new UpstreamUnavailableError('credentials');
    if (!breaker.tryAcquire()) {
      credentialGate.release();
      throw unavailable(query.resource, new CallFailure('circuit-open'));
    }
    try {
      const page = await callWithRetries(query);
      breaker.recordSuccess();
      acceptCredentials();
      return page;
    } catch (error) {
      if (error instanceof CredentialsRejectedError) {
        // The upstream answered, so it is up; the fault is ours to fix.
        breaker.release();
        refuseCredentials(error.reason);
        throw new UpstreamUnavailableError('credentials');
      }
      credentialGate.release();
      breaker.recordFailure();
      if (error instanceof CallFailure) throw unavailable(query.resource, error);
      if (error instanceof UpstreamUnavailableError) {
        throw unavailable(query.resource, new CallFailure(error.reason));
      }
      throw error;
    }
  }

  async function callAllPages(
    resource: BbrResource,
    where: readonly BbrCondition[],
    at: PointInTime,
  ): Promise<BbrRecord[]> {
    const records: BbrRecord[] = [];
    let after: string | null = null;
    for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
      const page = await callPage({ resource, where, at, after, pageSize: options.pageSize });
      records.push(...page.records);
      if (page.nextCursor === null) return records;
      after = page.nextCursor;
    }
    // An upstream that never ends its pages is faulty: refuse rather than answer with part.
    throw unavailable(resource, new CallFailure('malformed', { pages: MAX_PAGES }));
  }

  async function loadChunk(
    resource: BbrResource,
    field: BbrKeyField,
    keys: string[],
    at: PointInTime,
    results: BbrLoadResult,
  ): Promise<void> {
    try {
      const records = await callAllPages(resource, [{ field, values: keys }], at);
      const byKey = new Map<string, BbrRecord[]>(keys.map((key) => [key, []]));
      for (const record of records) {
        const key = getKeyOf(record, field);
        if (key !== null) byKey.get(key)?.push(record);
      }
      const instant = instantKey(at);
      for (const [key, found] of byKey) {
        cache.set(`${resource}?${field}=${key}@${instant}`, found);
        results.set(key, found);
      }
    } catch (error) {
      if (!(error instanceof UpstreamUnavailableError)) throw error;
      for (const key of keys) results.set(key, error);
    }
  }

  return {
    async loadByKeys(resource, field, keys, at) {
      const results: BbrLoadResult = new Map();
      const missing: string[] = [];
      const instant = instantKey(at);
      for (const key of new Set(keys.map((k) => k.toLowerCase()))) {
        const cached = cache.get(`${resource}?${field}=${key}@${instant}`);
        if (cached === undefined) missing.push(key);
        else results.set(key, cached);
      }
      await Promise.all(
        chunk(missing, options.batchSize).map((keysOfChunk) =>
          loadChunk(resource, field, keysOfChunk, at, results),
        ),
      );
      return results;
    },

    async searchPage(resource, where, at, after) {
      const key = `${resource}?${JSON.stringify(where)}@${instantKey(at)}#${after ?? ''}`;
      const cached = pageCache.get(key);
      if (cached !== undefined) return cached;
      const page = await callPage({ resource, where, at, after, pageSize: options.pageSize });
      pageCache.set(key, page);
      return page;
    },

    searchAll: callAllPages,

    isAvailable: () => breaker.getState() !== 'open' && credentialGate.getState() !== 'open',
    getCircuitState: () => breaker.getState(),
    getConfigurationProblem: () => configurationProblem,
  };
}
