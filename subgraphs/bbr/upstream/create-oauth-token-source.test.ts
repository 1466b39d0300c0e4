import { Writable } from 'node:stream';
import { createLogger } from '../../kit/logger';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from '../offline/create-offline-bbr-upstream';
import { createTestBbrClient } from '../testing/create-test-bbr-client';
import { createOAuthTokenSource } from './create-oauth-token-source';

const CLIENT_ID = 'kommunegraf-bbr';
const CLIENT_SECRET = 'oauth-client-secret-321';
const BYGNING = '857ac2f9-a151-57d8-bb2c-81f37a35a7f2';
const NOW = { virkningstid: new Date(), registreringstid: new Date() };

let upstream: OfflineBbrUpstream;
let time: number;

beforeAll(async () => {
  upstream = await createOfflineBbrUpstream({
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenLifetimeSeconds: 600 },
    now: () => time,
  });
});
afterAll(() => upstream.stop());
beforeEach(() => {
  upstream.requests.length = 0;
  time = Date.parse('2026-06-01T00:00:00Z');
});

const tokenRequests = () => upstream.requests.filter((r) => r.protocol === 'token');

describe('createOAuthTokenSource', () => {
  it('fetches a token once and reuses it until it nears expiry, then fetches a new one', async () => {
    const source = createOAuthTokenSource({
      tokenUrl: upstream.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      timeoutMs: 1000,
      refreshMarginMs: 60_000,
      now: () => time,
    });
    const [first, concurrent] = await Promise.all([source.getToken(), source.getToken()]);
    expect(concurrent).toBe(first);
    time += 539_000; // 61 s before the 600 s token expires
    expect(await source.getToken()).toBe(first);
    expect(tokenRequests()).toHaveLength(1);

    time += 1_000; // within the refresh margin
    const renewed = await source.getToken();
    expect(renewed).not.toBe(first);
    expect(tokenRequests()).toHaveLength(2);
    expect(tokenRequests()[0]).toMatchObject({
      params: { grant_type: 'client_credentials' },
      credential: 'client-secret',
    });
  });

  it('refuses wrong client credentials as a credential problem naming the settings', async () => {
    const source = createOAuthTokenSource({
      tokenUrl: upstream.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: 'not-the-secret',
      timeoutMs: 1000,
      now: () => time,
    });
    await expect(source.getToken()).rejects.toMatchObject({
      name: 'CredentialsRejectedError',
      reason: expect.stringContaining('BBR_OAUTH_CLIENT_SECRET'),
    });
  });
});

describe('the BBR client with OAuth client credentials', () => {
  it('sends the token as a bearer header on every call, fetching it once', async () => {
    const lines: string[] = [];
    const client = createTestBbrClient(upstream, {
      credentials: {
        kind: 'oauth',
        tokenUrl: upstream.tokenUrl,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
      },
      now: () => time,
      logger: createLogger({
        name: 'bbr-test',
        level: 'debug',
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString());
            done();
          },
        }),
      }),
    });
    for (const resource of ['bygning', 'enhed', 'etage'] as const) {
      const field = resource === 'bygning' ? 'id' : 'bygning';
      const result = await client.loadByKeys(resource, field, [BYGNING], NOW);
      expect(result.get(BYGNING)).not.toHaveLength(0);
    }
    expect(upstream.requests.map((r) => [r.protocol, r.credential])).toEqual([
      ['token', 'client-secret'],
      ['graphql', 'bearer'],
      ['graphql', 'bearer'],
      ['graphql', 'bearer'],
    ]);
    expect(lines.join('')).not.toContain(CLIENT_SECRET);
  });

  it('stops calling after the token endpoint refuses the client, and says why', async () => {
    const client = createTestBbrClient(upstream, {
      credentials: {
        kind: 'oauth',
        tokenUrl: upstream.tokenUrl,
        clientId: CLIENT_ID,
        clientSecret: 'not-the-secret',
      },
      now: () => time,
    });
    for (let i = 0; i < 3; i += 1) {
      const result = await client.loadByKeys('bygning', 'id', [BYGNING], NOW);
      expect(result.get(BYGNING)).toMatchObject({ reason: 'credentials' });
    }
    expect(upstream.requests.map((r) => r.protocol)).toEqual(['token']);
    expect(client.getConfigurationProblem()).toContain('BBR_OAUTH_CLIENT_ID');
  });
});
