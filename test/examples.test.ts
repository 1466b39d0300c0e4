import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { SEED_KLE } from '../subgraphs/sag/seed/seed-sag-data';
import { readExamples, type Example } from './read-examples';
import { startGraph, type GraphQLResponseBody, type StartedGraph } from './start-graph';

interface Connection<T> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

const examples = readExamples();
const jammerbugt = SEED_IDS.jammerbugt;

function getExample(name: string): Example {
  const example = examples.get(name);
  if (!example) throw new Error(`no example examples/${name}.graphql`);
  return example;
}

describe('the example operations in examples/', () => {
  let graph: StartedGraph;

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  async function run(
    example: Example,
    overrides: { variables?: Record<string, unknown>; query?: string } = {},
  ): Promise<GraphQLResponseBody> {
    const token = await graph.sign(getDevProfileClaims(example.profile));
    const { status, body } = await graph.query(overrides.query ?? example.source, {
      token,
      headers: example.headers,
      variables: { ...example.variables, ...overrides.variables },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body;
  }

  it('are each run by a test below', () => {
    expect([...examples.keys()].sort()).toEqual(
      [
        'bbr-byggesager',
        'borger-mine-sager',
        'integrator-byggesager',
        'integrator-bygninger-og-sager',
        'integrator-organisationstrae',
        'revisor-adgangslog',
        'sagsbehandler-enheder-med-kle',
        'sagsbehandler-enhedsoversigt',
        'sagsbehandler-sag',
        'sagsbehandler-sag-paa-dato',
        'sagsbehandler-sagsside',
      ].sort(),
    );
  });

  it("sagsbehandler-sagsside: the case worker's open building cases with documents, 20 and 100 per page", async () => {
    const example = getExample('sagsbehandler-sagsside');
    for (const first of [20, 100]) {
      const query = example.source.replace('first: 20', `first: ${first}`);
      expect(query).toContain(`first: ${first}`);
      const body = await run(example, { query });
      const sager = body.data?.sager as Connection<{
        sagsnummer: string;
        fremdrift: string;
        kle: { brugervendtNoegle: string; titel: string };
        ansvarligEnhed: { navn: string };
        sagsbehandler: { navn: string };
        dokumenter: Connection<{ varianter: { dele: { mimetype: string }[] }[] }>;
      }>;
      // Jammerbugt's open building cases within the case worker's KLE and unit: cases 1 and 2.
      expect(sager.totalCount).toBe(2);
      for (const sag of sager.nodes) {
        expect(['OPSTAAET', 'OPLYST']).toContain(sag.fremdrift);
        expect(sag.kle).toEqual({ brugervendtNoegle: '02.34.02', titel: expect.any(String) });
        expect(sag.ansvarligEnhed.navn).toBe('Byg og Miljø');
        expect(sag.sagsbehandler.navn).toBe('Mette Kjær Nielsen');
        expect(sag.dokumenter.totalCount).toBeGreaterThan(0);
        expect(sag.dokumenter.nodes[0]?.varianter[0]?.dele[0]?.mimetype).toMatch(/\//);
      }
    }
  });

  it('sagsbehandler-sag: one case with KLE path, building, documents and who changed it', async () => {
    const body = await run(getExample('sagsbehandler-sag'));
    const sag = body.data?.sag as {
      kle: { sti: { brugervendtNoegle: string }[] };
      organisation: { kommunekode: string };
      bygninger: { anvendelse: { kode: string; tekst: string } | null }[];
      dokumenter: Connection<unknown>;
      registreringer: { livscyklus: string; aktoer: string; aendredeFelter: string[] }[];
    };
    expect(sag.kle.sti.map((k) => k.brugervendtNoegle)).toEqual(['02', '02.34', '02.34.02']);
    expect(sag.organisation.kommunekode).toBe('0849');
    expect(sag.bygninger).toHaveLength(1);
    expect(sag.bygninger[0]?.anvendelse?.tekst).toEqual(expect.any(String));
    expect(sag.dokumenter.totalCount).toBeGreaterThan(0);
    expect(sag.registreringer.map((r) => r.livscyklus)).toEqual(['OPSTAAET', 'RETTET']);
    expect(sag.registreringer[1]?.aktoer).toEqual(expect.any(String));
  });

  it('sagsbehandler-sag-paa-dato: the case as it was on the date in its Virkningstid header', async () => {
    const example = getExample('sagsbehandler-sag-paa-dato');
    expect(example.headers).toEqual({ Virkningstid: '2025-01-10T12:00:00Z' });
    const then = (await run(example)).data?.sag as { fremdrift: string };
    expect(then.fremdrift).toBe('OPSTAAET');
    const now = (await run({ ...example, headers: {} })).data?.sag as { fremdrift: string };
    expect(now.fremdrift).toBe('OPLYST');
  });

  it("sagsbehandler-enhedsoversigt: a unit's open cases, its sub-units' included", async () => {
    const body = await run(getExample('sagsbehandler-enhedsoversigt'));
    const enhed = body.data?.organisationEnhed as {
      navn: string;
      sti: { navn: string }[];
      underenheder: { navn: string }[];
      sager: Connection<{ ansvarligEnhed: { navn: string } }>;
    };
    expect(enhed.navn).toBe('Teknik og Miljø');
    expect(enhed.sti.map((e) => e.navn)).toEqual(['Jammerbugt Kommune', 'Teknik og Miljø']);
    expect(enhed.underenheder.map((e) => e.navn)).toEqual(['Byg og Miljø']);
    // Cases 1 and 2 are open; case 5 is closed (AFSLUTTET).
    expect(enhed.sager.totalCount).toBe(2);
    expect(new Set(enhed.sager.nodes.map((s) => s.ansvarligEnhed.navn))).toEqual(
      new Set(['Byg og Miljø']),
    );
  });

  it('sagsbehandler-enheder-med-kle: units by name with their KLE titles', async () => {
    const body = await run(getExample('sagsbehandler-enheder-med-kle'));
    const enheder = body.data?.organisationEnheder as Connection<{
      kle: { aspekt: string; klasse: { brugervendtNoegle: string; titel: string } }[];
    }>;
    expect(enheder.totalCount).toBe(5);
    expect(enheder.nodes[0]?.kle).toContainEqual({
      aspekt: 'ANSVARLIG',
      klasse: { brugervendtNoegle: SEED_KLE.byggetilladelse.nummer, titel: expect.any(String) },
    });
  });

  it('borger-mine-sager: the citizen sees her two cases, their documents, and no other CPR', async () => {
    const body = await run(getExample('borger-mine-sager'));
    const sager = body.data?.mineSager as Connection<{
      parter: { cpr: string | null }[];
      dokumenter: Connection<unknown>;
    }>;
    expect(sager.totalCount).toBe(2);
    for (const sag of sager.nodes) {
      expect(sag.dokumenter.totalCount).toBeGreaterThan(0);
      for (const part of sag.parter) expect([null, '1203654127']).toContain(part.cpr);
    }
  });

  it('bbr-byggesager: building-permit cases with their buildings from BBR', async () => {
    const body = await run(getExample('bbr-byggesager'));
    const sager = body.data?.sager as Connection<{
      bygninger: { anvendelse: { tekst: string } | null; opfoerelsesaar: number | null }[];
    }>;
    expect(sager.nodes).toHaveLength(3);
    for (const sag of sager.nodes) {
      expect(sag.bygninger[0]?.anvendelse?.tekst).toEqual(expect.any(String));
      expect(sag.bygninger[0]?.opfoerelsesaar).toEqual(expect.any(Number));
    }
  });

  it('integrator-bygninger-og-sager: cases, their buildings and every case on each building', async () => {
    const body = await run(getExample('integrator-bygninger-og-sager'));
    const sager = body.data?.sager as Connection<{
      sagsnummer: string;
      bygninger: { sager: Connection<{ sagsnummer: string }> }[];
    }>;
    expect(sager.nodes.length).toBeGreaterThan(0);
    for (const sag of sager.nodes) {
      for (const bygning of sag.bygninger) {
        expect(bygning.sager.nodes.map((s) => s.sagsnummer)).toContain(sag.sagsnummer);
      }
    }
  });

  it('integrator-organisationstrae: the tree three levels down with KLE responsibilities', async () => {
    const body = await run(getExample('integrator-organisationstrae'));
    const rod = body.data?.organisationEnhed as {
      organisation: { cvr: string };
      underenheder: {
        navn: string;
        underenheder: { navn: string; kle: { klasse: { titel: string } | null }[] }[];
      }[];
    };
    expect(rod.organisation.cvr).toBe('29189625');
    expect(rod.underenheder.map((e) => e.navn).sort()).toEqual(
      ['Børn og Familie', 'Teknik og Miljø', 'Økonomi'].sort(),
    );
    const bygOgMiljoe = rod.underenheder
      .flatMap((e) => e.underenheder)
      .find((e) => e.navn === 'Byg og Miljø');
    expect(bygOgMiljoe?.kle[0]?.klasse?.titel).toEqual(expect.any(String));
  });

  it('revisor-adgangslog: who looked at a citizen, with no time window to go stale', async () => {
    // A case worker opens the citizen's case; the auditor then sees that use.
    const caseWorker = await graph.sign(getDevProfileClaims('sagsbehandler'));
    await graph.query('query ($uuid: ID!) { sag(uuid: $uuid) { titel } }', {
      token: caseWorker,
      variables: { uuid: getExample('sagsbehandler-sag').variables.sag },
    });
    const body = await run(getExample('revisor-adgangslog'));
    const log = body.data?.adgangslog as {
      sag: { aktoer: string; operation: string; objekter: string[]; udfald: string }[];
      dokument: unknown[];
    };
    expect(log.sag).toContainEqual(
      expect.objectContaining({
        operation: 'LAES',
        objekter: [getExample('sagsbehandler-sag').variables.sag],
        udfald: 'TILLADT',
      }),
    );
    expect(Array.isArray(log.dokument)).toBe(true);
  });

  it('integrator-byggesager: every building-permit case of the municipality, paged to the end', async () => {
    // More cases than one page of 100: 120 new building-permit cases in Jammerbugt.
    const created: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      const { body } = await graph.query(
        `mutation ($input: OpretSagInput!) { opretSag(input: $input) { sagsnummer } }`,
        {
          variables: {
            input: {
              organisation: jammerbugt.organisation,
              titel: `Byggetilladelse – udestue ${i + 1}`,
              kle: SEED_KLE.byggetilladelse.uuid,
              kleNummer: SEED_KLE.byggetilladelse.nummer,
              ansvarligEnhed: jammerbugt.enheder.bygOgMiljoe,
              parter: [],
            },
          },
        },
      );
      expect(body.errors).toBeUndefined();
      created.push((body.data?.opretSag as { sagsnummer: string }).sagsnummer);
    }
    const example = getExample('integrator-byggesager');
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const body = await run(example, { variables: { after } });
      const sager = body.data?.sager as Connection<{ sagsnummer: string }>;
      expect(sager.nodes.length).toBeLessThanOrEqual(100);
      seen.push(...sager.nodes.map((s) => s.sagsnummer));
      pages += 1;
      after = sager.pageInfo?.hasNextPage ? sager.pageInfo.endCursor : null;
    } while (after && pages < 10);
    expect(pages).toBe(2);
    // The seeded IKKE_FORTROLIG building permits (cases 1, 2 and 5) and the new ones, once each.
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    for (const sagsnummer of created) expect(seen).toContain(sagsnummer);
  });
});
