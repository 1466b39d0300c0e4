import { Kind, type GraphQLResolveInfo } from 'graphql';
import { deny, type IRule } from 'graphql-shield';
import type { Caller } from '../kit/auth/caller';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { createLogger } from '../kit/logger';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { createOrganisationContext } from './context';
import { toNode } from './data/to-node';
import { STORE_TYPES, type BrugerData } from './organisation/organisation-data';
import { permissions } from './permissions';
import { SEED_KLE } from './seed/seed-data';
import { SEED_IDS } from './seed/seed-ids';
import { seedOrganisation } from './seed/seed-organisation';
import { readOrganisationTypeDefs } from './server';
import { startTestServer, type TestServer } from './testing/start-test-server';

const JAMMERBUGT = '29189625';
const BROENDERSLEV = '29189501';
const { jammerbugt, hjoerring } = SEED_IDS;

const CLAIMS = {
  jammerbugtLaeser: {
    sub: 'jb-laeser',
    privilegier: [{ cvr: JAMMERBUGT, roller: ['organisation:laes'] }],
  },
  broenderslevLaeser: {
    sub: 'br-laeser',
    privilegier: [{ cvr: BROENDERSLEV, roller: ['organisation:laes'] }],
  },
  // The role in one municipality and another role in the user's: groups are not combined.
  splitGroups: {
    sub: 'split',
    privilegier: [
      { cvr: BROENDERSLEV, roller: ['organisation:laes'] },
      { cvr: JAMMERBUGT, roller: ['sag:laes', 'klassifikation:laes'] },
    ],
  },
  jammerbugtSagsbehandler: {
    sub: 'jb-sag',
    privilegier: [{ cvr: JAMMERBUGT, roller: ['sag:laes', 'sag:skriv'] }],
  },
  noGroups: { sub: 'ingen-grupper', privilegier: [] },
  borger: { sub: 'borger-1', cpr: '0101701234' },
};

type ClaimsName = keyof typeof CLAIMS;

