import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import type { JWTPayload } from 'jose';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../kit/auth/testing/full-access-claims';
import type { AuditLog, AuditRecord } from '../kit/audit/audit-log';
import { createEmbeddedAuditLog } from '../kit/audit/embedded-audit-log';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { createStaticSagLookup } from './sag-lookup/create-static-sag-lookup';
import {
  getTestSagAdgang,
  startTestServer,
  TEST_AUDIT_RETENTION_MS,
  TEST_ENHEDER,
  TEST_ORGANISATIONER,
  type TestServer,
} from './testing/start-test-server';

const JAMMERBUGT = '29189625';
const BROENDERSLEV = '29189501';
const KAREN = '1203654127';
const NIELS = '0711583319';
const EMMA = '1406154208';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const sagUuid = (n: number): string => `0000000${n}-0000-4000-8000-00000000000a`;

/**
 * The cases of these tests and the one document filed on each. A restricted Jammerbugt user
 * (KLE 02.*, the building unit and below, up to FORTROLIG) may read exactly `synlig` and
 * `underenhed`; each other case is outside on one dimension.
 */
const SAGER = {
  synlig: getTestSagAdgang({ cpr: [KAREN] }),
  underenhed: getTestSagAdgang({ ansvarligEnhed: TEST_ENHEDER.bygSyd, cpr: [NIELS] }),
  kle: getTestSagAdgang({ kleNummer: '27.24.03', cpr: [KAREN, EMMA] }),
  enhed: getTestSagAdgang({ ansvarligEnhed: TEST_ENHEDER.familie, cpr: [] }),
  foelsomhed: getTestSagAdgang({ foelsomhed: 'FOELSOM', cpr: [NIELS] }),
  kommune: getTestSagAdgang({ organisation: TEST_ORGANISATIONER.broenderslev, cpr: [EMMA] }),
} as const;
type SagName = keyof typeof SAGER;
const SAG_NAMES = Object.keys(SAGER) as SagName[];
const SAG_UUIDS = Object.fromEntries(SAG_NAMES.map((name, i) => [name, sagUuid(i + 1)])) as Record<
  SagName,
  string
>;

const RESTRICTED_CLAIMS: JWTPayload = {
  sub: 'begraenset',
  privilegier: [
    {
      cvr: JAMMERBUGT,
      roller: ['dokument:laes', 'sag:laes'],
      kle: ['02.*'],
      enheder: [TEST_ENHEDER.byg],
      foelsomhed: 'FORTROLIG',
    },
    // Everything in Brønderslev, but not the role: groups never lend each other rights.
    { cvr: BROENDERSLEV, roller: ['sag:laes'] },
  ],
};

async function bearer(claims: JWTPayload): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await (await getTestIssuer()).sign(claims)}` };
}

const OPRET = `mutation ($input: OpretDokumentInput!) { opretDokument(input: $input) { uuid varianter { dele { indholdUrl } } } }`;
const DOKUMENTER = `query ($first: Int, $after: String) {
  dokumenter(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { uuid titel } }
}`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Dokument { uuid titel }
    ... on Sag { uuid dokumenter { totalCount nodes { titel } } }
  }
}`;

interface Filed {
  uuid: string;
  indholdUrl: string;
  bytes: Buffer;
}

