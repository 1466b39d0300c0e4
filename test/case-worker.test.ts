import { createHash } from 'node:crypto';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { startGraph, type StartedGraph } from './start-graph';

const CASE_WORKER_QUERY = `
  query Sager($filter: SagFilter, $first: Int) {
    sager(filter: $filter, first: $first) {
      totalCount
      nodes {
        uuid
        sagsnummer
        titel
        fremdrift
        kle { brugervendtNoegle titel }
        ansvarligEnhed { navn }
        sagsbehandler { navn }
        parter { rolle navn }
        dokumenter { totalCount nodes { titel } }
      }
    }
  }
`;

interface SagNode {
  uuid: string;
  sagsnummer: string;
  titel: string;
  fremdrift: string;
  kle: { brugervendtNoegle: string; titel: string };
  ansvarligEnhed: { navn: string };
  sagsbehandler: { navn: string } | null;
  parter: { rolle: string; navn: string }[];
  dokumenter: { totalCount: number; nodes: { titel: string }[] };
}

const jammerbugt = SEED_IDS.jammerbugt;

describe("a case worker's page of cases, from four subgraphs", () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('joins subject titles, units, case workers, parties and documents', async () => {
    const { body } = await graph.query(CASE_WORKER_QUERY, {
      variables: { filter: { organisation: jammerbugt.organisation } },
    });
    expect(body.errors).toBeUndefined();
    const sager = body.data?.sager as { totalCount: number; nodes: SagNode[] };
    expect(sager.totalCount).toBe(6);
    const tilbygning = sager.nodes.find((s) => s.uuid === getSeedSagUuid('0849', 1));
    expect(tilbygning).toMatchObject({
      titel: 'Byggetilladelse – tilbygning til enfamiliehus',
      sagsnummer: expect.stringMatching(/^\d{4}-\d{6}$/),
      kle: { brugervendtNoegle: '02.34.02', titel: 'Byggetilladelse' },
      ansvarligEnhed: { navn: 'Byg og Miljø' },
      sagsbehandler: { navn: expect.any(String) },
    });
    expect(tilbygning?.parter.length).toBeGreaterThan(0);
    expect(tilbygning?.dokumenter.totalCount).toBeGreaterThanOrEqual(2);
    expect(tilbygning?.dokumenter.nodes.map((d) => d.titel)).toContain(
      'Ansøgning om byggetilladelse – tilbygning',
    );
    for (const sag of sager.nodes) {
      expect(sag.ansvarligEnhed.navn).toEqual(expect.any(String));
      expect(sag.kle.titel).toEqual(expect.any(String));
    }
  });

  it("lists a unit's cases from the organisation side, with or without its sub-units", async () => {
    const { body } = await graph.query(
      `query ($bm: ID!, $root: ID!) {
        bm: organisationEnhed(uuid: $bm) { navn sager { totalCount nodes { titel } } }
        root: organisationEnhed(uuid: $root) {
          egne: sager { totalCount }
          alle: sager(inkluderUnderenheder: true) { totalCount }
        }
      }`,
      { variables: { bm: jammerbugt.enheder.bygOgMiljoe, root: jammerbugt.enheder.kommune } },
    );
    expect(body.errors).toBeUndefined();
    const bm = body.data?.bm as { sager: { totalCount: number; nodes: { titel: string }[] } };
    expect(bm.sager.totalCount).toBe(3);
    expect(bm.sager.nodes.map((n) => n.titel)).toContain('Byggetilladelse – carport');
    expect(body.data?.root).toEqual({ egne: { totalCount: 0 }, alle: { totalCount: 6 } });
  });

  it("shows a building's cases through the building key", async () => {
    const { body } = await graph.query(
      `query ($uuid: ID!) { sag(uuid: $uuid) { bygninger { id sager { nodes { uuid } } } } }`,
      { variables: { uuid: getSeedSagUuid('0849', 1) } },
    );
    expect(body.errors).toBeUndefined();
    const sag = body.data?.sag as {
      bygninger: { id: string; sager: { nodes: { uuid: string }[] } }[];
    };
    expect(sag.bygninger).toHaveLength(1);
    expect(sag.bygninger[0]?.sager.nodes.map((n) => n.uuid)).toContain(getSeedSagUuid('0849', 1));
  });
});