async function bearer(name: ClaimsName): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await (await getTestIssuer()).sign(CLAIMS[name])}` };
}

const STRUCTURE = `query ($organisation: ID!, $enhed: ID!, $representations: [_Any!]!) {
  organisationer { totalCount }
  organisation(uuid: $organisation) { navn cvr registreringer { livscyklus } }
  organisationEnhed(uuid: $enhed) {
    navn organisation { navn } sti { navn } kle { aspekt klasse { uuid } }
  }
  organisationEnheder(filter: { organisation: $organisation }, first: 1) {
    totalCount nodes { navn }
  }
  _entities(representations: $representations) {
    ... on Organisation { navn }
    ... on OrganisationEnhed { navn }
  }
}`;

const STRUCTURE_VARIABLES = {
  organisation: jammerbugt.organisation,
  enhed: jammerbugt.enheder.bygOgMiljoe,
  representations: [
    { __typename: 'Organisation', uuid: jammerbugt.organisation },
    { __typename: 'OrganisationEnhed', uuid: jammerbugt.enheder.familieafdelingen },
  ],
};

const STRUCTURE_ANSWER = {
  organisationer: { totalCount: 5 },
  organisation: {
    navn: 'Jammerbugt Kommune',
    cvr: JAMMERBUGT,
    registreringer: [{ livscyklus: 'IMPORTERET' }],
  },
  organisationEnhed: {
    navn: 'Byg og Miljø',
    organisation: { navn: 'Jammerbugt Kommune' },
    sti: [{ navn: 'Jammerbugt Kommune' }, { navn: 'Teknik og Miljø' }, { navn: 'Byg og Miljø' }],
    kle: [{ aspekt: 'ANSVARLIG', klasse: { uuid: SEED_KLE.byggetilladelse } }],
  },
  organisationEnheder: { totalCount: 8, nodes: [{ navn: expect.any(String) }] },
  _entities: [{ navn: 'Jammerbugt Kommune' }, { navn: 'Familieafdelingen' }],
};

// A Jammerbugt user on both paths, and a Hjørring user by reference.
const BRUGERE = `query ($uuid: ID!, $representations: [_Any!]!) {
  bruger(uuid: $uuid) { navn organisation { cvr } enheder { navn } registreringer { livscyklus } }
  _entities(representations: $representations) { ... on Bruger { navn } }
}`;

const BRUGERE_VARIABLES = {
  uuid: jammerbugt.brugere.mette,
  representations: [
    { __typename: 'Bruger', uuid: jammerbugt.brugere.mette },
    { __typename: 'Bruger', uuid: hjoerring.brugere.morten },
  ],
};

const HIDDEN_BRUGERE = { bruger: null, _entities: [null, null] };

describe('permissions', () => {
  it('has a rule for exactly the fields of every object type in the published SDL', () => {
    // The server denies a field without a rule: a field added to the SDL without one would be
    // unreadable, and a rule without a field is a leftover.
    const fields = Object.fromEntries(
      readOrganisationTypeDefs()
        .definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION)
        .map((d) => [d.name.value, (d.fields ?? []).map((f) => f.name.value).sort()]),
    );
    const rules = Object.fromEntries(
      Object.entries(permissions).map(([type, rule]) => [type, Object.keys(rule).sort()]),
    );
    expect(rules).toEqual(fields);
  });

  describe('callers', () => {
    let store: BitemporalStore;
    let server: TestServer;
    let anonymous: TestServer;

    beforeAll(async () => {
      store = createEmbeddedStore();
      await seedOrganisation(store);
      server = await startTestServer(store);
      anonymous = await startTestServer(store, {
        authenticate: (await getTestIssuer()).createAuthenticator(false),
      });
    });
    afterAll(() => Promise.all([server.stop(), anonymous.stop()]));

    describe('organisations and units', () => {
      it.each<ClaimsName>([
        'jammerbugtLaeser',
        'broenderslevLaeser',
        'jammerbugtSagsbehandler',
        'noGroups',
        'borger',
      ])('are readable on every path by %s', async (name) => {
        const { status, body } = await server.query(STRUCTURE, {
          variables: STRUCTURE_VARIABLES,
          headers: await bearer(name),
        });
        expect(status).toBe(200);
        expect(body).toEqual({ data: STRUCTURE_ANSWER });
      });

      it('are readable by the anonymous caller where token-less requests are let in', async () => {
        const { status, body } = await anonymous.query(STRUCTURE, {
          variables: STRUCTURE_VARIABLES,
          headers: { authorization: '' },
        });
        expect(status).toBe(200);
        expect(body).toEqual({ data: STRUCTURE_ANSWER });
      });

      it('are refused with 401 without a token where tokens are required', async () => {
        const { status, body } = await server.query(STRUCTURE, {
          variables: STRUCTURE_VARIABLES,
          headers: { authorization: '' },
        });
        expect(status).toBe(401);
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });

      it('are refused with 401 for an invalid token even where tokens are optional', async () => {
        const { status, body } = await anonymous.query(STRUCTURE, {
          variables: STRUCTURE_VARIABLES,
          headers: { authorization: 'Bearer not.a.token' },
        });
        expect(status).toBe(401);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
    });

    describe('users', () => {
      it('shows a Jammerbugt user to organisation:laes for Jammerbugt, and no other municipality’s', async () => {
        const { body } = await server.query(BRUGERE, {
          variables: BRUGERE_VARIABLES,
          headers: await bearer('jammerbugtLaeser'),
        });
        expect(body).toEqual({
          data: {
            bruger: {
              navn: 'Mette Kjær Nielsen',
              organisation: { cvr: JAMMERBUGT },
              enheder: [{ navn: 'Byg og Miljø' }],
              registreringer: [{ livscyklus: 'IMPORTERET' }],
            },
            _entities: [{ navn: 'Mette Kjær Nielsen' }, null],
          },
        });
      });

      it.each<ClaimsName>([
        'broenderslevLaeser',
        'splitGroups',
        'jammerbugtSagsbehandler',
        'noGroups',
        'borger',
      ])('hides users from %s exactly like unknown ones', async (name) => {
        const { body } = await server.query(BRUGERE, {
          variables: BRUGERE_VARIABLES,
          headers: await bearer(name),
        });
        expect(body).toEqual({ data: HIDDEN_BRUGERE });
      });

      it('hides users from the anonymous caller', async () => {
        const { body } = await anonymous.query(BRUGERE, {
          variables: BRUGERE_VARIABLES,
          headers: { authorization: '' },
        });
        expect(body).toEqual({ data: HIDDEN_BRUGERE });
      });

      it("guards a user's own fields by the user's municipality", async () => {
        // The loader already hides refused users; the field rule is checked on its own here.
        // The map is typed loosely by shield; its Bruger entry is a field map of rules.
        const navnRule = (permissions as Record<string, Record<string, IRule>>).Bruger?.navn;
        if (navnRule === undefined) throw new Error('Bruger.navn has no rule');
        const at = { virkningstid: new Date(), registreringstid: new Date() };
        const [stored] = await store.findByIds<BrugerData>(
          STORE_TYPES.bruger,
          [jammerbugt.brugere.mette],
          at,
        );
        if (!stored) throw new Error('the seed has no Mette');
        const mette = toNode(stored);
        const decide = async (caller: Caller) =>
          navnRule.resolve(
            mette,
            {},
            {
              ...createOrganisationContext(
                {
                  requestId: 'test',
                  logger: createLogger({ name: 'organisation-test', level: 'silent' }),
                  at,
                  caller,
                  token: null,
                },
                store,
              ),
              _shield: { cache: {} },
            },
            {} as GraphQLResolveInfo,
            { debug: false, allowExternalErrors: false, fallbackRule: deny, hashFunction: String },
          );
        const group = (cvr: string) => ({
          id: `${cvr}#1`,
          cvr,
          roles: ['organisation:laes' as const],
          kle: null,
          enheder: null,
          foelsomhed: null,
        });
        expect(await decide({ kind: 'BRUGER', subject: 'jb', groups: [group(JAMMERBUGT)] })).toBe(
          true,
        );
        expect(await decide({ kind: 'BRUGER', subject: 'br', groups: [group(BROENDERSLEV)] })).toBe(
          false,
        );
        expect(await decide({ kind: 'BORGER', subject: 'b', cpr: '0101701234' })).toBe(false);
        expect(await decide({ kind: 'ANONYM' })).toBe(false);
      });
    });
  });
});
