import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../kit/auth/testing/full-access-claims';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { getTestSagAdgang, startTestServer, type TestServer } from './testing/start-test-server';

const SAG = '6f1b8a2f-0d11-4d1a-9a53-c3c1c6a46f0e';
const OTHER_SAG = '0d116f1b-8a2f-4d1a-9a53-c3c1c6a46f0e';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const MAX_BYTES = 64 * 1024;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The Authorization header of a user with every role everywhere, for the content routes. */
let auth: { authorization: string };
beforeAll(async () => {
  auth = { authorization: `Bearer ${await (await getTestIssuer()).sign(getFullAccessClaims())}` };
});

/** Counts the store's searches, to see batching. */
function countSearches(inner: BitemporalStore): { store: BitemporalStore; searches: () => number } {
  let searches = 0;
  return {
    store: {
      ...inner,
      search: (query) => {
        searches += 1;
        return inner.search(query);
      },
    },
    searches: () => searches,
  };
}

interface Uploaded {
  indholdId: string;
  sha256: string;
  stoerrelse: number;
  mimetype: string;
}

const OPRET = `mutation ($input: OpretDokumentInput!) {
  opretDokument(input: $input) {
    uuid version titel brevdato dokumenttype foelsomhed fremdrift sag { uuid }
    varianter { varianttekst dele { uuid navn mimetype stoerrelse sha256 indholdUrl } }
    registreringer { version livscyklus aktoer }
  }
}`;

