import { isObjectType } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { KLE_FACETTER, KLE_KLASSIFIKATION } from './kle/kle-klassifikation';
import { permissions } from './permissions';
import { readKlassifikationTypeDefs } from './server';
import { startTestServer, type TestServer } from './testing/start-test-server';

const UUID_02_34_02 = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const JAMMERBUGT = '29189625';

const READ_ALL = `query ($representations: [_Any!]!) {
  kle(nummer: "02.34.02") { titel facet { titel } registreringer { aktoer } }
  klasser(filter: { soeg: "Byggetilladelse" }, first: 1) { totalCount nodes { brugervendtNoegle } }
  _entities(representations: $representations) {
    ... on Klasse { titel }
    ... on Facet { titel }
    ... on Klassifikation { titel }
  }
}`;

const REPRESENTATIONS = [
  { __typename: 'Klasse', uuid: UUID_02_34_02 },
  { __typename: 'Facet', uuid: KLE_FACETTER.Emne.uuid },
  { __typename: 'Klassifikation', uuid: KLE_KLASSIFIKATION.uuid },
];

const EVERYTHING = {
  kle: {
    titel: 'Byggetilladelse',
    facet: { titel: 'Emneplan' },
    registreringer: [{ aktoer: 'seed' }],
  },
  klasser: { totalCount: 3, nodes: [{ brugervendtNoegle: '02.34' }] },
  _entities: [{ titel: 'Byggetilladelse' }, { titel: 'Emneplan' }, { titel: 'KL Emnesystematik' }],
};

async function bearer(claims: Record<string, unknown>): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await (await getTestIssuer()).sign(claims)}` };
}

describe('permissions', () => {
  it('has a rule for every field of every object type in the SDL, and no other', () => {
    const schema = buildSubgraphSchema({ typeDefs: readKlassifikationTypeDefs() });
    const sdlFields: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Federation's own types (_Service, _Entity) and introspection types are the kit's business.
      if (!isObjectType(type) || type.name.startsWith('_')) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!field.startsWith('_')) sdlFields.push(`${type.name}.${field}`);
      }
    }
    const ruleFields = Object.entries(permissions).flatMap(([type, rules]) =>
      Object.keys(rules as Record<string, unknown>).map((field) => `${type}.${field}`),
    );
    expect(ruleFields.sort()).toEqual(sdlFields.sort());
  });

  describe('when tokens are required', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server.stop());

    const read = async (headers: Record<string, string>) =>
      server.query(READ_ALL, { variables: { representations: REPRESENTATIONS }, headers });

    it.each([
      [
        'a user with klassifikation:laes alone',
        { sub: 'u1', privilegier: [{ cvr: JAMMERBUGT, roller: ['klassifikation:laes'] }] },
      ],
      [
        'a user with klassifikation:laes in a narrowly restricted group',
        {
          sub: 'u2',
          privilegier: [
            { cvr: JAMMERBUGT, roller: ['sag:laes'] },
            {
              cvr: '45973328',
              roller: ['klassifikation:laes'],
              kle: ['99.*'],
              foelsomhed: 'IKKE_FORTROLIG',
            },
          ],
        },
      ],
      ['a citizen', { sub: 'borger-1', cpr: '0101701234' }],
    ])('lets %s read KLE on every path', async (_, claims) => {
      const { status, data, errors } = await read(await bearer(claims));
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect(data).toEqual(EVERYTHING);
    });

    it.each([
      [
        'a user whose groups lack klassifikation:laes',
        {
          sub: 'u3',
          privilegier: [
            { cvr: JAMMERBUGT, roller: ['sag:skriv', 'organisation:laes', 'bbr:laes'] },
          ],
        },
      ],
      ['a user with no groups', { sub: 'u4', privilegier: [] }],
    ])('lets %s read KLE too: it is public reference data', async (_, claims) => {
      const { status, data, errors } = await read(await bearer(claims));
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect(data).toEqual(EVERYTHING);
    });

    it('answers a request without a token with 401', async () => {
      const { status, errors } = await server.query('{ kle(nummer: "02") { titel } }', {
        headers: { authorization: '' },
      });
      expect(status).toBe(401);
      expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('when the deployment lets token-less requests in', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(undefined, {
        authenticate: (await getTestIssuer()).createAuthenticator(false),
      });
    });
    afterAll(() => server.stop());

    it('lets the anonymous caller read KLE on every path', async () => {
      const { status, data, errors } = await server.query(READ_ALL, {
        variables: { representations: REPRESENTATIONS },
        headers: { authorization: '' },
      });
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect(data).toEqual(EVERYTHING);
    });

    it('still answers a request with an invalid token with 401', async () => {
      const { status, data, errors } = await server.query('{ kle(nummer: "02") { titel } }', {
        headers: { authorization: 'Bearer not.a.token' },
      });
      expect(status).toBe(401);
      expect(data).toBeUndefined();
      expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
