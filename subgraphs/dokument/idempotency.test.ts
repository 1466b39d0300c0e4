import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../kit/auth/testing/full-access-claims';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { getTestSagAdgang, startTestServer, type TestServer } from './testing/start-test-server';

const SAG = '6f1b8a2f-0d11-4d1a-9a53-c3c1c6a46f0e';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const OPRET = `mutation ($input: OpretDokumentInput!) {
  opretDokument(input: $input) { uuid titel varianter { dele { uuid indholdUrl } } }
}`;
const COUNT = '{ dokumenter(first: 1) { totalCount } }';

/** Every file below the content directory, however the store lays them out. */
async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    count += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  }
  return count;
}

describe('dokument writes sent again with the same Idempotency-Key', () => {
  let server: TestServer;
  let auth: { authorization: string };
  beforeAll(async () => {
    auth = { authorization: `Bearer ${await (await getTestIssuer()).sign(getFullAccessClaims())}` };
    server = await startTestServer(createEmbeddedStore(), {
      sager: { [SAG]: getTestSagAdgang() },
    });
  });
  afterAll(() => server.stop());

  const upload = async (bytes: Buffer, key: string | null) => {
    const response = await fetch(`${server.origin}/indhold`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/pdf',
        'x-content-sha256': sha256(bytes),
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const count = async (): Promise<number> =>
    ((await server.query(COUNT)).body.data?.dokumenter as { totalCount: number }).totalCount;

  it('stores an upload once and answers the retry with the same content id', async () => {
    const bytes = randomBytes(10_000);
    const first = await upload(bytes, 'upload-1');
    expect(first.status).toBe(201);
    const files = await countFiles(server.contentDir);
    const again = await upload(bytes, 'upload-1');
    expect(again).toEqual(first);
    expect(await countFiles(server.contentDir)).toBe(files);

    const other = await upload(randomBytes(100), 'upload-1');
    expect(other.status).toBe(422);
    expect((other.body.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await countFiles(server.contentDir)).toBe(files);
    // Without a key the same file is stored again: the control.
    expect((await upload(bytes, null)).body.indholdId).not.toBe(first.body.indholdId);
  });

  it('files one document for two opretDokument with one key, and refuses another input with it', async () => {
    const uploaded = await upload(randomBytes(1000), null);
    const input = (titel: string) => ({
      sag: SAG,
      titel,
      brevdato: '2025-03-01',
      dokumenttype: 'Ansøgning',
      varianter: [
        { varianttekst: 'original', dele: [{ indholdId: uploaded.body.indholdId, navn: 'a.pdf' }] },
      ],
    });
    const before = await count();
    const headers = { 'idempotency-key': 'dokument-1' };
    const first = await server.query(OPRET, { variables: { input: input('Ansøgning') }, headers });
    const again = await server.query(OPRET, { variables: { input: input('Ansøgning') }, headers });
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const reused = await server.query(OPRET, { variables: { input: input('Andet') }, headers });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count()).toBe(before + 1);
  });
});
