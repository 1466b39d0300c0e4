import { Writable } from 'node:stream';
import { getTestIssuer, type TestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../subgraphs/kit/logger';
import { createMemoryRateLimitStore } from './rate-limits/create-memory-rate-limit-store';
import type { RateLimitSettings } from './rate-limits/rate-limit-settings';
import type { RateLimitStore } from './rate-limits/rate-limit-store';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway';

const SAG_QUERY = { query: '{ sag(uuid: "x") { uuid } }' };

async function startLimitedGateway(
  issuer: TestIssuer,
  rateLimits: RateLimitSettings,
  now: () => number,
): Promise<TestGateway> {
  return startTestGateway({
    authenticate: issuer.createAuthenticator(),
    rateLimits,
    rateLimitStore: createMemoryRateLimitStore({ now }),
  });
}

async function readMetric(gateway: TestGateway, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${gateway.origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('rate limits per caller at the gateway', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;
  let now = 0;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    gateway = await startLimitedGateway(
      issuer,
      { caller: { ratePerSecond: 10, burst: 10 }, address: null, trustedProxies: 0 },
      () => now,
    );
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  it('answers 600 requests in 5 s from one token at 10/s with 429 and Retry-After after the burst, while another token is unaffected', async () => {
    const busy = `Bearer ${await issuer.sign(getFullAccessClaims('rate-busy'))}`;
    const other = `Bearer ${await issuer.sign(getFullAccessClaims('rate-other'))}`;
    const start = 10_000;
    const busyStatuses: number[] = [];
    const otherStatuses: number[] = [];
    let firstRefusal: Awaited<ReturnType<TestGateway['post']>> | undefined;
    for (let i = 0; i < 600; i += 1) {
      now = start + (i * 5000) / 600;
      const reply = await gateway.post(SAG_QUERY, { authorization: busy });
      busyStatuses.push(reply.status);
      if (reply.status === 429) firstRefusal ??= reply;
      if (i % 50 === 0)
        otherStatuses.push((await gateway.post(SAG_QUERY, { authorization: other })).status);
    }

    expect(busyStatuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(busyStatuses[10]).toBe(429);
    expect(firstRefusal?.headers.get('retry-after')).toBe('1');
    expect(firstRefusal?.body).toEqual({
      errors: [
        {
          message: 'Too many requests: try again later',
          extensions: { code: 'RATE_LIMITED', scope: 'caller', retryAfterSeconds: 1 },
        },
      ],
    });
    // The burst of 10, then one at each step of 100 ms: 100, 200, …, 4900 ms.
    const allowed = busyStatuses.filter((status) => status === 200).length;
    expect(allowed).toBe(10 + 49);
    expect(busyStatuses.filter((status) => status === 429)).toHaveLength(600 - allowed);
    expect(otherStatuses).toEqual(Array(12).fill(200));
    // A refused request reaches no subgraph.
    expect(gateway.calls).toHaveLength(allowed + otherStatuses.length);
    expect(await readMetric(gateway, 'gateway_rate_limited_total{scope="caller"}')).toBe(
      600 - allowed,
    );
    expect(await readMetric(gateway, 'gateway_rate_limit_fallback')).toBe(0);
  });

  it('lets the caller through again once Retry-After has passed', async () => {
    const authorization = `Bearer ${await issuer.sign(getFullAccessClaims('rate-patient'))}`;
    now = 100_000;
    for (let i = 0; i < 10; i += 1) {
      expect((await gateway.post(SAG_QUERY, { authorization })).status).toBe(200);
    }
    const refused = await gateway.post(SAG_QUERY, { authorization });
    expect(refused.status).toBe(429);
    now += Number(refused.headers.get('retry-after')) * 1000;
    expect((await gateway.post(SAG_QUERY, { authorization })).status).toBe(200);
  });
});

describe('rate limits per client address at the gateway', () => {
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await getTestIssuer();
  });

  it('counts every request from an address before its token is checked, on every route that needs one', async () => {
    const gateway = await startLimitedGateway(
      issuer,
      { caller: null, address: { ratePerSecond: 1, burst: 3 }, trustedProxies: 0 },
      () => 0,
    );
    try {
      const token = `Bearer ${await issuer.sign(getFullAccessClaims('rate-address'))}`;
      expect((await gateway.post(SAG_QUERY)).status).toBe(401);
      expect((await gateway.post(SAG_QUERY, { authorization: 'Bearer not-a-token' })).status).toBe(
        401,
      );
      expect((await gateway.post(SAG_QUERY, { authorization: token })).status).toBe(200);
      const refused = await gateway.post(SAG_QUERY, { authorization: token });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        scope: 'address',
      });
      // Without a trusted proxy, a client's own X-Forwarded-For changes nothing.
      const forged = await gateway.post(SAG_QUERY, {
        authorization: token,
        'x-forwarded-for': '198.51.100.9',
      });
      expect(forged.status).toBe(429);
      const download = await fetch(`${gateway.origin}/dokumenter/d1/dele/p1/indhold`, {
        headers: { authorization: token },
      });
      expect(download.status).toBe(429);
      expect(download.headers.get('retry-after')).toBe('1');
      // The open routes are not limited.
      expect((await fetch(`${gateway.origin}/health`)).status).toBe(200);
      expect(await readMetric(gateway, 'gateway_rate_limited_total{scope="address"}')).toBe(3);
    } finally {
      await gateway.stop();
    }
  });

  it('behind a trusted proxy, keeps one budget per address the proxy names', async () => {
    const gateway = await startLimitedGateway(
      issuer,
      { caller: null, address: { ratePerSecond: 1, burst: 1 }, trustedProxies: 1 },
      () => 0,
    );
    try {
      const authorization = `Bearer ${await issuer.sign(getFullAccessClaims('rate-proxied'))}`;
      const from = async (address: string): Promise<number> =>
        (await gateway.post(SAG_QUERY, { authorization, 'x-forwarded-for': address })).status;
      expect(await from('198.51.100.1')).toBe(200);
      expect(await from('198.51.100.1')).toBe(429);
      expect(await from('203.0.113.1, 198.51.100.1')).toBe(429);
      expect(await from('198.51.100.2')).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});

describe('a rate limit store that throws', () => {
  it('lets requests through rather than stopping the graph, and logs the failure', async () => {
    const issuer = await getTestIssuer();
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const broken: RateLimitStore = {
      take: () => Promise.reject(new Error('store exploded at redis://10.0.0.5')),
      getStatus: () => ({ store: 'memory', fallback: false, failures: 0 }),
      close: async () => {},
    };
    const gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      rateLimits: { caller: { ratePerSecond: 1, burst: 1 }, address: null, trustedProxies: 0 },
      rateLimitStore: broken,
      logger,
    });
    try {
      const authorization = `Bearer ${await issuer.sign(getFullAccessClaims('rate-broken'))}`;
      expect((await gateway.post(SAG_QUERY, { authorization })).status).toBe(200);
      expect((await gateway.post(SAG_QUERY, { authorization })).status).toBe(200);
      const failures = lines.filter((line) => line.includes('rate limit check failed'));
      expect(failures).toHaveLength(2);
      expect(lines.join('')).not.toContain('10.0.0.5');
    } finally {
      await gateway.stop();
    }
  });
});