describe('changing a case through the gateway', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('keeps the old title visible at an earlier Registreringstid', async () => {
    const uuid = getSeedSagUuid('0860', 2);
    const read = await graph.query('query ($uuid: ID!) { sag(uuid: $uuid) { version titel } }', {
      variables: { uuid },
    });
    const before = read.body.data?.sag as { version: number; titel: string };
    const beforeTime = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await graph.query(
      `mutation ($uuid: ID!, $version: Int!) {
        opdaterSag(uuid: $uuid, version: $version, input: { titel: "Byggetilladelse – carport og redskabsrum" }) { version titel }
      }`,
      { variables: { uuid, version: before.version } },
    );
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data?.opdaterSag).toEqual({
      version: before.version + 1,
      titel: 'Byggetilladelse – carport og redskabsrum',
    });

    const old = await graph.query('query ($uuid: ID!) { sag(uuid: $uuid) { titel } }', {
      variables: { uuid },
      headers: { Registreringstid: beforeTime },
    });
    expect(old.body.data?.sag).toEqual({ titel: before.titel });

    const history = await graph.query(
      'query ($uuid: ID!) { sag(uuid: $uuid) { registreringer { version aktoer fra aendredeFelter } } }',
      { variables: { uuid } },
    );
    const registreringer = (
      history.body.data?.sag as {
        registreringer: {
          version: number;
          aktoer: string;
          fra: string;
          aendredeFelter: string[];
        }[];
      }
    ).registreringer;
    expect(registreringer[registreringer.length - 1]).toMatchObject({
      version: before.version + 1,
      aktoer: expect.any(String),
      aendredeFelter: ['titel'],
    });
    expect(registreringer.length).toBe(before.version + 1);
  });

  it('lets exactly one of two updates from the same version win', async () => {
    const uuid = getSeedSagUuid('0813', 4);
    const read = await graph.query('query ($uuid: ID!) { sag(uuid: $uuid) { version } }', {
      variables: { uuid },
    });
    const version = (read.body.data?.sag as { version: number }).version;
    const update = (titel: string) =>
      graph.query(
        `mutation ($uuid: ID!, $version: Int!, $titel: String!) {
          opdaterSag(uuid: $uuid, version: $version, input: { titel: $titel }) { titel }
        }`,
        { variables: { uuid, version, titel } },
      );
    const results = await Promise.all([update('Klage A'), update('Klage B')]);
    const winners = results.filter((r) => !r.body.errors);
    const losers = results.filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers[0]?.body.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT' });
    const final = await graph.query('query ($uuid: ID!) { sag(uuid: $uuid) { titel version } }', {
      variables: { uuid },
    });
    expect(final.body.data?.sag).toEqual({
      titel: (winners[0]?.body.data?.opdaterSag as { titel: string }).titel,
      version: version + 1,
    });
  });

  it('refuses to reopen a closed case, with the stable code reaching the client', async () => {
    const uuid = getSeedSagUuid('0849', 5);
    const read = await graph.query(
      'query ($uuid: ID!) { sag(uuid: $uuid) { version fremdrift } }',
      {
        variables: { uuid },
      },
    );
    const sag = read.body.data?.sag as { version: number; fremdrift: string };
    expect(sag.fremdrift).toBe('AFSLUTTET');
    const { body } = await graph.query(
      `mutation ($uuid: ID!, $version: Int!) {
        skiftFremdrift(uuid: $uuid, version: $version, fremdrift: OPLYST) { fremdrift }
      }`,
      { variables: { uuid, version: sag.version } },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FREMDRIFT_NOT_ALLOWED',
      serviceName: 'sag',
    });
    const after = await graph.query(
      'query ($uuid: ID!) { sag(uuid: $uuid) { version fremdrift } }',
      {
        variables: { uuid },
      },
    );
    expect(after.body.data?.sag).toEqual(sag);
  });

  it('names the invalid field of a bad case', async () => {
    const { body } = await graph.query(
      `mutation ($input: OpretSagInput!) { opretSag(input: $input) { uuid } }`,
      {
        variables: {
          input: {
            organisation: jammerbugt.organisation,
            titel: 'Test',
            kle: 'e9073dc0-8967-4a20-a1be-bfd999a1c138',
            kleNummer: '02.34.02',
            ansvarligEnhed: jammerbugt.enheder.bygOgMiljoe,
            parter: [{ rolle: 'PRIMAERPART', cpr: '3213456789', navn: 'X' }],
          },
        },
      },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parter[0].cpr',
    });
  });
});

describe('document content through the gateway', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('uploads, attaches and downloads a file byte for byte', async () => {
    const content = Buffer.from('Høringssvar fra naboen.\n'.repeat(2000), 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const base = graph.url.replace(/\/graphql$/, '');
    const upload = await fetch(`${base}/indhold`, {
      method: 'POST',
      headers: {
        authorization: graph.authorization,
        'content-type': 'text/plain; charset=utf-8',
        'x-content-sha256': sha256,
      },
      body: content,
    });
    expect(upload.status).toBe(201);
    const { indholdId } = (await upload.json()) as { indholdId: string };

    const { body } = await graph.query(
      `mutation ($input: OpretDokumentInput!) {
        opretDokument(input: $input) { uuid sag { titel } varianter { dele { stoerrelse sha256 indholdUrl } } }
      }`,
      {
        variables: {
          input: {
            sag: getSeedSagUuid('0849', 1),
            titel: 'Høringssvar',
            brevdato: '2026-11-20',
            dokumenttype: 'Høringssvar',
            varianter: [
              { varianttekst: 'original', dele: [{ indholdId, navn: 'høringssvar.txt' }] },
            ],
          },
        },
      },
    );
    expect(body.errors).toBeUndefined();
    const dokument = body.data?.opretDokument as {
      sag: { titel: string };
      varianter: { dele: { stoerrelse: number; sha256: string; indholdUrl: string }[] }[];
    };
    expect(dokument.sag.titel).toBe('Byggetilladelse – tilbygning til enfamiliehus');
    const del = dokument.varianter[0]?.dele[0];
    expect(del).toMatchObject({ stoerrelse: content.length, sha256 });

    const download = await fetch(`${base}${del?.indholdUrl}`, {
      headers: { authorization: graph.authorization },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('refuses content whose checksum does not match', async () => {
    const base = graph.url.replace(/\/graphql$/, '');
    const upload = await fetch(`${base}/indhold`, {
      method: 'POST',
      headers: {
        authorization: graph.authorization,
        'content-type': 'text/plain',
        'x-content-sha256': '0'.repeat(64),
      },
      body: 'noget andet',
    });
    expect(upload.status).toBe(400);
    expect(await upload.json()).toEqual({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'CHECKSUM_MISMATCH' }),
        }),
      ],
    });
  });
});
