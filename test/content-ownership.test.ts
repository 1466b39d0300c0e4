import { createHash } from 'node:crypto';
import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import type { DokumentData } from '../subgraphs/dokument/dokument/dokument-data';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { startGraph, type StartedGraph } from './start-graph';

jest.setTimeout(120_000);

/** Jammerbugt's case 1 is a building permit; case 3 a child welfare case (FOELSOM). */
const sag = (n: number): string => getSeedSagUuid('0849', n);

const OPRET = `mutation ($input: OpretDokumentInput!) {
  opretDokument(input: $input) { uuid varianter { dele { indholdUrl } } }
}`;

describe('content is its uploader’s until it is filed', () => {
  let graph: StartedGraph;
  let base: string;
  beforeAll(async () => {
    graph = await startGraph();
    base = graph.url.replace(/\/graphql$/, '');
  });
  afterAll(() => graph.stop());

  const upload = async (token: string, text: string): Promise<string> => {
    const body = Buffer.from(text, 'utf8');
    const response = await fetch(`${base}/indhold`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/plain',
        'x-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
      body,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { indholdId: string }).indholdId;
  };
  const file = (token: string, indholdId: string) =>
    graph.query(OPRET, {
      token,
      variables: {
        input: {
          sag: sag(1),
          titel: 'Bilag',
          brevdato: '2026-11-20',
          dokumenttype: 'Bilag',
          varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'bilag.txt' }] }],
        },
      },
    });
  /** The documents that hold a content, whoever may read them. */
  const holders = async (indholdId: string): Promise<string[]> => {
    const now = new Date();
    const page = await graph.stores.dokument.store.search<DokumentData>({
      type: 'Dokument',
      at: { virkningstid: now, registreringstid: now },
      filter: { 'varianter.dele.indholdId': { eq: indholdId } },
      first: 10,
    });
    return page.items.map((item) => item.uuid);
  };

  it("refuses another caller the FOELSOM file's content id, so the file is never served to them", async () => {
    // The id of a child welfare file, as an attacker might have read it in a log.
    const now = new Date();
    const found = await graph.stores.dokument.store.search<DokumentData>({
      type: 'Dokument',
      at: { virkningstid: now, registreringstid: now },
      filter: { sag: { eq: sag(3) }, foelsomhed: { eq: 'FOELSOM' } },
      first: 1,
    });
    const foelsom = found.items[0];
    const indholdId = foelsom?.data.varianter[0]?.dele[0]?.indholdId ?? '';
    expect(indholdId).not.toBe('');

    // Mette may file documents on case 1 (02.*, Teknik og Miljø), but not read case 3.
    const mette = await graph.sign(getDevProfileClaims('sagsbehandler'));
    const refused = await file(mette, indholdId);
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.varianter[0].dele[0].indholdId',
    });
    // Nothing was filed: the file is held by its own document only, and served by no other.
    expect(await holders(indholdId)).toEqual([foelsom?.uuid]);

    // Her own upload she does attach, and download: the refusal above was the content's owner.
    const own = await upload(mette, 'Mettes eget bilag');
    const filed = await file(mette, own);
    expect(filed.body.errors).toBeUndefined();
    const { varianter } = filed.body.data?.opretDokument as {
      varianter: { dele: { indholdUrl: string }[] }[];
    };
    const download = await fetch(`${base}${varianter[0]?.dele[0]?.indholdUrl ?? ''}`, {
      headers: { authorization: `Bearer ${mette}` },
    });
    expect(await download.text()).toBe('Mettes eget bilag');
  });

  it('refuses content uploaded by someone else with the very same rights', async () => {
    const claims = getDevProfileClaims('sagsbehandler');
    const mette = await graph.sign(claims);
    const colleague = await graph.sign({ ...claims, sub: 'kollega-med-samme-rettigheder' });
    const fresh = await upload(mette, 'Endnu ikke journaliseret');
    const refused = await file(colleague, fresh);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await holders(fresh)).toEqual([]);
    // Content ids are not in the logs at info level: neither uploaded id appears.
    expect(graph.logLines.join('\n')).not.toContain(fresh);
  });
});
