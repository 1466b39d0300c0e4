import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PointInTime } from './bitemporal-store';
import { createEmbeddedStore } from './embedded-store';
import { describeStoreContract } from './store-contract';

const d = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kommunegraf-store-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeStoreContract('embedded adapter', async () => createEmbeddedStore());

describeStoreContract('embedded adapter with equality indexes', async () =>
  createEmbeddedStore({
    indexes: ['navn', 'nummer', 'aktiv', 'kle.klasse', 'kle.aspekt', 'tags', 'gruppe'],
  }),
);

describeStoreContract('embedded adapter with a journal file', async () =>
  createEmbeddedStore({ journalFile: join(dir, 'contract', 'store.jsonl') }),
);

describe('embedded adapter journal', () => {
  it('acknowledges concurrent changes sharing fsyncs, each one in the journal when it resolves', async () => {
    const journalFile = join(dir, 'group-commit', 'store.jsonl');
    const store = createEmbeddedStore({ journalFile });
    const uuids = Array.from({ length: 40 }, () => randomUUID());
    const journalled = await Promise.all(
      uuids.map(async (uuid) => {
        await store.append({
          type: 'Sag',
          uuid,
          expectedVersion: 0,
          livscyklus: 'OPSTAAET',
          aktoer: 'import',
          virkninger: [{ fra: d('2020-01-01'), til: null, data: { titel: uuid } }],
        });
        // Read at the moment it resolved: the line is in the file by then.
        return readFileSync(journalFile, 'utf8').includes(uuid);
      }),
    );
    expect(journalled.every(Boolean)).toBe(true);
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    const reopened = createEmbeddedStore({ journalFile });
    const found = await reopened.findByIds('Sag', uuids, {
      virkningstid: new Date(),
      registreringstid: new Date(),
    });
    expect(found.every((object) => object !== null)).toBe(true);
    await reopened.close();
  });

  it('replays every registration after reopening', async () => {
    const journalFile = join(dir, 'replay', 'store.jsonl');
    const uuid = randomUUID();
    const now = (): PointInTime => ({ virkningstid: new Date(), registreringstid: new Date() });
    const first = createEmbeddedStore({ journalFile });
    await first.append({
      type: 'Sag',
      uuid,
      expectedVersion: 0,
      livscyklus: 'OPSTAAET',
      aktoer: 'import',
      virkninger: [{ fra: d('2020-01-01'), til: null, data: { titel: 'Byggetilladelse' } }],
      sortKey: 'S-1',
      tid: d('2021-01-01'),
    });
    await first.append({
      type: 'Sag',
      uuid,
      expectedVersion: 1,
      livscyklus: 'RETTET',
      aktoer: 'bruger',
      note: 'ny titel',
      virkninger: [
        { fra: d('2020-01-01'), til: d('2024-01-01'), data: { titel: 'Byggetilladelse' } },
        { fra: d('2024-01-01'), til: null, data: { titel: 'Byggetilladelse, tilbygning' } },
      ],
      tid: d('2022-01-01'),
    });
    const history = await first.findHistory('Sag', uuid);
    await first.close();

    const reopened = createEmbeddedStore({ journalFile });

    await expect(reopened.findHistory('Sag', uuid)).resolves.toEqual(history);
    await expect(reopened.findByIds('Sag', [uuid], now())).resolves.toEqual([
      { uuid, version: 2, data: { titel: 'Byggetilladelse, tilbygning' } },
    ]);
    await expect(
      reopened.findByIds('Sag', [uuid], {
        virkningstid: d('2025-01-01'),
        registreringstid: d('2021-06-01'),
      }),
    ).resolves.toEqual([{ uuid, version: 1, data: { titel: 'Byggetilladelse' } }]);
    const page = await reopened.search({ type: 'Sag', at: now(), first: 10 });
    expect(page.items.map((item) => item.uuid)).toEqual([uuid]);
    await expect(
      reopened.append({
        type: 'Sag',
        uuid,
        expectedVersion: 2,
        livscyklus: 'SLETTET',
        aktoer: 'bruger',
        virkninger: [],
      }),
    ).resolves.toMatchObject({ version: 3 });
    await reopened.close();

    const third = createEmbeddedStore({ journalFile });
    await expect(third.findByIds('Sag', [uuid], now())).resolves.toEqual([null]);
    await expect(third.findHistory('Sag', uuid)).resolves.toHaveLength(3);
    await third.close();
  });

  it('continues a sequence after reopening', async () => {
    const journalFile = join(dir, 'sequence', 'store.jsonl');
    const first = createEmbeddedStore({ journalFile });
    await first.nextSequence('sagsnummer:0849:2026');
    await first.nextSequence('sagsnummer:0849:2026');
    await first.close();
    const reopened = createEmbeddedStore({ journalFile });
    await expect(reopened.nextSequence('sagsnummer:0849:2026')).resolves.toBe(3);
    await reopened.close();
  });

  it('drops a half-written last line left by a crash, and appends after it cleanly', async () => {
    const journalFile = join(dir, 'crash', 'store.jsonl');
    const first = createEmbeddedStore({ journalFile });
    await first.nextSequence('n');
    await first.close();
    appendFileSync(journalFile, '{"sequence":"n","va');
    const reopened = createEmbeddedStore({ journalFile });
    await expect(reopened.nextSequence('n')).resolves.toBe(2);
    await reopened.close();
    const third = createEmbeddedStore({ journalFile });
    await expect(third.nextSequence('n')).resolves.toBe(3);
    await third.close();
  });

  it('refuses to open a journal that is corrupt before its last line', async () => {
    const journalFile = join(dir, 'corrupt', 'store.jsonl');
    const first = createEmbeddedStore({ journalFile });
    await first.nextSequence('n');
    await first.close();
    writeFileSync(journalFile, `garbage\n${readFileSync(journalFile, 'utf8')}`);
    expect(() => createEmbeddedStore({ journalFile })).toThrow(/corrupt at line 1/);
  });
});
