import type { Logger } from '../../kit/logger';
import { getKeyOf, type BbrKeyParam, type BbrRecord, type BbrResource } from './bbr-record';
import { createCircuitBreaker, type CircuitState } from '../../kit/create-circuit-breaker';
import { createTtlCache } from '../../kit/create-ttl-cache';
import { UpstreamUnavailableError, type UpstreamFailure } from './upstream-unavailable-error';

export interface BbrClientOptions {
  /** The REST base, ending in /BBR/BBRPublic/1/rest. A secret-free URL; never logged. */
  baseUrl: string;
  /** Sent as the `apikey` parameter when set; never logged. */
  apiKey?: string;
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
  /** @default Date.now; the cache and the breaker run on it. */
  now?: () => number;
  /** @default a timer; tests pass one that records the wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Registrations per page of an id lookup. @default 1000 */
  lookupPageSize?: number;
  /** Largest upstream response body read. @default 64 MiB */
  maxResponseBytes?: number;
}

/** Results per key: the key's registrations (empty when unknown), or why they could not be read. */
export type BbrLoadResult = Map<string, BbrRecord[] | UpstreamUnavailableError>;

export interface BbrClient {
  /**
   * Every registration (history included) of each key, in as few upstream calls as the batch size
   * allows, from the cache when fresh. A failing call fails only its own keys.
   */
  loadByKeys(
    resource: BbrResource,
    param: BbrKeyParam,
    keys: readonly string[],
  ): Promise<BbrLoadResult>;
  /** One page of a search; throws UpstreamUnavailableError. */
  search(resource: BbrResource, params: Readonly<Record<string, string>>): Promise<BbrRecord[]>;
  /** False while the circuit is open: calls would fail fast. */
  isAvailable(): boolean;
  getCircuitState(): CircuitState;
}

class UpstreamTimeout extends Error {}

/** The response body was larger than `maxResponseBytes`. */
class UpstreamTooLarge extends Error {}

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;

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

/**
 * The only code that talks to Datafordeleren's BBR REST service. Protects the graph from it:
 * batches, caches, times out, retries 429/5xx a bounded number of times honouring `Retry-After`,
 * and stops calling while a circuit breaker is open. Failures become UpstreamUnavailableError;
 * logs carry the resource and the reason, never the URL, the key or the body.
 */
/** The most pages one id lookup reads. */
const ID_LOOKUP_MAX_PAGES = 10;

