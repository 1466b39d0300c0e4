import { Writable } from 'node:stream';
import { createLogger } from '../../kit/logger';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from '../offline/create-offline-bbr-upstream';
import { createBbrClient, type BbrClient, type BbrClientOptions } from './create-bbr-client';
import { UpstreamUnavailableError } from './upstream-unavailable-error';

// Seeded building 1 of Hjørring (0849): three registrations, its use changed in 2021.
const BYGNING_0849_1 = '857ac2f9-a151-57d8-bb2c-81f37a35a7f2';
const API_KEY = 'secret-api-key-123';

let upstream: OfflineBbrUpstream;
let logLines: string[];
let time: number;
let waits: number[];

beforeAll(async () => {
  upstream = await createOfflineBbrUpstream();
});
afterAll(() => upstream.stop());
beforeEach(() => {
  upstream.clearFaults();
  upstream.requests.length = 0;
  logLines = [];
  time = 0;
  waits = [];
});

function createClient(overrides: Partial<BbrClientOptions> = {}): BbrClient {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return createBbrClient({
    baseUrl: upstream.url,
    apiKey: API_KEY,
    timeoutMs: 1000,
    retries: 2,
    maxRetryDelayMs: 5000,
    retryBaseDelayMs: 10,
    cacheTtlMs: 60_000,
    cacheMaxEntries: 1000,
    batchSize: 10,
    breakerFailureThreshold: 3,
    breakerResetMs: 30_000,
    logger: createLogger({ name: 'bbr-test', level: 'debug', destination }),
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
}

function ids(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
}

describe('createBbrClient', () => {
  it('fetches every registration of a building, in the REST shape, with the key and Format=JSON', async () => {
    const result = await createClient().loadByKeys('bygning', 'Id', [BYGNING_0849_1]);
    expect(result.get(BYGNING_0849_1)).toHaveLength(3);
    expect(upstream.requests).toEqual([
      {
        path: '/bygning',
        params: {
          Id: BYGNING_0849_1,
          Format: 'JSON',
          apikey: API_KEY,
          page: '1',
          pagesize: '1000',
        },
      },
    ]);
  });

  it('refuses a response body larger than the limit, as unreadable', async () => {
    const client = createClient({ maxResponseBytes: 100 });
    const result = await client.loadByKeys('bygning', 'Id', [BYGNING_0849_1]);
    expect(result.get(BYGNING_0849_1)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'malformed',
    });
  });

  it('follows the pages of a lookup whose history does not fit one page', async () => {
    const result = await createClient({ lookupPageSize: 2 }).loadByKeys('bygning', 'Id', [
      BYGNING_0849_1,
    ]);
    expect(result.get(BYGNING_0849_1)).toHaveLength(3);
    expect(upstream.requests.map((r) => r.params.page)).toEqual(['1', '2']);
  });

  it('asks for 100 keys in ceil(100 / batchSize) calls and serves a repeat from the cache', async () => {
    const client = createClient();
    const result = await client.loadByKeys('bygning', 'Id', ids(100));
    expect(upstream.requests).toHaveLength(10);
    expect(upstream.requests[0]?.params.Id?.split('|')).toHaveLength(10);
    expect([...result.values()].every((r) => Array.isArray(r) && r.length === 0)).toBe(true);
    await client.loadByKeys('bygning', 'Id', ids(100));
    expect(upstream.requests).toHaveLength(10);
  });

  it('asks again once the cached answer has expired', async () => {
    const client = createClient({ cacheTtlMs: 1000 });
    await client.loadByKeys('bygning', 'Id', [BYGNING_0849_1]);
    time = 1000;
    await client.loadByKeys('bygning', 'Id', [BYGNING_0849_1]);
    expect(upstream.requests).toHaveLength(2);
  });

  it('fails a slow call with UPSTREAM_UNAVAILABLE after the timeout', async () => {
    // Longer than any test runs: only the client's timeout can end the call (the upstream stops
    // waiting when the caller gives up), so no elapsed time needs measuring.
    upstream.setFaults({ latencyMs: 10 * 60 * 1000 });
    const result = await createClient({ timeoutMs: 100 }).loadByKeys('bygning', 'Id', ids(1));
    expect(result.get(ids(1)[0] as string)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'timeout',
    });
  });

  it('retries a 429 after the Retry-After it was given, and answers', async () => {
    upstream.setFaults({ status: 429, retryAfterSeconds: 2, times: 1 });
    const result = await createClient().loadByKeys('bygning', 'Id', ids(1));
    expect(result.get(ids(1)[0] as string)).toEqual([]);
    expect(waits).toEqual([2000]);
    expect(upstream.requests).toHaveLength(2);
  });

  it('does not hold a request for a Retry-After longer than it may wait', async () => {
    upstream.setFaults({ status: 429, retryAfterSeconds: 60 });
    const result = await createClient().loadByKeys('bygning', 'Id', ids(1));
    expect(result.get(ids(1)[0] as string)).toBeInstanceOf(UpstreamUnavailableError);
    expect(upstream.requests).toHaveLength(1);
  });

  it('gives up on a 5xx after the bounded number of retries, backing off between them', async () => {
    upstream.setFaults({ status: 503 });
    const result = await createClient().loadByKeys('bygning', 'Id', ids(1));
    expect(result.get(ids(1)[0] as string)).toMatchObject({ reason: 'status' });
    expect(upstream.requests).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('opens the circuit after repeated failures, fails fast without calling, and closes after recovery', async () => {
    const client = createClient({ retries: 0, breakerFailureThreshold: 3, breakerResetMs: 5000 });
    upstream.setFaults({ status: 500 });
    for (const id of ids(3)) {
      await expect(client.search('bygning', { Id: id })).rejects.toThrow(UpstreamUnavailableError);
    }
    expect(upstream.requests).toHaveLength(3);
    expect(client.isAvailable()).toBe(false);

    await expect(client.search('bygning', { Kommunekode: '0849' })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'circuit-open',
    });
    expect(upstream.requests).toHaveLength(3);

    upstream.clearFaults();
    time = 5000;
    await expect(client.search('bygning', { Kommunekode: '0849' })).resolves.not.toHaveLength(0);
    expect([client.getCircuitState(), upstream.requests.length]).toEqual(['closed', 4]);
  });

  it('turns a malformed body into a clear error and keeps working', async () => {
    upstream.setFaults({ malformed: true, times: 1 });
    const client = createClient();
    await expect(client.search('grund', { Kommunekode: '0849' })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'BBR answered with a response that could not be read',
    });
    await expect(client.search('grund', { Kommunekode: '0849' })).resolves.toHaveLength(8);
  });

  it('fails only the batch whose call failed', async () => {
    upstream.setFaults({ status: 500, times: 1 });
    const result = await createClient({ retries: 0 }).loadByKeys('bygning', 'Id', ids(20));
    const failed = [...result.values()].filter((r) => r instanceof UpstreamUnavailableError);
    expect(failed).toHaveLength(10);
  });

  it('never logs the upstream URL or the key', async () => {
    upstream.setFaults({ status: 503 });
    await createClient().loadByKeys('bygning', 'Id', ids(1));
    const logs = logLines.join('');
    expect(logs).toContain('BBR call failed');
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(new URL(upstream.url).host);
  });
});