describe('access to documents', () => {
  let store: BitemporalStore;
  let server: TestServer;
  let full: Record<string, string>;
  let restricted: Record<string, string>;
  const filed = {} as Record<SagName, Filed>;

  async function upload(bytes: Buffer, headers: Record<string, string>): Promise<Response> {
    return fetch(`${server.origin}/indhold`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-content-sha256': sha256(bytes), ...headers },
      body: bytes,
    });
  }

  async function auditRecords(): Promise<AuditRecord[]> {
    return (await server.auditLog.search({ first: 500 })).records;
  }

  beforeAll(async () => {
    store = createEmbeddedStore();
    server = await startTestServer(store, {
      sager: Object.fromEntries(SAG_NAMES.map((name) => [SAG_UUIDS[name], SAGER[name]])),
    });
    full = await bearer(getFullAccessClaims());
    restricted = await bearer(RESTRICTED_CLAIMS);
    for (const name of SAG_NAMES) {
      const bytes = Buffer.from(`indhold af ${name}`);
      const response = await upload(bytes, full);
      expect(response.status).toBe(201);
      const { indholdId } = (await response.json()) as { indholdId: string };
      const { body } = await server.query(OPRET, {
        variables: {
          input: {
            sag: SAG_UUIDS[name],
            titel: name,
            brevdato: '2025-03-01',
            dokumenttype: 'Notat',
            varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: `${name}.txt` }] }],
          },
        },
      });
      expect(body.errors).toBeUndefined();
      const dokument = body.data?.opretDokument as {
        uuid: string;
        varianter: { dele: { indholdUrl: string }[] }[];
      };
      filed[name] = {
        uuid: dokument.uuid,
        indholdUrl: dokument.varianter[0]?.dele[0]?.indholdUrl ?? '',
        bytes,
      };
    }
  });
  afterAll(() => server.stop());

  it('lists exactly the permitted documents to a restricted user, with a matching count', async () => {
    const { body } = await server.query(DOKUMENTER, {
      variables: { first: 100 },
      headers: restricted,
    });
    expect(body.errors).toBeUndefined();
    const page = body.data?.dokumenter as { totalCount: number; nodes: { titel: string }[] };
    expect(page.nodes.map((n) => n.titel).sort()).toEqual(['synlig', 'underenhed']);
    expect(page.totalCount).toBe(2);
    // Paging counts and continues over the permitted documents only.
    const first = await server.query(DOKUMENTER, { variables: { first: 1 }, headers: restricted });
    const firstPage = first.body.data?.dokumenter as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(firstPage.totalCount).toBe(2);
    const second = await server.query(DOKUMENTER, {
      variables: { first: 1, after: firstPage.pageInfo.endCursor },
      headers: restricted,
    });
    expect(second.body.data?.dokumenter).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
    });
  });

  it('logs a search with its criteria and the documents it returned', async () => {
    await server.query(`{ dokumenter(filter: { soeg: "synlig" }) { totalCount } }`, {
      headers: restricted,
    });
    const [latest] = await auditRecords();
    expect(latest).toMatchObject({
      aktoer: 'begraenset',
      operation: 'SOEG',
      objektType: 'Dokument',
      objekter: [filed.synlig.uuid],
      cpr: [KAREN],
      organisation: JAMMERBUGT,
      rolle: 'dokument:laes',
      soegekriterier: { filter: { soeg: 'synlig' } },
      udfald: 'TILLADT',
    });
  });

  it('answers null for a document outside the KLE, unit, sensitivity or municipality, and logs the refusal', async () => {
    const names: SagName[] = ['kle', 'enhed', 'foelsomhed', 'kommune', 'synlig', 'underenhed'];
    const { body } = await server.query(ENTITIES, {
      variables: {
        representations: names.map((name) => ({ __typename: 'Dokument', uuid: filed[name].uuid })),
      },
      headers: restricted,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      null,
      null,
      null,
      null,
      { uuid: filed.synlig.uuid, titel: 'synlig' },
      { uuid: filed.underenhed.uuid, titel: 'underenhed' },
    ]);
    const records = await auditRecords();
    for (const name of ['kle', 'enhed', 'foelsomhed', 'kommune'] as const) {
      expect(records).toContainEqual(
        expect.objectContaining({
          operation: 'LAES',
          objekter: [filed[name].uuid],
          udfald: 'AFVIST',
          rolle: 'dokument:laes',
          cpr: SAGER[name].cpr,
        }),
      );
    }
    expect(records).toContainEqual(
      expect.objectContaining({
        operation: 'LAES',
        objekter: [filed.synlig.uuid],
        udfald: 'TILLADT',
        organisation: JAMMERBUGT,
      }),
    );
  });

  it('answers a hidden document the same as a missing one on the root field', async () => {
    const { body } = await server.query(`query ($uuid: ID!) { dokument(uuid: $uuid) { titel } }`, {
      variables: { uuid: filed.kle.uuid },
      headers: restricted,
    });
    expect(body).toEqual({ data: { dokument: null } });
  });

  it("filters a case's documents by the caller's access", async () => {
    const { body } = await server.query(ENTITIES, {
      variables: {
        representations: [
          { __typename: 'Sag', uuid: SAG_UUIDS.kle },
          { __typename: 'Sag', uuid: SAG_UUIDS.synlig },
        ],
      },
      headers: restricted,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { uuid: SAG_UUIDS.kle, dokumenter: { totalCount: 0, nodes: [] } },
      { uuid: SAG_UUIDS.synlig, dokumenter: { totalCount: 1, nodes: [{ titel: 'synlig' }] } },
    ]);
  });

  it('answers 404 for the content of a denied document and the bytes of a permitted one', async () => {
    const denied = await fetch(`${server.origin}${filed.kle.indholdUrl}`, { headers: restricted });
    expect(denied.status).toBe(404);
    expect(await denied.json()).toMatchObject({
      errors: [{ extensions: { code: 'INDHOLD_NOT_FOUND' } }],
    });
    const allowed = await fetch(`${server.origin}${filed.synlig.indholdUrl}`, {
      headers: restricted,
    });
    expect(allowed.status).toBe(200);
    expect(Buffer.from(await allowed.arrayBuffer()).equals(filed.synlig.bytes)).toBe(true);
    const [latest] = await auditRecords();
    expect(latest).toMatchObject({
      operation: 'LAES',
      objekter: [filed.synlig.uuid],
      udfald: 'TILLADT',
    });
  });

  it('refuses an upload without dokument:skriv with 403 and stores nothing', async () => {
    const files = await readdir(server.contentDir);
    for (const headers of [restricted, await bearer({ sub: 'borger-karen', cpr: KAREN })]) {
      const response = await upload(Buffer.from('ikke tilladt'), headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'FORBIDDEN' } }],
      });
    }
    expect(await readdir(server.contentDir)).toEqual(files);
  });

  it("refuses to file a document outside the writer's groups, and on a case it cannot see", async () => {
    const writer = await bearer({
      sub: 'skriver',
      privilegier: [{ cvr: JAMMERBUGT, roller: ['dokument:skriv'], kle: ['02.*'] }],
    });
    const response = await upload(Buffer.from('nyt'), writer);
    const { indholdId } = (await response.json()) as { indholdId: string };
    const opret = (sag: string) =>
      server.query(OPRET, {
        headers: writer,
        variables: {
          input: {
            sag,
            titel: 'Nyt notat',
            brevdato: '2025-04-01',
            dokumenttype: 'Notat',
            varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'nyt.txt' }] }],
          },
        },
      });
    const before = (await store.search({ type: 'Dokument', at: now(), first: 100 })).totalCount;
    expect((await opret(SAG_UUIDS.kle)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await opret(SAG_UUIDS.kommune)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await opret(sagUuid(9))).body.errors?.[0]?.extensions?.code).toBe('SAG_NOT_FOUND');
    expect((await store.search({ type: 'Dokument', at: now(), first: 100 })).totalCount).toBe(
      before,
    );
    expect(await auditRecords()).toContainEqual(
      expect.objectContaining({ aktoer: 'skriver', operation: 'OPRET', udfald: 'AFVIST' }),
    );
    const { body } = await opret(SAG_UUIDS.synlig);
    expect(body.errors).toBeUndefined();
  });

  it('shows a citizen exactly the documents of the cases they are a party to', async () => {
    const karen = await bearer({ sub: 'borger-karen', cpr: KAREN });
    const { body } = await server.query(DOKUMENTER, { variables: { first: 100 }, headers: karen });
    expect(body.errors).toBeUndefined();
    const titler = (body.data?.dokumenter as { nodes: { titel: string }[] }).nodes.map(
      (n) => n.titel,
    );
    // 'Nyt notat' is the writer test's document on `synlig`, which Karen may see too.
    expect(titler.filter((t) => t !== 'Nyt notat').sort()).toEqual(['kle', 'synlig']);
    const entities = await server.query(ENTITIES, {
      variables: {
        representations: [
          { __typename: 'Dokument', uuid: filed.kle.uuid },
          { __typename: 'Dokument', uuid: filed.kommune.uuid },
        ],
      },
      headers: karen,
    });
    expect(entities.body.data?._entities).toEqual([{ uuid: filed.kle.uuid, titel: 'kle' }, null]);
  });

  it("answers null for an Adgangslog reference to another person's CPR, and a citizen's own log", async () => {
    const karen = await bearer({ sub: 'borger-karen', cpr: KAREN });
    const fra = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const til = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Adgangslog { cpr dokument { aktoer operation objekter cpr udfald soegekriterier } }
      }
    }`;
    const other = await server.query(query, {
      variables: { representations: [{ __typename: 'Adgangslog', cpr: EMMA, fra, til }] },
      headers: karen,
    });
    expect(other.body).toEqual({ data: { _entities: [null] } });
    const own = await server.query(query, {
      variables: { representations: [{ __typename: 'Adgangslog', cpr: KAREN, fra, til }] },
      headers: karen,
    });
    expect(own.body.errors).toBeUndefined();
    const [log] = own.body.data?._entities as {
      cpr: string;
      dokument: { aktoer: string; operation: string; cpr: string[]; soegekriterier: null }[];
    }[];
    expect(log?.cpr).toBe(KAREN);
    expect(log?.dokument).toContainEqual(
      expect.objectContaining({ aktoer: 'begraenset', operation: 'LAES', udfald: 'AFVIST' }),
    );
    // A citizen sees only their own CPR number and no search criteria.
    expect(log?.dokument.every((p) => p.cpr.join() === KAREN && p.soegekriterier === null)).toBe(
      true,
    );
  });

  it('files nothing when the access log cannot be written', async () => {
    const failing: AuditLog = {
      ...createEmbeddedAuditLog({ retentionMs: TEST_AUDIT_RETENTION_MS }),
      append: () => Promise.reject(new Error('disk full')),
    };
    const broken = await startTestServer(store, {
      auditLog: failing,
      sager: Object.fromEntries(SAG_NAMES.map((name) => [SAG_UUIDS[name], SAGER[name]])),
    });
    const count = async () => {
      const { body } = await server.query(DOKUMENTER, { headers: full });
      return (body.data?.dokumenter as { totalCount: number }).totalCount;
    };
    try {
      const before = await count();
      const bytes = Buffer.from('ikke logget');
      const uploaded = await fetch(`${broken.origin}/indhold`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-content-sha256': sha256(bytes), ...full },
        body: bytes,
      });
      expect(uploaded.status).toBe(201);
      const { indholdId } = (await uploaded.json()) as { indholdId: string };
      const { body } = await broken.query(OPRET, {
        headers: full,
        variables: {
          input: {
            sag: SAG_UUIDS.synlig,
            titel: 'Ikke logget',
            brevdato: '2025-03-02',
            dokumenttype: 'Notat',
            varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'x.txt' }] }],
          },
        },
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(await count()).toBe(before);
    } finally {
      await broken.stop();
    }
  });

  it('returns no data when the access log cannot be written', async () => {
    const failing: AuditLog = {
      ...createEmbeddedAuditLog({ retentionMs: TEST_AUDIT_RETENTION_MS }),
      append: () => Promise.reject(new Error('disk full')),
    };
    const broken = await startTestServer(store, {
      auditLog: failing,
      sagLookup: createStaticSagLookup({}),
    });
    try {
      const list = await broken.query(DOKUMENTER, { headers: restricted });
      expect(list.body.data).toEqual({ dokumenter: null });
      expect(list.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      const entity = await broken.query(ENTITIES, {
        variables: { representations: [{ __typename: 'Dokument', uuid: filed.synlig.uuid }] },
        headers: restricted,
      });
      expect(entity.body.data?._entities).toEqual([null]);
      expect(entity.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      const content = await fetch(`${broken.origin}${filed.synlig.indholdUrl}`, {
        headers: restricted,
      });
      expect(content.status).toBe(503);
      expect(await content.text()).not.toContain('indhold af');
    } finally {
      await broken.stop();
    }
  });
});

function now() {
  const at = new Date();
  return { virkningstid: at, registreringstid: at };
}
