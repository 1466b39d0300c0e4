import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countStoreCalls, type CountedStore } from '../../../test/count-store-calls';
import type { PointInTime } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { startTestServer, type TestServer } from '../testing/start-test-server';
import { importKle } from './import-kle';
import { KLE_FACETTER, KLE_KLASSIFIKATION } from './kle-klassifikation';
import { STORE_TYPES, type KlasseData } from './klassifikation-data';
import { InvalidKleFileError } from './parse-kle-csv';
import { findKleNummer, type KleNiveau } from './parse-kle-nummer';

// The reference file lives beside the repository, as in CI (../shared/data from the repo root).
const KLE_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'kle',
  'kle-emneplan.csv',
);
const HEADER = 'UUID,EmneNr,EmneTitel\r\n';

const FIRST_IMPORT = new Date('2024-01-10T08:00:00.000Z');
const BETWEEN_IMPORTS = '2024-06-01T00:00:00Z';
const SECOND_IMPORT = new Date('2025-01-10T08:00:00.000Z');
const NOW: PointInTime = { virkningstid: new Date(), registreringstid: new Date() };

const UUID_02 = 'ff756ae7-65b3-4946-b94b-cc75ce771f62';
const UUID_02_34 = '31697a9d-8321-42d8-ac0a-04b8ef356f8d';
const UUID_02_34_02 = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const UUID_G = 'b7c7784d-397a-4044-bd10-8715b871bdc0';
const UUID_G01 = '5ab851ea-f083-4ceb-9136-ec4a93f3a0e5';

async function findAllKlasser(counted: CountedStore, at: PointInTime = NOW) {
  const page = await counted.store.search<KlasseData>({
    type: STORE_TYPES.klasse,
    at,
    first: 10_000,
  });
  return page.items;
}

describe("importKle with KL's whole KLE file", () => {
  const csv = readFileSync(KLE_FILE, 'utf8');
  let counted: CountedStore;

  beforeAll(async () => {
    counted = countStoreCalls(createEmbeddedStore());
    const result = await importKle(counted.store, csv, {
      aktoer: 'test',
      now: () => FIRST_IMPORT,
    });
    expect(result).toEqual({ created: 2933, changed: 0, unchanged: 0 });
  });

  it('creates every row, with the number of classes per level KLE has', async () => {
    const klasser = await findAllKlasser(counted);
    const perNiveau: Partial<Record<KleNiveau, number>> = {};
    for (const { data } of klasser) {
      if (data.niveau) perNiveau[data.niveau] = (perNiveau[data.niveau] ?? 0) + 1;
    }
    expect(perNiveau).toEqual({
      HOVEDGRUPPE: 36,
      GRUPPE: 488,
      EMNE: 2333,
      FACETGRUPPE: 7,
      HANDLINGSFACET: 69,
    });
  });

  it('links each class to its parent by number and puts it in its facet', async () => {
    const [klasse, gruppe, hovedgruppe, facet, facetgruppe] =
      await counted.store.findByIds<KlasseData>(
        STORE_TYPES.klasse,
        [UUID_02_34_02, UUID_02_34, UUID_02, UUID_G01, UUID_G],
        NOW,
      );
    expect(klasse?.data).toEqual({
      brugervendtNoegle: '02.34.02',
      titel: 'Byggetilladelse',
      beskrivelse: null,
      niveau: 'EMNE',
      facet: KLE_FACETTER.Emne.uuid,
      overklasse: UUID_02_34,
    });
    expect(gruppe?.data.overklasse).toBe(UUID_02);
    expect(hovedgruppe?.data.overklasse).toBeNull();
    expect(facet?.data).toMatchObject({
      brugervendtNoegle: 'G01',
      titel: 'Generelle sager',
      facet: KLE_FACETTER.Handlingsfacet.uuid,
      overklasse: UUID_G,
    });
    expect(facetgruppe?.data.overklasse).toBeNull();
  });

  it('gives every class below the top a parent that exists, one level up', async () => {
    const klasser = await findAllKlasser(counted);
    const byUuid = new Map(klasser.map((k) => [k.uuid, k.data]));
    for (const { data } of klasser) {
      if (data.niveau === 'HOVEDGRUPPE' || data.niveau === 'FACETGRUPPE') {
        expect(data.overklasse).toBeNull();
        continue;
      }
      const parent = byUuid.get(data.overklasse ?? '');
      expect(parent?.brugervendtNoegle).toBe(findKleNummer(data.brugervendtNoegle)?.overklasse);
    }
  });

  it('creates the KLE classification and its two facets', async () => {
    const [kle] = await counted.store.findByIds(
      STORE_TYPES.klassifikation,
      [KLE_KLASSIFIKATION.uuid],
      NOW,
    );
    const facetter = await counted.store.findByIds(
      STORE_TYPES.facet,
      [KLE_FACETTER.Emne.uuid, KLE_FACETTER.Handlingsfacet.uuid],
      NOW,
    );
    expect(kle?.data).toMatchObject({ brugervendtNoegle: 'KLE' });
    expect(facetter.map((f) => f?.data.brugervendtNoegle)).toEqual(['Emne', 'Handlingsfacet']);
  });

  it('appends nothing when the same file is imported again', async () => {
    counted.reset();
    const result = await importKle(counted.store, csv, {
      aktoer: 'test',
      now: () => SECOND_IMPORT,
    });
    expect(result).toEqual({ created: 0, changed: 0, unchanged: 2933 });
    expect(counted.calls.append).toBe(0);
    expect(await counted.store.findHistory(STORE_TYPES.klasse, UUID_02_34_02)).toHaveLength(1);
  });

  it('registers the first import as IMPORTERET by the given actor', async () => {
    const [registrering] = await counted.store.findHistory(STORE_TYPES.klasse, UUID_G01);
    expect(registrering).toMatchObject({
      nr: 1,
      fra: FIRST_IMPORT,
      til: null,
      livscyklus: 'IMPORTERET',
      aktoer: 'test',
    });
  });
});