export function createBbrClient(options: BbrClientOptions): BbrClient {
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = createTtlCache<BbrRecord[]>({
    ttlMs: options.cacheTtlMs,
    maxEntries: options.cacheMaxEntries,
    now,
  });
  const breaker = createCircuitBreaker({
    failureThreshold: options.breakerFailureThreshold,
    resetMs: options.breakerResetMs,
    now,
  });
  const base = options.baseUrl.replace(/\/+$/, '');
  const lookupPageSize = options.lookupPageSize ?? 1000;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;

  function buildUrl(resource: BbrResource, params: Readonly<Record<string, string>>): URL {
    const url = new URL(`${base}/${resource}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('Format', 'JSON');
    if (options.apiKey) url.searchParams.set('apikey', options.apiKey);
    return url;
  }

  function fail(
    resource: BbrResource,
    reason: UpstreamFailure,
    details: { status?: number; attempts?: number; pages?: number } = {},
  ): never {
    const status = details.status ?? 0;
    // A refusal of the request itself (4xx other than 429) shows the upstream is up.
    if (reason === 'status' && status >= 400 && status < 500 && status !== 429) {
      breaker.recordSuccess();
    } else if (reason !== 'circuit-open') {
      breaker.recordFailure();
    }
    options.logger.warn(
      { resource, reason, circuit: breaker.getState(), ...details },
      'BBR call failed',
    );
    throw new UpstreamUnavailableError(reason);
  }

  /** The body as text, refused beyond `maxResponseBytes` so a faulty upstream cannot exhaust memory. */
  async function readText(response: Response): Promise<string> {
    if (!response.body) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxResponseBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new UpstreamTooLarge();
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** One HTTP call, body included, abandoned after the timeout; `timedOut` tells why it threw. */
  async function attempt(url: URL): Promise<{ status: number; headers: Headers; body: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      return { status: response.status, headers: response.headers, body: await readText(response) };
    } catch (error) {
      if (error instanceof UpstreamTooLarge) throw error;
      throw controller.signal.aborted ? new UpstreamTimeout() : error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function call(
    resource: BbrResource,
    params: Readonly<Record<string, string>>,
  ): Promise<BbrRecord[]> {
    if (!breaker.tryAcquire()) fail(resource, 'circuit-open');
    try {
      return await callOnce(resource, params);
    } catch (error) {
      // Anything but a reported failure (a bug, say) must still end a breaker trial.
      if (!(error instanceof UpstreamUnavailableError)) breaker.recordFailure();
      throw error;
    }
  }

  async function callOnce(
    resource: BbrResource,
    params: Readonly<Record<string, string>>,
  ): Promise<BbrRecord[]> {
    const url = buildUrl(resource, params);
    for (let attemptNo = 1; ; attemptNo += 1) {
      let response: { status: number; headers: Headers; body: string };
      try {
        response = await attempt(url);
      } catch (error) {
        if (error instanceof UpstreamTimeout) fail(resource, 'timeout', { attempts: attemptNo });
        if (error instanceof UpstreamTooLarge) fail(resource, 'malformed', { attempts: attemptNo });
        if (attemptNo > options.retries) fail(resource, 'network', { attempts: attemptNo });
        await sleep(options.retryBaseDelayMs * 2 ** (attemptNo - 1));
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        let body: unknown;
        try {
          body = JSON.parse(response.body);
        } catch {
          fail(resource, 'malformed', { attempts: attemptNo });
        }
        if (!Array.isArray(body) || !body.every((r) => typeof r === 'object' && r !== null)) {
          fail(resource, 'malformed', { attempts: attemptNo });
        }
        breaker.recordSuccess();
        return body as BbrRecord[];
      }
      const status = response.status;
      if (!RETRYABLE(status) || attemptNo > options.retries) {
        fail(resource, 'status', { status, attempts: attemptNo });
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      if (retryAfter !== null && retryAfter > options.maxRetryDelayMs) {
        fail(resource, 'retry-after-too-long', { status, attempts: attemptNo });
      }
      const delay = retryAfter ?? options.retryBaseDelayMs * 2 ** (attemptNo - 1);
      options.logger.debug({ resource, status, delayMs: delay }, 'retrying BBR call');
      await sleep(delay);
    }
  }

  /**
   * Every page of an id lookup. The API pages over registrations and a chunk of ids returns their
   * whole history, so one page may not hold it all; a short page is the last one.
   */
  async function callAllPages(
    resource: BbrResource,
    params: Readonly<Record<string, string>>,
  ): Promise<BbrRecord[]> {
    const records: BbrRecord[] = [];
    for (let page = 1; page <= ID_LOOKUP_MAX_PAGES; page += 1) {
      const batch = await call(resource, {
        ...params,
        page: String(page),
        pagesize: String(lookupPageSize),
      });
      records.push(...batch);
      if (batch.length < lookupPageSize) return records;
    }
    // More history than any real building has: refuse rather than answer with part of it.
    return fail(resource, 'malformed', { pages: ID_LOOKUP_MAX_PAGES });
  }

  async function loadChunk(
    resource: BbrResource,
    param: BbrKeyParam,
    keys: string[],
    results: BbrLoadResult,
  ): Promise<void> {
    try {
      const records = await callAllPages(resource, { [param]: keys.join('|') });
      const byKey = new Map<string, BbrRecord[]>(keys.map((key) => [key, []]));
      for (const record of records) {
        const key = getKeyOf(record, param);
        if (key !== null) byKey.get(key)?.push(record);
      }
      for (const [key, found] of byKey) {
        cache.set(`${resource}?${param}=${key}`, found);
        results.set(key, found);
      }
    } catch (error) {
      if (!(error instanceof UpstreamUnavailableError)) throw error;
      for (const key of keys) results.set(key, error);
    }
  }

  return {
    async loadByKeys(resource, param, keys) {
      const results: BbrLoadResult = new Map();
      const missing: string[] = [];
      for (const key of new Set(keys.map((k) => k.toLowerCase()))) {
        const cached = cache.get(`${resource}?${param}=${key}`);
        if (cached === undefined) missing.push(key);
        else results.set(key, cached);
      }
      await Promise.all(
        chunk(missing, options.batchSize).map((keysOfChunk) =>
          loadChunk(resource, param, keysOfChunk, results),
        ),
      );
      return results;
    },

    async search(resource, params) {
      const key = `${resource}?${new URLSearchParams(Object.entries(params).sort()).toString()}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const records = await call(resource, params);
      cache.set(key, records);
      return records;
    },

    isAvailable: () => breaker.getState() !== 'open',
    getCircuitState: () => breaker.getState(),
  };
}
