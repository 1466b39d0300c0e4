import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentStore } from '../../kit/content/content-store';
import { createDiskContentStore } from '../../kit/content/create-disk-content-store';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import type { DokumentData } from '../dokument/dokument-data';
import { getSeedDokumentUuid, getSeedSagUuid, seedDokument } from './seed-dokument';

const NOW = () => ({ virkningstid: new Date(), registreringstid: new Date() });
const TOTAL = 5 * (3 + 2 + 3 + 3 + 3 + 2);

describe('seedDokument', () => {
  let dir: string;
  let contentStore: ContentStore;
  let store: BitemporalStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-dokument-test-'));
    contentStore = await createDiskContentStore({ dir });
    store = createEmbeddedStore();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives every case of the sag seed 2–3 documents, each with one stored file', async () => {
    expect(await seedDokument(store, contentStore)).toEqual({ created: TOTAL, existing: 0 });
    const all = await store.search<DokumentData>({ type: 'Dokument', at: NOW(), first: 1000 });
    expect(all.totalCount).toBe(TOTAL);
    const perSag = new Map<string, number>();
    for (const item of all.items) perSag.set(item.data.sag, (perSag.get(item.data.sag) ?? 0) + 1);
    expect(perSag.size).toBe(30);
    expect([...perSag.values()].every((count) => count >= 2 && count <= 3)).toBe(true);
    // One content file and one sidecar per document.
    expect(await readdir(dir)).toHaveLength(TOTAL * 2);
    const brevdatoer = all.items.map((item) => item.data.brevdato).sort();
    expect(brevdatoer[0]?.startsWith('2025-')).toBe(true);
    expect(brevdatoer[brevdatoer.length - 1]?.startsWith('2026-')).toBe(true);
  });

  it('marks the documents of the child welfare case (case 3) FOELSOM, and only those', async () => {
    await seedDokument(store, contentStore);
    const all = await store.search<DokumentData>({
      type: 'Dokument',
      at: NOW(),
      filter: { foelsomhed: { eq: 'FOELSOM' } },
      first: 1000,
    });
    expect(new Set(all.items.map((item) => item.data.sag))).toEqual(
      new Set(['0849', '0810', '0860', '0813', '0825'].map((k) => getSeedSagUuid(k, 3))),
    );
  });

  it('appends nothing and writes no file when run again', async () => {
    await seedDokument(store, contentStore);
    const files = await readdir(dir);
    expect(await seedDokument(store, contentStore)).toEqual({ created: 0, existing: TOTAL });
    expect(await readdir(dir)).toEqual(files);
  });

  it('uses the same uuids in every run, after the sag seed', async () => {
    expect(getSeedSagUuid('0849', 1)).toBe(getSeedSagUuid('0849', 1));
    await seedDokument(store, contentStore);
    const [first] = await store.findByIds<DokumentData>(
      'Dokument',
      [getSeedDokumentUuid('0849', 1, 1)],
      NOW(),
    );
    expect(first?.data).toMatchObject({
      sag: getSeedSagUuid('0849', 1),
      titel: 'Ansøgning om byggetilladelse – tilbygning',
      brevdato: '2025-01-13',
      varianter: [
        {
          varianttekst: 'original',
          dele: [{ navn: 'Ansøgning om byggetilladelse.pdf', mimetype: 'application/pdf' }],
        },
      ],
    });
  });
});
