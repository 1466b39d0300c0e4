import { Writable } from 'node:stream';
import { createLogger } from '../../kit/logger';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from '../offline/create-offline-bbr-upstream';
import { createTestBbrClient, type TestBbrClientOptions } from '../testing/create-test-bbr-client';
import type { BbrClient } from './create-bbr-client';
import { UpstreamUnavailableError } from './upstream-unavailable-error';

// Seeded building 1 of Jammerbugt (0849): its use changed from 110 to 120 in effect 2021-06-01.
const BYGNING_0849_1 = '857ac2f9-a151-57d8-bb2c-81f37a35a7f2';
const API_KEY = 'secret-api-key-123';
const USERNAME = 'webbruger';
const PASSWORD = 'secret-password-456';

const NOW = { virkningstid: new Date(), registreringstid: new Date() };
const IN_2020 = {
  virkningstid: new Date('2020-01-01T00:00:00Z'),
  registreringstid: new Date('2020-01-01T00:00:00Z'),
};
// Valid in 2020, as known today: the corrected history.
const IN_2020_KNOWN_NOW = {
  virkningstid: new Date('2020-01-01T00:00:00Z'),
  registreringstid: new Date(),
};

let upstream: OfflineBbrUpstream;
let logLines: string[];
let time: number;
let waits: number[];

beforeAll(async () => {
  upstream = await createOfflineBbrUpstream({
    credentials: { apiKey: API_KEY, username: USERNAME, password: PASSWORD },
  });
});
afterAll(() => upstream.stop());
beforeEach(() => {
  upstream.clearFaults();
  upstream.requests.length = 0;
  logLines = [];
  time = 0;
  waits = [];
});

