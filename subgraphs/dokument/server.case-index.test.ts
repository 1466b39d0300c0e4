import { createHash } from 'node:crypto';
import type { AccessAttributes } from '../kit/auth/row-access';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { SagLookupError } from './sag-lookup/create-http-sag-lookup';
import { createStaticSagLookup } from './sag-lookup/create-static-sag-lookup';
import type { SagLookup } from './sag-lookup/sag-lookup';
import { getTestSagAdgang, startTestServer, type TestServer } from './testing/start-test-server';

const sagUuid = (n: number): string => `0000000${n}-0000-4000-8000-00000000000b`;
const CASES = 3;

const INTEGRATOR = {
  sub: 'integrator',
  privilegier: [
    { cvr: '29189625', roller: ['dokument:laes', 'sag:laes'], foelsomhed: 'IKKE_FORTROLIG' },
  ],
};

const SAGER_DOKUMENTER = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Sag { uuid dokumenter { totalCount } } }
}`;

describe('documents decided by the case index at every request', () => {
  const sager: Record<string, AccessAttributes> = {};
  const index = createStaticSagLookup(sager);
  let down = false;
  // The static index, switched off on demand as the HTTP adapter answers for an unreachable sag.
  const lookup: SagLookup = {
    findSager: (uuids, token) =>
      down ? Promise.reject(new SagLookupError()) : index.findSager(uuids, token),
    findMineSager: (cpr, token) =>
      down ? Promise.reject(new SagLookupError()) : index.findMineSager(cpr, token),
  };
  let server: TestServer;
  let integrator: Record<string, string>;
  const indholdUrls: string[] = [];

  beforeAll(async () => {
    for (let n = 1; n <= CASES; n += 1) sager[sagUuid(n)] = getTestSagAdgang();
    server = await startTestServer(createEmbeddedStore(), { sagLookup: lookup });
    integrator = { authorization: `Bearer ${await (await getTestIssuer()).sign(INTEGRATOR)}` };
    const issuer = await getTestIssuer();
    const writer = `Bearer ${await issuer.sign({
      sub: 'skriver',
      privilegier: [{ cvr: '29189625', roller: ['dokument:skriv'] }],
    })}`;
    for (let n = 1; n <= CASES; n += 1) {
      const bytes = Buffer.from(`bilag ${n}`);
      const upload = await fetch(`${server.origin}/indhold`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'x-content-sha256': createHash('sha256').update(bytes).digest('hex'),
          authorization: writer,
        },
        body: bytes,
      });
      const { indholdId } = (await upload.json()) as { indholdId: string };
      const { body } = await server.query(
        `mutation ($input: OpretDokumentInput!) { opretDokument(input: $input) { varianter { dele { indholdUrl } } } }`,
        {
          headers: {
            authorization: writer,
          },
          variables: {
            input: {
              sag: sagUuid(n),
              titel: `Bilag ${n}`,
              brevdato: '2026-03-01',
              dokumenttype: 'Bilag',
              varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'bilag.txt' }] }],
            },
          },
        },
      );
      expect(body.errors).toBeUndefined();
      const created = body.data?.opretDokument as {
        varianter: { dele: { indholdUrl: string }[] }[];
      };
      indholdUrls.push(created.varianter[0]?.dele[0]?.indholdUrl ?? '');
    }
  });
  afterAll(() => server.stop());

  const counts = async () => {
    const { body } = await server.query(SAGER_DOKUMENTER, {
      headers: integrator,
      variables: {
        representations: Object.keys(sager).map((uuid) => ({ __typename: 'Sag', uuid })),
      },
    });
    return body;
  };

  it("asks the case index once for a batch of cases' documents, and sees a change at once", async () => {
    index.calls = 0;
    const before = await counts();
    expect(before.data?._entities).toEqual(
      Object.keys(sager).map((uuid) => ({ uuid, dokumenter: { totalCount: 1 } })),
    );
    expect(index.calls).toBe(1);

    sager[sagUuid(2)] = getTestSagAdgang({ foelsomhed: 'FORTROLIG' });
    const after = await counts();
    expect(after.data?._entities).toEqual(
      Object.keys(sager).map((uuid) => ({
        uuid,
        dokumenter: { totalCount: uuid === sagUuid(2) ? 0 : 1 },
      })),
    );
    const hidden = await fetch(`${server.origin}${indholdUrls[1] ?? ''}`, { headers: integrator });
    expect(hidden.status).toBe(404);
    const shown = await fetch(`${server.origin}${indholdUrls[0] ?? ''}`, { headers: integrator });
    expect(await shown.text()).toBe('bilag 1');
  });

  it('shows nothing when the case index cannot be asked', async () => {
    down = true;
    try {
      const list = await server.query('{ dokumenter { totalCount nodes { uuid } } }', {
        headers: integrator,
      });
      expect(list.body.data?.dokumenter ?? null).toBeNull();
      expect(list.body.errors?.[0]?.extensions?.code).toBe('SAG_LOOKUP_FAILED');
      const batch = await counts();
      expect(JSON.stringify(batch.data ?? null)).not.toContain('totalCount');
      expect(batch.errors?.[0]?.extensions?.code).toBe('SAG_LOOKUP_FAILED');
      const download = await fetch(`${server.origin}${indholdUrls[0] ?? ''}`, {
        headers: integrator,
      });
      expect(download.status).toBe(503);
      expect(await download.text()).not.toContain('bilag');
    } finally {
      down = false;
    }
  });
});