describe('the dokument subgraph', () => {
  let server: TestServer;
  let counted: ReturnType<typeof countSearches>;
  beforeAll(async () => {
    counted = countSearches(createEmbeddedStore());
    server = await startTestServer(counted.store, {
      maxContentBytes: MAX_BYTES,
      sager: { [SAG]: getTestSagAdgang(), [OTHER_SAG]: getTestSagAdgang() },
    });
  });
  afterAll(() => server.stop());

  async function upload(
    bytes: Buffer,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${server.origin}/indhold`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/pdf',
        'x-content-sha256': sha256(bytes),
        ...headers,
      },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function uploadOk(bytes: Buffer, mimetype = 'application/pdf'): Promise<Uploaded> {
    const { status, body } = await upload(bytes, { 'content-type': mimetype });
    expect(status).toBe(201);
    return body as unknown as Uploaded;
  }

  function input(indholdId: string, overrides: Record<string, unknown> = {}) {
    return {
      sag: SAG,
      titel: 'Ansøgning om byggetilladelse',
      brevdato: '2025-03-01',
      dokumenttype: 'Ansøgning',
      varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'Ansøgning.pdf' }] }],
      ...overrides,
    };
  }

  async function opret(variables: Record<string, unknown>) {
    const { body } = await server.query(OPRET, { variables });
    expect(body.errors).toBeUndefined();
    return body.data?.opretDokument as {
      uuid: string;
      varianter: { dele: { uuid: string; indholdUrl: string }[] }[];
    };
  }

  async function totalDokumenter(): Promise<number> {
    const { body } = await server.query('{ dokumenter(first: 100) { totalCount } }');
    return (body.data?.dokumenter as { totalCount: number }).totalCount;
  }

  describe('content over HTTP', () => {
    it('uploads a file, creates a document with it and downloads the same bytes', async () => {
      const bytes = randomBytes(40_000);
      const uploaded = await uploadOk(bytes);
      expect(uploaded).toEqual({
        indholdId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sha256: sha256(bytes),
        stoerrelse: bytes.length,
        mimetype: 'application/pdf',
      });
      const { body } = await server.query(OPRET, {
        variables: { input: input(uploaded.indholdId, { navn: undefined }) },
      });
      expect(body.errors).toBeUndefined();
      const dokument = body.data?.opretDokument as {
        uuid: string;
        varianter: { dele: { uuid: string; indholdUrl: string }[] }[];
      };
      const del = dokument.varianter[0]?.dele[0];
      expect(body.data?.opretDokument).toMatchObject({
        version: 1,
        foelsomhed: 'IKKE_FORTROLIG',
        fremdrift: 'UNDER_UDARBEJDELSE',
        sag: { uuid: SAG },
        varianter: [
          {
            varianttekst: 'original',
            dele: [
              {
                navn: 'Ansøgning.pdf',
                mimetype: 'application/pdf',
                stoerrelse: bytes.length,
                sha256: sha256(bytes),
                indholdUrl: `/dokumenter/${dokument.uuid}/dele/${del?.uuid}/indhold`,
              },
            ],
          },
        ],
        registreringer: [{ version: 1, livscyklus: 'OPSTAAET', aktoer: 'test-fuld-adgang' }],
      });
      const response = await fetch(`${server.origin}${del?.indholdUrl}`, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-length')).toBe(String(bytes.length));
      expect(response.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Ans_gning.pdf"; filename*=UTF-8''Ans%C3%B8gning.pdf`,
      );
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('answers 404 for an unknown document, part or malformed id, and before the document existed', async () => {
      const uploaded = await uploadOk(Buffer.from('hej'), 'text/plain');
      const dokument = await opret({ input: input(uploaded.indholdId) });
      const del = dokument.varianter[0]?.dele[0]?.uuid;
      for (const path of [
        `/dokumenter/${UNKNOWN}/dele/${del}/indhold`,
        `/dokumenter/${dokument.uuid}/dele/${UNKNOWN}/indhold`,
        `/dokumenter/${dokument.uuid}/dele/..%2F..%2Fetc/indhold`,
      ]) {
        const response = await fetch(`${server.origin}${path}`, { headers: auth });
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({
          errors: [{ extensions: { code: 'INDHOLD_NOT_FOUND' } }],
        });
      }
      const before = await fetch(
        `${server.origin}/dokumenter/${dokument.uuid}/dele/${del}/indhold`,
        {
          headers: { ...auth, Registreringstid: '2020-01-01T00:00:00Z' },
        },
      );
      expect(before.status).toBe(404);
    });

    it('rejects content whose hash differs from X-Content-SHA256 and keeps nothing', async () => {
      const files = await readdir(server.contentDir);
      const { status, body } = await upload(Buffer.from('the real bytes'), {
        'x-content-sha256': sha256(Buffer.from('other bytes')),
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'CHECKSUM_MISMATCH' } }] });
      expect(await readdir(server.contentDir)).toEqual(files);
    });

    it('rejects an oversize upload with 413, keeping no partial content and no document', async () => {
      const files = await readdir(server.contentDir);
      const dokumenter = await totalDokumenter();
      const { status, body } = await upload(randomBytes(MAX_BYTES + 1));
      expect(status).toBe(413);
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      expect(await readdir(server.contentDir)).toEqual(files);
      expect(await totalDokumenter()).toBe(dokumenter);
    });

    it('rejects an oversize upload sent without Content-Length while it streams', async () => {
      const files = await readdir(server.contentDir);
      const bytes = randomBytes(MAX_BYTES + 10_000);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 8192) {
            controller.enqueue(bytes.subarray(offset, offset + 8192));
          }
          controller.close();
        },
      });
      const response = await fetch(`${server.origin}/indhold`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/pdf', 'x-content-sha256': sha256(bytes) },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await readdir(server.contentDir)).toEqual(files);
    });

    it.each([
      [{ 'content-type': 'pdf' }, 'Content-Type'],
      [{ 'content-type': 'application/pdf\r\nx: y'.replace(/\r\n/, ' ') }, 'Content-Type'],
      [{ 'x-content-sha256': 'abc' }, 'X-Content-SHA256'],
    ])('rejects the headers %j naming %s', async (headers, field) => {
      const { status, body } = await upload(Buffer.from('x'), headers);
      expect(status).toBe(400);
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field } }] });
    });
  });

  describe('opretDokument', () => {
    let indholdId: string;
    beforeAll(async () => {
      indholdId = (await uploadOk(Buffer.from('%PDF-1.4'))).indholdId;
    });

    it.each([
      ['input.sag', { sag: 'sag-1' }],
      ['input.titel', { titel: '   ' }],
      ['input.titel', { titel: 'x'.repeat(201) }],
      ['input.dokumenttype', { dokumenttype: '' }],
      ['input.varianter', { varianter: [] }],
      ['input.varianter[0].dele', { varianter: [{ varianttekst: 'original', dele: [] }] }],
      [
        'input.varianter[0].dele[0].navn',
        { varianter: [{ varianttekst: 'original', dele: [{ indholdId: UNKNOWN, navn: 'a\nb' }] }] },
      ],
      [
        'input.varianter[0].dele[0].indholdId',
        { varianter: [{ varianttekst: 'original', dele: [{ indholdId: '../x', navn: 'a' }] }] },
      ],
    ])('rejects bad input with BAD_USER_INPUT on %s', async (field, overrides) => {
      const before = await totalDokumenter();
      const { body } = await server.query(OPRET, {
        variables: { input: input(indholdId, overrides) },
      });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        path: ['opretDokument'],
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(await totalDokumenter()).toBe(before);
    });

    it('rejects a part whose indholdId was never uploaded', async () => {
      const { body } = await server.query(OPRET, {
        variables: {
          input: input(indholdId, {
            varianter: [
              { varianttekst: 'original', dele: [{ indholdId, navn: 'a.pdf' }] },
              {
                varianttekst: 'arkiv',
                dele: [
                  { indholdId, navn: 'a.pdf' },
                  { indholdId: UNKNOWN, navn: 'b.pdf' },
                ],
              },
            ],
          }),
        },
      });
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.varianter[1].dele[1].indholdId',
      });
    });

    it('rejects a malformed brevdato', async () => {
      const { body } = await server.query(OPRET, {
        variables: { input: input(indholdId, { brevdato: '2025-02-30' }) },
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe('dokumenter and Sag.dokumenter', () => {
  const SAGER = Array.from(
    { length: 30 },
    (_, i) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  );
  let server: TestServer;
  let counted: ReturnType<typeof countSearches>;
  beforeAll(async () => {
    counted = countSearches(createEmbeddedStore());
    server = await startTestServer(counted.store, {
      sager: Object.fromEntries([SAG, OTHER_SAG, ...SAGER].map((sag) => [sag, getTestSagAdgang()])),
    });
    const uploaded = await fetch(`${server.origin}/indhold`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'text/plain; charset=utf-8',
        'x-content-sha256': sha256(Buffer.from('x')),
      },
      body: 'x',
    });
    const { indholdId } = (await uploaded.json()) as Uploaded;
    // Case i gets i % 4 documents (0–3); case 0 also gets the typed ones below.
    for (const [i, sag] of SAGER.entries()) {
      for (let k = 0; k < i % 4; k += 1) {
        const { body } = await server.query(OPRET, {
          variables: {
            input: {
              sag,
              titel: `Brev ${i}.${k}`,
              brevdato: `2025-${String((k % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
              dokumenttype: 'Brev',
              varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'brev.txt' }] }],
            },
          },
        });
        expect(body.errors).toBeUndefined();
      }
    }
    for (const [titel, brevdato, dokumenttype] of [
      ['Afgørelse om byggetilladelse', '2026-02-01', 'Afgørelse'],
      ['Ansøgning om byggetilladelse', '2025-12-01', 'Ansøgning'],
      ['Kvittering', '2025-12-02', 'Kvittering'],
      ['Notat .* om regex', '2026-01-15', 'Notat'],
    ]) {
      const { body } = await server.query(OPRET, {
        variables: {
          input: {
            sag: SAG,
            titel,
            brevdato,
            dokumenttype,
            varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'a.txt' }] }],
          },
        },
      });
      expect(body.errors).toBeUndefined();
    }
  });
  afterAll(() => server.stop());

  const DOKUMENTER = `query ($filter: DokumentFilter, $first: Int, $after: String) {
    dokumenter(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { titel brevdato }
    }
  }`;

  async function dokumenter(variables: Record<string, unknown>) {
    const { body } = await server.query(DOKUMENTER, { variables });
    expect(body.errors).toBeUndefined();
    return body.data?.dokumenter as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { titel: string; brevdato: string }[];
    };
  }

  it("lists a case's documents newest letter date first", async () => {
    expect(await dokumenter({ filter: { sag: SAG } })).toMatchObject({
      totalCount: 4,
      nodes: [
        { titel: 'Afgørelse om byggetilladelse', brevdato: '2026-02-01' },
        { titel: 'Notat .* om regex', brevdato: '2026-01-15' },
        { titel: 'Kvittering', brevdato: '2025-12-02' },
        { titel: 'Ansøgning om byggetilladelse', brevdato: '2025-12-01' },
      ],
    });
  });

  it.each([
    ['soeg, case-insensitive', { soeg: 'BYGGETILLADELSE' }, 2],
    ['soeg .* as literal text', { soeg: '.*' }, 1],
    ['dokumenttype', { dokumenttype: 'Kvittering' }, 1],
    [
      'brevdato range, both ends included',
      { brevdatoFra: '2025-12-02', brevdatoTil: '2026-01-15' },
      2,
    ],
    ['sag and dokumenttype', { sag: OTHER_SAG, dokumenttype: 'Brev' }, 0],
  ])('filters by %s', async (_name, filter, totalCount) => {
    const page = await dokumenter({ filter, first: 100 });
    expect(page.totalCount).toBe(totalCount);
    expect(page.nodes).toHaveLength(totalCount);
  });

  it('pages through all documents without duplicates, in the order of one page', async () => {
    const all = await dokumenter({ first: 100 });
    expect(all.totalCount).toBe(4 + SAGER.reduce((sum, _, i) => sum + (i % 4), 0));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await dokumenter({ first: 7, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.nodes.map((n) => `${n.brevdato} ${n.titel}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(all.nodes.map((n) => `${n.brevdato} ${n.titel}`));
    expect(
      [...seen]
        .sort()
        .reverse()
        .map((s) => s.slice(0, 10)),
    ).toEqual(seen.map((s) => s.slice(0, 10)));
  });

  it.each([
    ['filter.sag', { sag: '.*' }],
    ['filter.brevdatoFra', { brevdatoFra: '2025-13-01' }],
    ['filter.soeg', { soeg: 'x'.repeat(101) }],
  ])('rejects a bad %s', async (field, filter) => {
    const { body } = await server.query(DOKUMENTER, { variables: { filter } });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (field !== 'filter.brevdatoFra') expect(body.errors?.[0]?.extensions?.field).toBe(field);
  });

  const ENTITIES = `query ($representations: [_Any!]!, $first: Int) {
    _entities(representations: $representations) {
      ... on Sag { uuid dokumenter(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { titel } } }
    }
  }`;

  it('answers the documents of 30 cases in one store search with per-case counts', async () => {
    const before = counted.searches();
    const { body } = await server.query(ENTITIES, {
      variables: {
        representations: SAGER.map((uuid) => ({ __typename: 'Sag', uuid })),
        first: 2,
      },
    });
    expect(body.errors).toBeUndefined();
    expect(counted.searches() - before).toBe(1);
    const entities = body.data?._entities as {
      uuid: string;
      dokumenter: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: unknown[] };
    }[];
    expect(entities.map((e) => e.uuid)).toEqual(SAGER);
    expect(entities.map((e) => e.dokumenter.totalCount)).toEqual(SAGER.map((_, i) => i % 4));
    expect(entities.map((e) => e.dokumenter.nodes.length)).toEqual(
      SAGER.map((_, i) => Math.min(i % 4, 2)),
    );
    expect(entities.map((e) => e.dokumenter.pageInfo.hasNextPage)).toEqual(
      SAGER.map((_, i) => i % 4 > 2),
    );
  });

  it("continues a case's documents after the batched first page", async () => {
    const sag = SAGER[3];
    const first = await server.query(ENTITIES, {
      variables: { representations: [{ __typename: 'Sag', uuid: sag }], first: 2 },
    });
    const page = (
      first.body.data?._entities as {
        dokumenter: { pageInfo: { endCursor: string }; nodes: { titel: string }[] };
      }[]
    )[0]?.dokumenter;
    const { body } = await server.query(
      `query ($representations: [_Any!]!, $after: String) { _entities(representations: $representations) { ... on Sag { dokumenter(first: 2, after: $after) { totalCount pageInfo { hasNextPage } nodes { titel } } } } }`,
      {
        variables: {
          representations: [{ __typename: 'Sag', uuid: sag }],
          after: page?.pageInfo.endCursor,
        },
      },
    );
    expect(body.errors).toBeUndefined();
    const rest = (
      body.data?._entities as { dokumenter: { totalCount: number; nodes: { titel: string }[] } }[]
    )[0]?.dokumenter;
    expect(rest?.totalCount).toBe(3);
    expect([...(page?.nodes ?? []), ...(rest?.nodes ?? [])].map((n) => n.titel).sort()).toEqual([
      'Brev 3.0',
      'Brev 3.1',
      'Brev 3.2',
    ]);
  });

  it('resolves a Dokument reference and points its sag at the Sag entity', async () => {
    const { nodes } = (await server.query('{ dokumenter(first: 1) { nodes { uuid } } }')).body.data
      ?.dokumenter as { nodes: { uuid: string }[] };
    const { body } = await server.query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Dokument { titel sag { uuid } } } }`,
      {
        variables: {
          representations: [
            { __typename: 'Dokument', uuid: nodes[0]?.uuid },
            { __typename: 'Dokument', uuid: UNKNOWN },
          ],
        },
      },
    );
    expect(body.data?._entities).toEqual([
      { titel: 'Afgørelse om byggetilladelse', sag: { uuid: SAG } },
      null,
    ]);
  });
});