function createClient(overrides: TestBbrClientOptions = {}): BbrClient {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return createTestBbrClient(upstream, {
    credentials: { kind: 'api-key', apiKey: API_KEY },
    retries: 2,
    maxRetryDelayMs: 5000,
    breakerFailureThreshold: 3,
    logger: createLogger({ name: 'bbr-test', level: 'debug', destination }),
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
}

function createRestClient(overrides: TestBbrClientOptions = {}): BbrClient {
  return createClient({
    kind: 'rest',
    credentials: { kind: 'password', username: USERNAME, password: PASSWORD },
    ...overrides,
  });
}

function ids(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
}

const uses = (result: Awaited<ReturnType<BbrClient['loadByKeys']>>, id: string): unknown[] => {
  const records = result.get(id);
  return Array.isArray(records) ? records.map((r) => r.byg021BygningensAnvendelse) : [];
};

describe('createBbrClient over the GraphQL service', () => {
  it('sends the instant on both axes and gets the registration in effect then, with ASCII names', async () => {
    const client = createClient();
    const then = await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020_KNOWN_NOW);
    const now = await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    expect([uses(then, BYGNING_0849_1), uses(now, BYGNING_0849_1)]).toEqual([['110'], ['120']]);
    expect(then.get(BYGNING_0849_1)).toEqual([
      expect.objectContaining({ byg026Opfoerelsesaar: 1937, byg032YdervaeggensMateriale: '5' }),
    ]);
    expect(upstream.requests.map((r) => [r.protocol, r.path, r.credential])).toEqual([
      ['graphql', 'BBR_Bygning', 'api-key'],
      ['graphql', 'BBR_Bygning', 'api-key'],
    ]);
    expect(upstream.requests[0]?.params).toEqual({
      first: '100',
      virkningstid: '2020-01-01T00:00:00.000Z',
      registreringstid: IN_2020_KNOWN_NOW.registreringstid.toISOString(),
      where: JSON.stringify({ id_lokalId: { eq: BYGNING_0849_1 } }),
    });
  });

  it('answers for an earlier Registreringstid with what was known then', async () => {
    const result = await createClient().loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020);
    expect(uses(result, BYGNING_0849_1)).toEqual(['110']);
    expect(upstream.requests[0]?.params.registreringstid).toBe('2020-01-01T00:00:00.000Z');
  });

  it('asks for 100 ids in ceil(100 / batchSize) calls with `in`, and serves a repeat from the cache', async () => {
    const client = createClient({ batchSize: 25 });
    const result = await client.loadByKeys('bygning', 'id', ids(100), IN_2020);
    expect(upstream.requests).toHaveLength(4);
    expect(JSON.parse(upstream.requests[0]?.params.where ?? '{}').id_lokalId.in).toHaveLength(25);
    expect([...result.values()].every((r) => Array.isArray(r) && r.length === 0)).toBe(true);
    await client.loadByKeys('bygning', 'id', ids(100), IN_2020);
    expect(upstream.requests).toHaveLength(4);
  });

  it('asks again once the cached answer has expired, and for another instant', async () => {
    const client = createClient({ cacheTtlMs: 1000 });
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020);
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020_KNOWN_NOW);
    time = 1000;
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020);
    expect(upstream.requests).toHaveLength(3);
  });

  it('follows the cursors to the end of a search larger than one page', async () => {
    const records = await createClient().searchAll(
      'bygning',
      [{ field: 'kommunekode', values: ['0849'] }],
      NOW,
    );
    const pages = upstream.requests.map((r) => r.params.after ?? null);
    expect(pages.length).toBe(Math.ceil(records.length / 100));
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(records.map((r) => r.id_lokalId)).size).toBe(records.length);
    expect(new Set(pages).size).toBe(pages.length);
  });

  it('reads the units and the floors of buildings by their building', async () => {
    const client = createClient();
    const enheder = await client.loadByKeys('enhed', 'bygning', [BYGNING_0849_1], NOW);
    const etager = await client.loadByKeys('etage', 'bygning', [BYGNING_0849_1], NOW);
    expect(enheder.get(BYGNING_0849_1)).not.toHaveLength(0);
    expect(etager.get(BYGNING_0849_1)).not.toHaveLength(0);
    expect(upstream.requests.map((r) => [r.path, JSON.parse(r.params.where ?? '{}')])).toEqual([
      ['BBR_Enhed', { bygning: { eq: BYGNING_0849_1 } }],
      ['BBR_Etage', { bygning: { eq: BYGNING_0849_1 } }],
    ]);
  });

  it('refuses a response body larger than the limit, as unreadable', async () => {
    const result = await createClient({ maxResponseBytes: 100 }).loadByKeys(
      'bygning',
      'id',
      [BYGNING_0849_1],
      NOW,
    );
    expect(result.get(BYGNING_0849_1)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'malformed',
    });
  });

  it('fails a slow call with UPSTREAM_UNAVAILABLE after the timeout', async () => {
    upstream.setFaults({ latencyMs: 2000 });
    const result = await createClient({ timeoutMs: 100 }).loadByKeys('bygning', 'id', ids(1), NOW);
    expect(result.get(ids(1)[0] as string)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'timeout',
    });
  });

  it('retries a 429 after the Retry-After it was given, and answers', async () => {
    upstream.setFaults({ status: 429, retryAfterSeconds: 2, times: 1 });
    const result = await createClient().loadByKeys('bygning', 'id', ids(1), NOW);
    expect(result.get(ids(1)[0] as string)).toEqual([]);
    expect(waits).toEqual([2000]);
    expect(upstream.requests).toHaveLength(2);
  });

  it('does not hold a request for a Retry-After longer than it may wait', async () => {
    upstream.setFaults({ status: 429, retryAfterSeconds: 60 });
    const result = await createClient().loadByKeys('bygning', 'id', ids(1), NOW);
    expect(result.get(ids(1)[0] as string)).toBeInstanceOf(UpstreamUnavailableError);
    expect(upstream.requests).toHaveLength(1);
  });

  it('gives up on a 5xx after the bounded number of retries, backing off between them', async () => {
    upstream.setFaults({ status: 503 });
    const result = await createClient().loadByKeys('bygning', 'id', ids(1), NOW);
    expect(result.get(ids(1)[0] as string)).toMatchObject({ reason: 'status' });
    expect(upstream.requests).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('opens the circuit after repeated failures, fails fast without calling, and closes after recovery', async () => {
    const client = createClient({ retries: 0, breakerFailureThreshold: 3, breakerResetMs: 5000 });
    const search = (kommunekode: string) =>
      client.searchPage('grund', [{ field: 'kommunekode', values: [kommunekode] }], NOW, null);
    upstream.setFaults({ status: 500 });
    for (const kommunekode of ['0849', '0810', '0860']) {
      await expect(search(kommunekode)).rejects.toThrow(UpstreamUnavailableError);
    }
    expect(upstream.requests).toHaveLength(3);
    expect(client.isAvailable()).toBe(false);
    await expect(search('0813')).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(upstream.requests).toHaveLength(3);

    upstream.clearFaults();
    time = 5000;
    await expect(search('0813')).resolves.toMatchObject({ nextCursor: null });
    expect([client.getCircuitState(), upstream.requests.length]).toEqual(['closed', 4]);
  });

  it('turns a malformed body into a clear error and keeps working', async () => {
    upstream.setFaults({ malformed: true, times: 1 });
    const client = createClient();
    const search = () =>
      client.searchAll('grund', [{ field: 'kommunekode', values: ['0849'] }], NOW);
    await expect(search()).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'BBR answered with a response that could not be read',
    });
    await expect(search()).resolves.toHaveLength(8);
  });

  it('fails only the batch whose call failed', async () => {
    upstream.setFaults({ status: 500, times: 1 });
    const result = await createClient({ retries: 0 }).loadByKeys('bygning', 'id', ids(20), NOW);
    const failed = [...result.values()].filter((r) => r instanceof UpstreamUnavailableError);
    expect(failed).toHaveLength(10);
  });

  it('never logs the upstream URL or the key', async () => {
    upstream.setFaults({ status: 503 });
    await createClient().loadByKeys('bygning', 'id', ids(1), NOW);
    const logs = logLines.join('');
    expect(logs).toContain('BBR call failed');
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(new URL(upstream.url).host);
  });
});

