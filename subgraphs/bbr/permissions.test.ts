import { Kind } from 'graphql';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from './offline/create-offline-bbr-upstream';
import { permissions } from './permissions';
import { readBbrTypeDefs } from './server';
import { startTestServer, type TestServer } from './testing/start-test-server';

// A seeded building with a plot and units (uuid v5 of `bygning-seed:0849:4`).
const BYGNING = '1a03618a-e3f7-5baf-a156-8038f7bbe549';
const JAMMERBUGT = '29189625';

const ROOT_FIELDS = `query ($id: ID!) {
  bygning(id: $id) { id status { tekst } grund { id } enheder { id } }
}`;
const SEARCH = '{ bygninger(filter: { bfeNummer: "100004" }) { totalCount nodes { id } } }';
const REFERENCES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Bygning { id }
    ... on Enhed { id }
    ... on Grund { id }
  }
}`;

async function bearer(claims: Record<string, unknown>): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await (await getTestIssuer()).sign(claims)}` };
}

describe('permissions', () => {
  it('has a rule for exactly the fields of every object type in the published SDL', () => {
    // The server denies a field without a rule: a field added to the SDL without one would be
    // unreadable, and a rule without a field is a leftover.
    const fields = Object.fromEntries(
      readBbrTypeDefs()
        .definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION)
        .map((d) => [d.name.value, (d.fields ?? []).map((f) => f.name.value).sort()]),
    );
    const rules = Object.fromEntries(
      Object.entries(permissions).map(([type, rule]) => [type, Object.keys(rule).sort()]),
    );
    expect(rules).toEqual(fields);
  });

  describe('callers', () => {
    let upstream: OfflineBbrUpstream;
    let server: TestServer;
    let anonymous: TestServer;
    let representations: { __typename: string; id: string }[];

    beforeAll(async () => {
      upstream = await createOfflineBbrUpstream();
      server = await startTestServer(upstream);
      anonymous = await startTestServer(
        upstream,
        {},
        (await getTestIssuer()).createAuthenticator(false),
      );
      // The ids of the building's plot and first unit, read with the full-access token.
      const { body } = await server.query<{
        bygning: { grund: { id: string }; enheder: { id: string }[] };
      }>(ROOT_FIELDS, { variables: { id: BYGNING } });
      const grund = body.data?.bygning.grund.id ?? '';
      const enhed = body.data?.bygning.enheder[0]?.id ?? '';
      representations = [
        { __typename: 'Bygning', id: BYGNING },
        { __typename: 'Enhed', id: enhed },
        { __typename: 'Grund', id: grund },
      ];
    });
    afterAll(async () => {
      await Promise.all([server.stop(), anonymous.stop()]);
      await upstream.stop();
    });

    async function readsEverything(subgraph: TestServer, headers: Record<string, string>) {
      const root = await subgraph.query(ROOT_FIELDS, { variables: { id: BYGNING }, headers });
      expect(root.status).toBe(200);
      expect(root.body.errors).toBeUndefined();
      expect(root.body.data?.bygning).toMatchObject({
        id: BYGNING,
        status: { tekst: 'Opført' },
        grund: { id: representations[2]?.id },
      });
      const search = await subgraph.query(SEARCH, { headers });
      expect(search.body).toEqual({
        data: { bygninger: { totalCount: null, nodes: [{ id: BYGNING }] } },
      });
      const references = await subgraph.query(REFERENCES, {
        variables: { representations },
        headers,
      });
      expect(references.body).toEqual({
        data: { _entities: representations.map(({ id }) => ({ id })) },
      });
    }

    it.each([
      [
        'a user with bbr:laes alone',
        { sub: 'u1', privilegier: [{ cvr: JAMMERBUGT, roller: ['bbr:laes'] }] },
      ],
      [
        'a user with bbr:laes in a restricted group of another municipality',
        {
          sub: 'u2',
          privilegier: [
            { cvr: '45973328', roller: ['bbr:laes'], kle: ['02.*'], foelsomhed: 'IKKE_FORTROLIG' },
          ],
        },
      ],
      ['a citizen', { sub: 'borger-1', cpr: '0101701234' }],
    ])('lets %s read BBR on every path', async (_, claims) => {
      await readsEverything(server, await bearer(claims));
    });

    it('lets the anonymous caller read BBR where token-less requests are let in', async () => {
      await readsEverything(anonymous, { authorization: '' });
    });

    it.each([
      [
        'a user whose groups lack bbr:laes',
        {
          sub: 'u3',
          privilegier: [
            { cvr: JAMMERBUGT, roller: ['sag:laes', 'organisation:laes', 'klassifikation:laes'] },
          ],
        },
      ],
      ['a user with no groups', { sub: 'u4', privilegier: [] }],
    ])(
      'refuses %s: FORBIDDEN on root fields, null references, no upstream call',
      async (_, claims) => {
        const headers = await bearer(claims);
        upstream.requests.length = 0;
        const root = await server.query(
          `query ($bygning: ID!, $enhed: ID!, $grund: ID!) {
          bygning(id: $bygning) { id } enhed(id: $enhed) { id } grund(id: $grund) { id }
        }`,
          {
            variables: {
              bygning: BYGNING,
              enhed: representations[1]?.id,
              grund: representations[2]?.id,
            },
            headers,
          },
        );
        expect(root.body.data).toEqual({ bygning: null, enhed: null, grund: null });
        expect(root.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
          [['bygning'], 'FORBIDDEN'],
          [['enhed'], 'FORBIDDEN'],
          [['grund'], 'FORBIDDEN'],
        ]);
        const search = await server.query(SEARCH, { headers });
        expect(search.body.data).toEqual({ bygninger: null });
        expect(search.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        const references = await server.query(REFERENCES, {
          variables: { representations },
          headers,
        });
        expect(references.body).toEqual({ data: { _entities: [null, null, null] } });
        expect(upstream.requests).toEqual([]);
      },
    );

    it('answers a request without a token with 401 where tokens are required', async () => {
      const { status, body } = await server.query(SEARCH, { headers: { authorization: '' } });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers a request with an invalid token with 401 even where tokens are optional', async () => {
      const { status, body } = await anonymous.query(SEARCH, {
        headers: { authorization: 'Bearer not.a.token' },
      });
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