describe('importKle with a changed title', () => {
  const csv = readFileSync(KLE_FILE, 'utf8');
  const changed = csv.replace(
    '02.34.02,02.34.02 - Byggetilladelse\r\n',
    '02.34.02,02.34.02 - Byggetilladelse (ny titel)\r\n',
  );
  let counted: CountedStore;
  let server: TestServer;

  beforeAll(async () => {
    counted = countStoreCalls(createEmbeddedStore());
    await importKle(counted.store, csv, { aktoer: 'test', now: () => FIRST_IMPORT });
    counted.reset();
    const result = await importKle(counted.store, changed, {
      aktoer: 'kl-opdatering',
      now: () => SECOND_IMPORT,
    });
    expect(result).toEqual({ created: 0, changed: 1, unchanged: 2932 });
    server = await startTestServer(counted.store);
  });
  afterAll(() => server.stop());

  it('appends exactly one registration, RETTET, to that class', async () => {
    expect(changed).not.toBe(csv);
    expect(counted.calls.append).toBe(1);
    const history = await counted.store.findHistory(STORE_TYPES.klasse, UUID_02_34_02);
    expect(history.map((r) => [r.nr, r.livscyklus, r.aktoer])).toEqual([
      [1, 'IMPORTERET', 'test'],
      [2, 'RETTET', 'kl-opdatering'],
    ]);
    expect(history[0]?.til).toEqual(SECOND_IMPORT);
  });

  const TITEL = `{ kle(nummer: "02.34.02") { titel registreringer { version livscyklus til } } }`;

  it('shows the new title now', async () => {
    const { data } = await server.query(TITEL);
    expect(data).toEqual({
      kle: {
        titel: 'Byggetilladelse (ny titel)',
        registreringer: [
          { version: 1, livscyklus: 'IMPORTERET', til: SECOND_IMPORT.toISOString() },
          { version: 2, livscyklus: 'RETTET', til: null },
        ],
      },
    });
  });

  it('shows the old title at a Virkningstid before the change took effect', async () => {
    const { data } = await server.query(TITEL, { headers: { Virkningstid: BETWEEN_IMPORTS } });
    expect(data).toMatchObject({ kle: { titel: 'Byggetilladelse' } });
  });

  it('shows the old title, and only the first registration, at an earlier Registreringstid', async () => {
    const { data } = await server.query(TITEL, { headers: { Registreringstid: BETWEEN_IMPORTS } });
    expect(data).toEqual({
      kle: {
        titel: 'Byggetilladelse',
        registreringer: [{ version: 1, livscyklus: 'IMPORTERET', til: null }],
      },
    });
  });
});

