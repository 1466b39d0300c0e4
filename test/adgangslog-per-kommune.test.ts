import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { startGraph, type StartedGraph } from './start-graph';

jest.setTimeout(120_000);

/** Henrik Dahl Mortensen, the applicant of Brønderslev's seeded case 1. */
const HENRIK = '2504713051';
const BROENDERSLEV_CVR = '29189501';
const jammerbugt = SEED_IDS.jammerbugt;
const broenderslev = SEED_IDS.broenderslev;

interface Post {
  aktoer: string;
  organisation: string | null;
  dataansvarlig: string | null;
  operation: string;
  objekter: string[];
  udfald: string;
}

const ADGANGSLOG = `query ($cpr: String!) {
  adgangslog(cpr: $cpr) {
    sag { aktoer organisation dataansvarlig operation objekter udfald }
    dokument { aktoer organisation dataansvarlig operation objekter udfald }
  }
}`;

describe("an auditor reads only the access log of their own municipality's data", () => {
  let graph: StartedGraph;
  let jammerbugtSag: string;
  beforeAll(async () => {
    graph = await startGraph();
    // Henrik is also a party of a Jammerbugt case: Jammerbugt's data about him.
    const { body } = await graph.query(
      `mutation ($input: OpretSagInput!) { opretSag(input: $input) { uuid } }`,
      {
        variables: {
          input: {
            organisation: jammerbugt.organisation,
            titel: 'Byggetilladelse – carport',
            kle: 'e9073dc0-8967-4a20-a1be-bfd999a1c138',
            kleNummer: '02.34.02',
            ansvarligEnhed: jammerbugt.enheder.bygOgMiljoe,
            parter: [{ rolle: 'PRIMAERPART', cpr: HENRIK, navn: 'Henrik Dahl Mortensen' }],
          },
        },
      },
    );
    expect(body.errors).toBeUndefined();
    jammerbugtSag = (body.data?.opretSag as { uuid: string }).uuid;
  });
  afterAll(() => graph.stop());

  it("shows Jammerbugt's auditor none of a Brønderslev citizen's records about Brønderslev", async () => {
    const broenderslevSag = getSeedSagUuid('0810', 1);
    // Henrik reads his own cases and their documents (no privilege group: organisation null).
    const henrik = await graph.sign({ sub: 'borger-henrik', cpr: HENRIK });
    const own = await graph.query(
      '{ mineSager { totalCount nodes { uuid dokumenter { totalCount } } } dokumenter { totalCount } }',
      { token: henrik },
    );
    expect(own.body.errors).toBeUndefined();
    expect(JSON.stringify(own.body.data)).toContain(broenderslevSag);
    // A Jammerbugt case worker is refused Henrik's Brønderslev case; one of Brønderslev reads it.
    const mette = await graph.sign(getDevProfileClaims('sagsbehandler'));
    const byMette = `query ($uuid: ID!) { sag(uuid: $uuid) { uuid dokumenter { totalCount } } }`;
    const refused = await graph.query(byMette, {
      token: mette,
      variables: { uuid: broenderslevSag },
    });
    expect(refused.body.data?.sag).toBeNull();
    const soeren = await graph.sign({
      sub: 'soeren-broenderslev',
      privilegier: [{ cvr: BROENDERSLEV_CVR, roller: ['sag:laes', 'dokument:laes'] }],
    });
    const read = await graph.query(byMette, {
      token: soeren,
      variables: { uuid: broenderslevSag },
    });
    expect(read.body.data?.sag).toMatchObject({ uuid: broenderslevSag });
    // And the Jammerbugt case about him is read in Jammerbugt.
    const jammerbugtRead = await graph.query(byMette, {
      token: mette,
      variables: { uuid: jammerbugtSag },
    });
    expect(jammerbugtRead.body.data?.sag).toMatchObject({ uuid: jammerbugtSag });

    const logFor = async (token: string) => {
      const { body } = await graph.query(ADGANGSLOG, { token, variables: { cpr: HENRIK } });
      expect(body.errors).toBeUndefined();
      const log = body.data?.adgangslog as { sag: Post[]; dokument: Post[] };
      return [...log.sag, ...log.dokument];
    };

    const jammerbugtAuditor = await logFor(await graph.sign(getDevProfileClaims('revisor')));
    expect(jammerbugtAuditor.length).toBeGreaterThan(0);
    for (const post of jammerbugtAuditor) {
      expect(post.dataansvarlig).toBe(jammerbugt.organisation);
      // Henrik's own reads are here only as far as they were of the Jammerbugt case.
      expect(post.objekter).not.toContain(broenderslevSag);
    }
    expect(jammerbugtAuditor).toContainEqual(
      expect.objectContaining({ aktoer: jammerbugt.brugere.mette, objekter: [jammerbugtSag] }),
    );

    // Brønderslev's auditor sees Henrik's own reads and the refused attempt: every record about
    // Brønderslev's data names Brønderslev, whoever made it.
    const broenderslevAuditor = await logFor(
      await graph.sign({
        sub: 'revisor-broenderslev',
        privilegier: [{ cvr: BROENDERSLEV_CVR, roller: ['adgangslog:laes'] }],
      }),
    );
    for (const post of broenderslevAuditor) {
      expect(post.dataansvarlig).toBe(broenderslev.organisation);
    }
    expect(broenderslevAuditor).toContainEqual(
      expect.objectContaining({ aktoer: 'borger:borger-henrik', organisation: null }),
    );
    expect(broenderslevAuditor).toContainEqual(
      expect.objectContaining({
        aktoer: jammerbugt.brugere.mette,
        udfald: 'AFVIST',
        objekter: [broenderslevSag],
      }),
    );
    expect(broenderslevAuditor).toContainEqual(
      expect.objectContaining({ aktoer: 'soeren-broenderslev', udfald: 'TILLADT' }),
    );

    // Henrik himself sees all of it, about both municipalities.
    const mine = await logFor(henrik);
    const owners = new Set(mine.map((post) => post.dataansvarlig));
    expect(owners).toEqual(new Set([jammerbugt.organisation, broenderslev.organisation]));
  });
});
