import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import {
  getTestIssuer,
  type TestIssuer,
} from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../../subgraphs/kit/logger';
import { startTestGateway, type TestGateway } from '../testing/start-test-gateway';
import { createFallbackRateLimitStore } from './create-fallback-rate-limit-store';
import { createMemoryRateLimitStore } from './create-memory-rate-limit-store';
import { createRedisRateLimitStore } from './create-redis-rate-limit-store';
import type { RateLimit } from './rate-limit';
import type { RateLimitSettings } from './rate-limit-settings';
import type { RateLimitStore } from './rate-limit-store';

const redisUrl = process.env.REDIS_URL;
const SAG_QUERY = { query: '{ sag(uuid: "x") { uuid } }' };
/** Ten requests, then (practically) none: nothing refills while a test runs. */
const TEN: RateLimit = { ratePerSecond: 0.001, burst: 10 };
const logger = createLogger({ name: 'test', level: 'silent' });

/** Resolves once the store answers (it connects in the background); fails after ~20 s. */
async function waitUntilConnected(store: RateLimitStore): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      await store.take(`probe:${randomUUID()}`, TEN);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('Redis did not answer');
}

if (redisUrl) {
  describe('rate limits shared in Redis', () => {
    // Keys of this run only, so parallel test files and earlier runs do not count.
    const keyPrefix = `test:${randomUUID()}:`;
    const stores: RateLimitStore[] = [];
    const gateways: TestGateway[] = [];
    let issuer: TestIssuer;

    async function createSharedStore(now?: () => number): Promise<RateLimitStore> {
      const shared = createRedisRateLimitStore({ url: redisUrl ?? '', keyPrefix, logger, now });
      stores.push(shared);
      await waitUntilConnected(shared);
      return shared;
    }

    async function startGateway(rateLimitStore: RateLimitStore): Promise<TestGateway> {
      const rateLimits: RateLimitSettings = { caller: TEN, address: null, trustedProxies: 0 };
      const gateway = await startTestGateway({
        authenticate: issuer.createAuthenticator(),
        rateLimits,
        rateLimitStore,
      });
      gateways.push(gateway);
      return gateway;
    }

    beforeAll(async () => {
      issuer = await getTestIssuer();
    });
    afterAll(async () => {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      await Promise.all(stores.map((store) => store.close()));
    });

    it('lets two gateways on one Redis share one budget per caller', async () => {
      // Two gateway instances, each with its own connection, as two processes would have.
      const gatewayA = await startGateway(
        createFallbackRateLimitStore({
          shared: await createSharedStore(),
          local: createMemoryRateLimitStore(),
          logger,
        }),
      );
      const gatewayB = await startGateway(
        createFallbackRateLimitStore({
          shared: await createSharedStore(),
          local: createMemoryRateLimitStore(),
          logger,
        }),
      );
      const authorization = `Bearer ${await issuer.sign(getFullAccessClaims('shared-caller'))}`;
      const statuses: { gateway: string; status: number }[] = [];
      for (let i = 0; i < 20; i += 1) {
        const [name, gateway] = i % 2 === 0 ? ['A', gatewayA] : ['B', gatewayB];
        statuses.push({
          gateway: name,
          status: (await gateway.post(SAG_QUERY, { authorization })).status,
        });
      }
      // Ten in all, not ten per gateway.
      expect(statuses.map((s) => s.status)).toEqual([
        ...Array(10).fill(200),
        ...Array(10).fill(429),
      ]);
      expect(new Set(statuses.filter((s) => s.status === 429).map((s) => s.gateway))).toEqual(
        new Set(['A', 'B']),
      );
      const other = `Bearer ${await issuer.sign(getFullAccessClaims('shared-other'))}`;
      expect((await gatewayB.post(SAG_QUERY, { authorization: other })).status).toBe(200);
    });

    it('counts each gateway alone without Redis, which is what sharing prevents', async () => {
      const gatewayA = await startGateway(createMemoryRateLimitStore());
      const gatewayB = await startGateway(createMemoryRateLimitStore());
      const authorization = `Bearer ${await issuer.sign(getFullAccessClaims('alone-caller'))}`;
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        statuses.push(
          (await (i % 2 === 0 ? gatewayA : gatewayB).post(SAG_QUERY, { authorization })).status,
        );
      }
      expect(statuses).toEqual(Array(20).fill(200));
    });

    it('decides exactly as the in-memory limiter does', async () => {
      let now = 1_700_000_000_000;
      const redis = await createSharedStore(() => now);
      const memory = createMemoryRateLimitStore({ now: () => now });
      const limit = { ratePerSecond: 10, burst: 5 };
      // A fixed, irregular pattern: bursts, pauses and three keys interleaved.
      let seed = 7;
      const next = (): number => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed;
      };
      const decisions: { redis: unknown; memory: unknown }[] = [];
      for (let i = 0; i < 300; i += 1) {
        now += next() % 7 === 0 ? 700 : next() % 40;
        const key = `equal:${next() % 3}`;
        decisions.push({
          redis: await redis.take(key, limit),
          memory: await memory.take(key, limit),
        });
      }
      const allowed = decisions.filter((d) => (d.memory as { allowed: boolean }).allowed).length;
      expect(allowed).toBeGreaterThan(30);
      expect(allowed).toBeLessThan(300);
      for (const decision of decisions) expect(decision.redis).toEqual(decision.memory);
    });

    it('loads its script again after Redis forgot it', async () => {
      const store = await createSharedStore();
      const admin = createClient({ url: redisUrl });
      await admin.connect();
      try {
        await admin.scriptFlush();
      } finally {
        await admin.close();
      }
      expect(await store.take(`flushed:${randomUUID()}`, TEN)).toEqual({
        allowed: true,
        retryAfterMs: 0,
      });
    });
  });
} else {
  // Not `describe.skip`: jest prints nothing for a suite whose every test is skipped, and the
  // missing half must be visible in the output. A todo is listed under this title.
  describe('rate limits shared in Redis (skipped: set REDIS_URL to run)', () => {
    beforeAll(() => {
      process.stderr.write(
        '\nRate limits shared in Redis skipped: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run them against a server.\n\n',
      );
    });
    it.todo('lets two gateways on one Redis share one budget per caller');
    it.todo('decides exactly as the in-memory limiter does');
  });
}