describe('importKle on a small file', () => {
  const ROWS = [
    'ff756ae7-65b3-4946-b94b-cc75ce771f62,02,02 - Byggeri',
    '31697a9d-8321-42d8-ac0a-04b8ef356f8d,02.34,02.34 - Byggetilladelse og anmeldelse om byggearbejde',
    'e9073dc0-8967-4a20-a1be-bfd999a1c138,02.34.02,02.34.02 - Byggetilladelse',
  ];
  const file = (rows: string[]): string => HEADER + rows.map((r) => `${r}\r\n`).join('');

  it('writes parents before children whatever the order of the rows', async () => {
    const counted = countStoreCalls(createEmbeddedStore());
    const appended: string[] = [];
    const store = {
      ...counted.store,
      append: async (...args: Parameters<typeof counted.store.append>) => {
        appended.push(args[0].uuid);
        return counted.store.append(...args);
      },
    };
    await importKle(store, file([...ROWS].reverse()), { aktoer: 'test' });
    expect(appended.slice(-3)).toEqual([UUID_02, UUID_02_34, UUID_02_34_02]);
  });

  it('accepts a file of new rows below classes imported before', async () => {
    const store = createEmbeddedStore();
    await importKle(store, file(ROWS.slice(0, 2)), { aktoer: 'test' });
    expect(await importKle(store, file(ROWS.slice(2)), { aktoer: 'test' })).toEqual({
      created: 1,
      changed: 0,
      unchanged: 0,
    });
  });

  it('rejects a row whose parent is neither in the file nor stored, writing nothing', async () => {
    const counted = countStoreCalls(createEmbeddedStore());
    await expect(
      importKle(counted.store, file([ROWS[0] ?? '', ROWS[2] ?? '']), { aktoer: 'test' }),
    ).rejects.toThrow('line 3: 02.34.02 needs its parent 02.34');
    expect(counted.calls.append).toBe(0);
  });

  it('rejects a number whose UUID differs from the stored one', async () => {
    const store = createEmbeddedStore();
    await importKle(store, file(ROWS), { aktoer: 'test' });
    const renamed = ROWS[2]?.replace(UUID_02_34_02, '00000000-0000-4000-8000-000000000001') ?? '';
    const attempt = importKle(store, file([...ROWS.slice(0, 2), renamed]), { aktoer: 'test' });
    await expect(attempt).rejects.toThrow(InvalidKleFileError);
    await expect(attempt).rejects.toThrow(
      `line 4: 02.34.02 is stored with UUID ${UUID_02_34_02}, not 00000000-0000-4000-8000-000000000001`,
    );
  });

  it('rejects a UUID that the store knows under another number', async () => {
    const store = createEmbeddedStore();
    await importKle(store, file(ROWS), { aktoer: 'test' });
    const moved = `${UUID_02_34_02},02.34.03,02.34.03 - Noget andet`;
    await expect(
      importKle(store, file([...ROWS.slice(0, 2), moved]), { aktoer: 'test' }),
    ).rejects.toThrow(`UUID ${UUID_02_34_02} is 02.34.02 in the store, not 02.34.03`);
  });
});