describe('createBbrClient with refused credentials', () => {
  it('reports a configuration error once, fails at once without calling, and tries again later', async () => {
    const client = createClient({
      credentials: { kind: 'api-key', apiKey: 'wrong-key-789' },
      credentialRetryMs: 60_000,
    });
    const results = [];
    for (let i = 0; i < 5; i += 1) {
      results.push(await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW));
    }
    expect(results.map((r) => r.get(BYGNING_0849_1))).toEqual(
      Array(5).fill(
        expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', reason: 'credentials' }),
      ),
    );
    expect(upstream.requests).toHaveLength(1);
    expect(client.isAvailable()).toBe(false);
    expect(client.getConfigurationProblem()).toBe(
      'BBR refused the configured credentials (HTTP 401); check BBR_API_KEY',
    );
    const refusals = logLines.filter((line) => line.includes('configuration error'));
    expect(refusals).toHaveLength(1);
    expect(logLines.join('')).not.toContain('wrong-key-789');

    time = 60_000;
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    expect(upstream.requests).toHaveLength(2);
    expect(logLines.filter((line) => line.includes('configuration error'))).toHaveLength(1);
  });

  it('answers with the right credentials, so a refusal is not the service failing', async () => {
    const result = await createClient().loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    expect(uses(result, BYGNING_0849_1)).toEqual(['120']);
  });
});

describe('createBbrClient over REST', () => {
  it('sends the instant as VirkningFra/Til and RegistreringFra/Til, username and password, no apikey', async () => {
    const client = createRestClient();
    const then = await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], IN_2020_KNOWN_NOW);
    const now = await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    expect([uses(then, BYGNING_0849_1), uses(now, BYGNING_0849_1)]).toEqual([['110'], ['120']]);
    // The REST names are read in the GraphQL services' ASCII spelling.
    expect(then.get(BYGNING_0849_1)).toEqual([
      expect.objectContaining({ byg026Opfoerelsesaar: 1937 }),
    ]);
    expect(upstream.requests[0]).toEqual({
      protocol: 'rest',
      path: '/bygning',
      credential: 'password',
      params: {
        Id: BYGNING_0849_1,
        VirkningFra: '2020-01-01T00:00:00.000Z',
        VirkningTil: '2020-01-01T00:00:00.000Z',
        RegistreringFra: IN_2020_KNOWN_NOW.registreringstid.toISOString(),
        RegistreringTil: IN_2020_KNOWN_NOW.registreringstid.toISOString(),
        page: '1',
        pagesize: '100',
        Format: 'JSON',
      },
    });
  });

  it('asks for the units of a building with Bygning=', async () => {
    const result = await createRestClient().loadByKeys('enhed', 'bygning', [BYGNING_0849_1], NOW);
    expect(result.get(BYGNING_0849_1)).not.toHaveLength(0);
    expect(upstream.requests[0]).toMatchObject({
      path: '/enhed',
      params: { Bygning: BYGNING_0849_1 },
    });
  });

  it('reads the floors of a building from its nested etageList', async () => {
    const result = await createRestClient().loadByKeys('etage', 'bygning', [BYGNING_0849_1], NOW);
    expect(result.get(BYGNING_0849_1)).toEqual([
      expect.objectContaining({ bygning: BYGNING_0849_1, eta006BygningensEtagebetegnelse: 'st' }),
    ]);
    expect(upstream.requests[0]).toMatchObject({
      path: '/bygning',
      params: { Id: BYGNING_0849_1 },
    });
  });

  it('pages a municipality through to the last short page', async () => {
    const records = await createRestClient().searchAll(
      'bygning',
      [{ field: 'kommunekode', values: ['0849'] }],
      NOW,
    );
    expect(upstream.requests.map((r) => r.params.page)).toEqual(
      Array.from({ length: Math.ceil((records.length + 1) / 100) }, (_, i) => String(i + 1)),
    );
    expect(records.length).toBeGreaterThan(100);
  });

  it('treats a refused username and password as a configuration error', async () => {
    const client = createRestClient({
      credentials: { kind: 'password', username: USERNAME, password: 'wrong-password' },
    });
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    await client.loadByKeys('bygning', 'id', [BYGNING_0849_1], NOW);
    expect(upstream.requests).toHaveLength(1);
    expect(client.getConfigurationProblem()).toContain('BBR_USERNAME/BBR_PASSWORD');
    expect(logLines.join('')).not.toContain('wrong-password');
  });
});
