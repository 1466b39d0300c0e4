import { randomUUID } from 'node:crypto';
import { BadUserInputError, VersionConflictError } from '../domain-error';
import type {
  AppendInput,
  BitemporalStore,
  Data,
  Filter,
  Page,
  PointInTime,
  SearchQuery,
  Virkning,
} from './bitemporal-store';
import { patchTimeline } from './virkning';

const d = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);

/**
 * A registreringstid after every append a test has made: an append in the same millisecond as the
 * previous one is registered a millisecond later (time never runs backwards), so reading at the
 * exact moment of the call could still see the older registration.
 */
const latest = (): Date => new Date(Date.now() + 60_000);

/** A point on both axes; registreringstid defaults to `latest()`. */
function pointAt(virkningstid: Date | string, registreringstid: Date | string = latest()) {
  return {
    virkningstid: typeof virkningstid === 'string' ? d(virkningstid) : virkningstid,
    registreringstid: typeof registreringstid === 'string' ? d(registreringstid) : registreringstid,
  } satisfies PointInTime;
}

/** Valid now, as registered after every append so far. */
const now = (): PointInTime => pointAt(new Date());

/** Each test works on its own type, so tests sharing one store (or database) never meet. */
const newType = (): string => `Kontrakt_${randomUUID().replace(/-/g, '')}`;

/** Lets a test send what a hostile client could, past the compile-time types. */
const untyped = <T>(value: unknown): T => value as T;

const sortedByKey = <E extends { sortKey: string; uuid: string }>(entries: E[]): E[] =>
  [...entries].sort((a, b) =>
    a.sortKey !== b.sortKey ? (a.sortKey < b.sortKey ? -1 : 1) : a.uuid < b.uuid ? -1 : 1,
  );

type ContractTestBody = Parameters<typeof test>[1];

/** `test`, but a test named in `differences` is skipped and says why in its name. */
function createContractTest(differences: Readonly<Record<string, string>>): typeof test {
  const run = (name: string, body?: ContractTestBody, timeout?: number): void => {
    const reason = differences[name];
    if (reason === undefined) test(name, body, timeout);
    else test.skip(`${name} (not checked here: ${reason})`, body ?? (() => undefined));
  };
  // each, skip, todo and the rest are jest's own.
  return Object.assign(run, test) as typeof test;
}

export interface StoreContractOptions {
  /**
   * Tests (by name) that cannot be checked on this stand-in, with the reason: only for a stand-in
   * whose own semantics differ from the real service's, never for an adapter.
   */
  knownDifferences?: Readonly<Record<string, string>>;
}

/**
 * The behaviour every `BitemporalStore` adapter must have. `openStore` is called once; each test
 * uses fresh type names and uuids, so the store may be shared with other suites.
 */
export function describeStoreContract(
  name: string,
  openStore: () => Promise<BitemporalStore>,
  options: StoreContractOptions = {},
): void {
  const it = createContractTest(options.knownDifferences ?? {});
  describe(name, () => {
    let store: BitemporalStore;

    beforeAll(async () => {
      store = await openStore();
    });

    afterAll(async () => {
      if (store) await store.close();
    });

    async function create<T extends Data>(
      type: string,
      data: T,
      extra: Partial<AppendInput<T>> = {},
    ): Promise<string> {
      const uuid = extra.uuid ?? randomUUID();
      await store.append<T>({
        type,
        uuid,
        expectedVersion: 0,
        livscyklus: 'OPSTAAET',
        aktoer: 'kontrakt',
        virkninger: [{ fra: d('2000-01-01'), til: null, data }],
        ...extra,
      });
      return uuid;
    }

    async function readNow<T extends Data>(type: string, uuid: string): Promise<T | undefined> {
      const [found] = await store.findByIds<T>(type, [uuid], now());
      return found?.data;
    }

    /** Every page of a query, following `endCursor` until `hasNextPage` is false. */
    async function allPages(query: Omit<SearchQuery, 'after'>): Promise<Page[]> {
      const pages: Page[] = [];
      let after: string | null = null;
      do {
        const page: Page = await store.search({ ...query, after });
        pages.push(page);
        after = page.endCursor;
        if (pages.length > 50) throw new Error('pagination does not end');
      } while (pages[pages.length - 1]?.hasNextPage);
      return pages;
    }

    async function searchNavne(type: string, filter: Filter, anyOf?: Filter[]): Promise<unknown[]> {
      const page = await store.search({ type, at: now(), filter, anyOf, first: 100 });
      expect(page.totalCount).toBe(page.items.length);
      return page.items.map((item) => item.data.navn);
    }

    describe('append and read', () => {
      it('reads an object back at a point in both times', async () => {
        const type = newType();
        const uuid = randomUUID();
        const result = await store.append({
          type,
          uuid,
          expectedVersion: 0,
          livscyklus: 'OPSTAAET',
          aktoer: 'bruger-1',
          virkninger: [{ fra: d('2020-01-01'), til: null, data: { navn: 'Jammerbugt', nr: 849 } }],
          tid: d('2021-01-01'),
        });

        expect(result).toEqual({ version: 1, tid: d('2021-01-01') });
        await expect(store.findByIds(type, [uuid], pointAt('2022-01-01'))).resolves.toEqual([
          { uuid, version: 1, data: { navn: 'Jammerbugt', nr: 849 } },
        ]);
      });

      it('sees nothing before the registration or outside the validity', async () => {
        const type = newType();
        const uuid = await create(
          type,
          { navn: 'Læsø' },
          {
            tid: d('2021-01-01'),
            virkninger: [{ fra: d('2020-01-01'), til: d('2030-01-01'), data: { navn: 'Læsø' } }],
          },
        );

        const [beforeRegistration, beforeValidity, afterValidity, within] = await Promise.all([
          store.findByIds(type, [uuid], pointAt('2025-01-01', '2020-12-31')),
          store.findByIds(type, [uuid], pointAt('2019-12-31')),
          store.findByIds(type, [uuid], pointAt('2030-01-01')),
          store.findByIds(type, [uuid], pointAt('2029-12-31')),
        ]);
        expect(beforeRegistration).toEqual([null]);
        expect(beforeValidity).toEqual([null]);
        expect(afterValidity).toEqual([null]);
        expect(within[0]?.data).toEqual({ navn: 'Læsø' });
      });

      it('resolves ping while open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('registrations', () => {
      it('appends a registration on update and keeps the old one readable', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'Gammel' }, { tid: d('2021-01-01') });

        const result = await store.append({
          type,
          uuid,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger-2',
          note: 'navneskift',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'Ny' } }],
          tid: d('2022-01-01'),
        });

        expect(result).toEqual({ version: 2, tid: d('2022-01-01') });
        await expect(
          store.findByIds(type, [uuid], pointAt(new Date(), '2021-06-01')),
        ).resolves.toEqual([{ uuid, version: 1, data: { navn: 'Gammel' } }]);
        await expect(store.findByIds(type, [uuid], now())).resolves.toEqual([
          { uuid, version: 2, data: { navn: 'Ny' } },
        ]);
      });

      it('lists every registration oldest first, each closed by the next', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'A' }, { tid: d('2021-01-01'), aktoer: 'import' });
        await store.append({
          type,
          uuid,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger-2',
          note: 'rettelse',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'B' } }],
          tid: d('2022-01-01'),
        });

        const history = await store.findHistory(type, uuid);

        expect(history).toEqual([
          {
            nr: 1,
            fra: d('2021-01-01'),
            til: d('2022-01-01'),
            livscyklus: 'OPSTAAET',
            aktoer: 'import',
            note: null,
            virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'A' } }],
          },
          {
            nr: 2,
            fra: d('2022-01-01'),
            til: null,
            livscyklus: 'RETTET',
            aktoer: 'bruger-2',
            note: 'rettelse',
            virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'B' } }],
          },
        ]);
      });

      it('returns an empty history for an unknown object', async () => {
        await expect(store.findHistory(newType(), randomUUID())).resolves.toEqual([]);
      });

      it('keeps the old value at an earlier virkningstid after a valid-time change', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'Hjørring', status: 'aktiv' });
        const history = await store.findHistory(type, uuid);
        const virkninger = patchTimeline(
          history[0]?.virkninger ?? [],
          { navn: 'Hjørring Kommune' },
          d('2024-01-01'),
        );

        await store.append({
          type,
          uuid,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger',
          virkninger,
        });

        const [before] = await store.findByIds(type, [uuid], pointAt('2023-12-31'));
        const [after] = await store.findByIds(type, [uuid], pointAt('2024-01-01'));
        expect(before).toEqual({ uuid, version: 2, data: { navn: 'Hjørring', status: 'aktiv' } });
        expect(after).toEqual({
          uuid,
          version: 2,
          data: { navn: 'Hjørring Kommune', status: 'aktiv' },
        });
        const latest = await store.findHistory(type, uuid);
        expect(latest[1]?.virkninger.map((v) => [v.fra, v.til])).toEqual([
          [d('2000-01-01'), d('2024-01-01')],
          [d('2024-01-01'), null],
        ]);
      });

      it.each(['SLETTET', 'PASSIVERET'] as const)(
        'hides the object from a %s registration on',
        async (livscyklus) => {
          const type = newType();
          const uuid = await create(type, { navn: 'Skjult' }, { tid: d('2021-01-01') });
          const kept = await create(type, { navn: 'Synlig' }, { tid: d('2021-01-01') });
          await store.append({
            type,
            uuid,
            expectedVersion: 1,
            livscyklus,
            aktoer: 'bruger',
            virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'Skjult' } }],
            tid: d('2022-01-01'),
          });

          await expect(store.findByIds(type, [uuid, kept], now())).resolves.toEqual([
            null,
            expect.objectContaining({ uuid: kept }),
          ]);
          await expect(
            store.findByIds(type, [uuid], pointAt(new Date(), '2021-06-01')),
          ).resolves.toEqual([{ uuid, version: 1, data: { navn: 'Skjult' } }]);
          const page = await store.search({ type, at: now(), first: 10 });
          expect(page.items.map((item) => item.uuid)).toEqual([kept]);
          expect(page.totalCount).toBe(1);
          const earlier = await store.search({
            type,
            at: pointAt(new Date(), '2021-06-01'),
            first: 10,
          });
          expect(earlier.totalCount).toBe(2);
          await expect(store.findHistory(type, uuid)).resolves.toHaveLength(2);
        },
      );

      it('never lets registration time run backwards', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'A' }, { tid: d('2022-06-01') });
        const append = (expectedVersion: number, tid: Date) =>
          store.append({
            type,
            uuid,
            expectedVersion,
            livscyklus: 'RETTET',
            aktoer: 'bruger',
            virkninger: [
              { fra: d('2000-01-01'), til: null, data: { navn: `v${expectedVersion}` } },
            ],
            tid,
          });

        const earlier = await append(1, d('2022-01-01'));
        const same = await append(2, earlier.tid);

        expect(earlier.tid).toEqual(new Date(d('2022-06-01').getTime() + 1));
        expect(same.tid).toEqual(new Date(d('2022-06-01').getTime() + 2));
        const history = await store.findHistory(type, uuid);
        expect(history.map((r) => [r.nr, r.fra, r.til])).toEqual([
          [1, d('2022-06-01'), earlier.tid],
          [2, earlier.tid, same.tid],
          [3, same.tid, null],
        ]);
      });

      it('fixes the sort key at creation', async () => {
        const type = newType();
        const first = await create(type, { navn: 'first' }, { sortKey: 'a' });
        const second = await create(type, { navn: 'second' }, { sortKey: 'b' });
        await store.append({
          type,
          uuid: first,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger',
          sortKey: 'z',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'first' } }],
        });

        const page = await store.search({ type, at: now(), first: 10 });
        expect(page.items.map((item) => item.uuid)).toEqual([first, second]);
      });
    });

    describe('findByIds', () => {
      it('aligns results with the ids, null for unknown, invisible or other-type ids', async () => {
        const type = newType();
        const a = await create(type, { navn: 'A' });
        const b = await create(type, { navn: 'B' });
        const closed = await create(
          type,
          { navn: 'C' },
          {
            virkninger: [{ fra: d('2000-01-01'), til: d('2001-01-01'), data: { navn: 'C' } }],
          },
        );
        const otherType = await create(newType(), { navn: 'X' });
        const unknown = randomUUID();

        const found = await store.findByIds(type, [b, unknown, a, closed, otherType, b], now());

        expect(found).toEqual([
          { uuid: b, version: 1, data: { navn: 'B' } },
          null,
          { uuid: a, version: 1, data: { navn: 'A' } },
          null,
          null,
          { uuid: b, version: 1, data: { navn: 'B' } },
        ]);
        await expect(store.findByIds(type, [], now())).resolves.toEqual([]);
      });
    });

    describe('search', () => {
      let type: string;

      beforeAll(async () => {
        type = newType();
        const objects: Data[] = [
          {
            navn: 'Ærøskøbing Havn',
            nummer: 10,
            aktiv: true,
            dato: '2024-03-01',
            beskrivelse: null,
            tags: ['havn', 'færge'],
            kle: [
              { klasse: '02.34.02', aspekt: 'ANSVARLIG' },
              { klasse: '27.12.00', aspekt: 'INDSIGT' },
            ],
          },
          {
            navn: 'Blåvand Strand',
            nummer: 20,
            aktiv: false,
            dato: '2024-06-15',
            beskrivelse: 'Strand ved Vesterhavet',
            tags: ['strand'],
            kle: [{ klasse: '02.34.10', aspekt: 'UDFOERENDE' }],
          },
          {
            navn: 'Aabenraa Rådhus',
            nummer: 30,
            aktiv: true,
            dato: '2025-01-01',
            tags: [],
            kle: [],
          },
          { navn: 'Øster Hurup', nummer: 40, aktiv: true, dato: '2025-07-01' },
        ];
        for (const data of objects) await create(type, data, { sortKey: String(data.navn) });
      });

      it('matches eq on strings, numbers and booleans', async () => {
        await expect(searchNavne(type, { navn: { eq: 'Blåvand Strand' } })).resolves.toEqual([
          'Blåvand Strand',
        ]);
        await expect(searchNavne(type, { nummer: { eq: 30 } })).resolves.toEqual([
          'Aabenraa Rådhus',
        ]);
        await expect(searchNavne(type, { aktiv: { eq: false } })).resolves.toEqual([
          'Blåvand Strand',
        ]);
        await expect(searchNavne(type, { navn: { eq: 'blåvand strand' } })).resolves.toEqual([]);
      });

      it('matches eq null where the value is null or missing', async () => {
        await expect(searchNavne(type, { beskrivelse: { eq: null } })).resolves.toEqual([
          'Aabenraa Rådhus',
          'Ærøskøbing Havn',
          'Øster Hurup',
        ]);
        await expect(searchNavne(type, { 'kle.klasse': { eq: null } })).resolves.toEqual([
          'Aabenraa Rådhus',
          'Øster Hurup',
        ]);
      });

      it('matches in, prefix and ranges', async () => {
        await expect(searchNavne(type, { nummer: { in: [10, 40, 99] } })).resolves.toEqual([
          'Ærøskøbing Havn',
          'Øster Hurup',
        ]);
        await expect(searchNavne(type, { navn: { prefix: 'Aa' } })).resolves.toEqual([
          'Aabenraa Rådhus',
        ]);
        await expect(searchNavne(type, { navn: { prefix: 'aa' } })).resolves.toEqual([]);
        await expect(
          searchNavne(type, { dato: { gte: '2024-06-15', lt: '2025-07-01' } }),
        ).resolves.toEqual(['Aabenraa Rådhus', 'Blåvand Strand']);
        await expect(searchNavne(type, { nummer: { gte: 30 } })).resolves.toEqual([
          'Aabenraa Rådhus',
          'Øster Hurup',
        ]);
        await expect(searchNavne(type, { nummer: { lt: 20 } })).resolves.toEqual([
          'Ærøskøbing Havn',
        ]);
      });

      it('matches contains ignoring case, also for æ, ø and å', async () => {
        await expect(searchNavne(type, { navn: { contains: 'ÆRØSKØ' } })).resolves.toEqual([
          'Ærøskøbing Havn',
        ]);
        await expect(searchNavne(type, { navn: { contains: 'blÅ' } })).resolves.toEqual([
          'Blåvand Strand',
        ]);
        await expect(searchNavne(type, { navn: { contains: 'øster' } })).resolves.toEqual([
          'Øster Hurup',
        ]);
        await expect(searchNavne(type, { navn: { contains: 'RÅDHUS' } })).resolves.toEqual([
          'Aabenraa Rådhus',
        ]);
      });

      it('matches any element along array paths', async () => {
        await expect(searchNavne(type, { 'kle.klasse': { eq: '27.12.00' } })).resolves.toEqual([
          'Ærøskøbing Havn',
        ]);
        await expect(searchNavne(type, { 'kle.klasse': { prefix: '02.34.' } })).resolves.toEqual([
          'Blåvand Strand',
          'Ærøskøbing Havn',
        ]);
        await expect(
          searchNavne(type, { 'kle.aspekt': { in: ['UDFOERENDE', 'INDSIGT'] } }),
        ).resolves.toEqual(['Blåvand Strand', 'Ærøskøbing Havn']);
        await expect(searchNavne(type, { tags: { eq: 'færge' } })).resolves.toEqual([
          'Ærøskøbing Havn',
        ]);
        await expect(searchNavne(type, { tags: { contains: 'FÆR' } })).resolves.toEqual([
          'Ærøskøbing Havn',
        ]);
      });

      it('requires every condition to hold', async () => {
        await expect(
          searchNavne(type, { aktiv: { eq: true }, 'kle.klasse': { prefix: '02' } }),
        ).resolves.toEqual(['Ærøskøbing Havn']);
        await expect(
          searchNavne(type, { aktiv: { eq: false }, 'kle.aspekt': { eq: 'INDSIGT' } }),
        ).resolves.toEqual([]);
      });

      it('matches anyOf as the union of its filters, each object once', async () => {
        const anyOf: Filter[] = [
          { navn: { eq: 'Blåvand Strand' } },
          { nummer: { gte: 30 } },
          // Overlaps the filter above: a match of two grants must not be counted twice.
          { nummer: { eq: 40 } },
        ];

        await expect(searchNavne(type, {}, anyOf)).resolves.toEqual([
          'Aabenraa Rådhus',
          'Blåvand Strand',
          'Øster Hurup',
        ]);
        await expect(
          searchNavne(type, {}, [{ navn: { contains: 'havn' } }, { nummer: { lt: 0 } }]),
        ).resolves.toEqual(['Ærøskøbing Havn']);
      });

      it('requires both filter and anyOf to hold', async () => {
        await expect(
          searchNavne(type, { aktiv: { eq: true } }, [
            { nummer: { lt: 20 } },
            { nummer: { eq: 20 } },
            { navn: { prefix: 'Øster' } },
          ]),
        ).resolves.toEqual(['Ærøskøbing Havn', 'Øster Hurup']);
        await expect(
          searchNavne(type, { aktiv: { eq: false } }, [{ nummer: { gte: 30 } }]),
        ).resolves.toEqual([]);
      });

      it('matches nothing for an empty anyOf, even with a filter that matches', async () => {
        await expect(store.search({ type, at: now(), anyOf: [], first: 10 })).resolves.toEqual({
          items: [],
          totalCount: 0,
          hasNextPage: false,
          endCursor: null,
        });
        await expect(
          store.search({ type, at: now(), filter: { aktiv: { eq: true } }, anyOf: [], first: 10 }),
        ).resolves.toMatchObject({ items: [], totalCount: 0, hasNextPage: false });
      });

      it('matches anyOf conditions on any element along array paths', async () => {
        await expect(
          searchNavne(type, {}, [{ 'kle.klasse': { eq: '27.12.00' } }, { tags: { eq: 'strand' } }]),
        ).resolves.toEqual(['Blåvand Strand', 'Ærøskøbing Havn']);
        await expect(
          searchNavne(type, { aktiv: { eq: true } }, [{ 'kle.aspekt': { in: ['INDSIGT'] } }]),
        ).resolves.toEqual(['Ærøskøbing Havn']);
      });

      it.each(['asc', 'desc'] as const)(
        'pages one at a time through exactly the anyOf matches in %s order',
        async (order) => {
          const pages = await allPages({
            type,
            at: now(),
            anyOf: [
              { navn: { eq: 'Øster Hurup' } },
              { aktiv: { eq: false } },
              { nummer: { eq: 10 } },
            ],
            first: 1,
            order,
          });

          const navne = ['Blåvand Strand', 'Ærøskøbing Havn', 'Øster Hurup'];
          expect(pages.map((p) => p.items.map((item) => item.data.navn))).toEqual(
            (order === 'asc' ? navne : [...navne].reverse()).map((navn) => [navn]),
          );
          expect(pages.map((p) => p.totalCount)).toEqual([3, 3, 3]);
          expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
        },
      );

      it('matches only the data valid at the requested point', async () => {
        const own = newType();
        const uuid = await create(
          own,
          { navn: 'Gammel' },
          {
            tid: d('2021-01-01'),
            virkninger: [
              { fra: d('2000-01-01'), til: d('2020-01-01'), data: { navn: 'Oprindelig' } },
              { fra: d('2020-01-01'), til: null, data: { navn: 'Gammel' } },
            ],
          },
        );
        await store.append({
          type: own,
          uuid,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn: 'Ny' } }],
          tid: d('2022-01-01'),
        });
        const count = async (navn: string, at: PointInTime): Promise<number> =>
          (await store.search({ type: own, at, filter: { navn: { eq: navn } }, first: 10 }))
            .totalCount;

        await expect(count('Ny', now())).resolves.toBe(1);
        await expect(count('Gammel', now())).resolves.toBe(0);
        await expect(count('Oprindelig', now())).resolves.toBe(0);
        await expect(count('Gammel', pointAt(new Date(), '2021-06-01'))).resolves.toBe(1);
        await expect(count('Oprindelig', pointAt('2010-01-01', '2021-06-01'))).resolves.toBe(1);
        await expect(count('Gammel', pointAt('2010-01-01', '2021-06-01'))).resolves.toBe(0);
      });

      it('matches anyOf against the same data the filter sees, valid at the point', async () => {
        const own = newType();
        await create(
          own,
          { navn: 'Nu', kreds: 'B' },
          {
            virkninger: [
              { fra: d('2000-01-01'), til: d('2020-01-01'), data: { navn: 'Før', kreds: 'A' } },
              { fra: d('2020-01-01'), til: null, data: { navn: 'Nu', kreds: 'B' } },
            ],
          },
        );
        const count = async (filter: Filter, anyOf: Filter[], at: PointInTime): Promise<number> =>
          (await store.search({ type: own, at, filter, anyOf, first: 10 })).totalCount;

        await expect(count({}, [{ kreds: { eq: 'A' } }], now())).resolves.toBe(0);
        await expect(count({}, [{ kreds: { eq: 'B' } }], now())).resolves.toBe(1);
        // Each condition holds in some period, but never both in the same one.
        await expect(count({ navn: { eq: 'Nu' } }, [{ kreds: { eq: 'A' } }], now())).resolves.toBe(
          0,
        );
        await expect(
          count({}, [{ navn: { eq: 'Nu' }, kreds: { eq: 'A' } }], pointAt('2010-01-01')),
        ).resolves.toBe(0);
        await expect(
          count({ navn: { eq: 'Før' } }, [{ kreds: { eq: 'A' } }], pointAt('2010-01-01')),
        ).resolves.toBe(1);
      });

      it('stores strings that look like operators or expressions literally', async () => {
        const own = newType();
        const data = { navn: '$navn', udtryk: '$$ROOT', json: '{"$gt": ""}', sti: 'a.b' };
        const uuid = await create(own, data);
        await store.append({
          type: own,
          uuid,
          expectedVersion: 1,
          livscyklus: 'RETTET',
          aktoer: 'bruger',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { ...data, navn: '$concat' } }],
        });

        await expect(readNow(own, uuid)).resolves.toEqual({ ...data, navn: '$concat' });
        await expect(searchNavne(own, { udtryk: { eq: '$$ROOT' } })).resolves.toEqual(['$concat']);
        const history = await store.findHistory(own, uuid);
        expect(history.map((r) => r.virkninger[0]?.data.navn)).toEqual(['$navn', '$concat']);
      });
    });

    describe('search input safety', () => {
      it('rejects a condition with two operators, which adapters could read differently', async () => {
        await expect(
          store.search({
            type: 'Mix',
            at: now(),
            filter: { navn: { eq: 'a', in: ['b'] } as unknown as Filter[string] },
            first: 10,
          }),
        ).rejects.toThrow(TypeError);
      });

      let type: string;

      beforeAll(async () => {
        type = newType();
        for (const navn of [
          'a.*b',
          'axxb',
          'pris $5 (inkl. moms)',
          'a(b',
          '^start',
          'back\\slash',
        ]) {
          await create(type, { navn }, { sortKey: navn });
        }
      });

      it('treats regex metacharacters in contains and prefix literally', async () => {
        await expect(searchNavne(type, { navn: { contains: '.*' } })).resolves.toEqual(['a.*b']);
        await expect(searchNavne(type, { navn: { prefix: '.*' } })).resolves.toEqual([]);
        await expect(searchNavne(type, { navn: { contains: '$5 (' } })).resolves.toEqual([
          'pris $5 (inkl. moms)',
        ]);
        await expect(searchNavne(type, { navn: { prefix: 'a(' } })).resolves.toEqual(['a(b']);
        await expect(searchNavne(type, { navn: { prefix: '^' } })).resolves.toEqual(['^start']);
        await expect(searchNavne(type, { navn: { contains: 'k\\s' } })).resolves.toEqual([
          'back\\slash',
        ]);
        await expect(searchNavne(type, { navn: { contains: 'x|' } })).resolves.toEqual([]);
        await expect(searchNavne(type, { navn: { eq: '.*' } })).resolves.toEqual([]);
      });

      it.each([
        ['an object as eq', { navn: { eq: { $gt: '' } } }],
        ['an object in in', { navn: { in: [{ $ne: null }] } }],
        ['an object as contains', { navn: { contains: { $regex: '.*' } } }],
        ['an object as a bound', { navn: { gte: { $gt: '' } } }],
        ['an operator as the condition', { navn: { $gt: '' } }],
        ['an operator as the path', { $where: { eq: 'true' } }],
        ['an operator inside the path', { 'navn.$gt': { eq: '' } }],
      ])('rejects %s with a TypeError', async (_label, filter) => {
        await expect(
          store.search({ type, at: now(), filter: untyped<Filter>(filter), first: 10 }),
        ).rejects.toBeInstanceOf(TypeError);
      });

      it.each([
        ['an object as eq', { navn: { eq: { $gt: '' } } }],
        ['an object in in', { navn: { in: [{ $ne: null }] } }],
        ['an operator as the condition', { navn: { $gt: '' } }],
        ['an operator as the path', { $where: { eq: 'true' } }],
        ['a list as a filter', []],
        ['null as a filter', null],
      ])('rejects %s inside anyOf with a TypeError', async (_label, filter) => {
        await expect(
          store.search({
            type,
            at: now(),
            anyOf: [{ navn: { eq: 'axxb' } }, untyped<Filter>(filter)],
            first: 10,
          }),
        ).rejects.toBeInstanceOf(TypeError);
      });

      it.each([
        ['null', null],
        ['a single filter', { navn: { eq: 'axxb' } }],
      ])('rejects %s as anyOf rather than reading it as no restriction', async (_label, anyOf) => {
        await expect(
          store.search({ type, at: now(), anyOf: untyped<Filter[]>(anyOf), first: 10 }),
        ).rejects.toBeInstanceOf(TypeError);
      });

      it('rejects a hostile filter even when an empty anyOf means no result', async () => {
        await expect(
          store.search({
            type,
            at: now(),
            filter: untyped<Filter>({ navn: { eq: { $gt: '' } } }),
            anyOf: [],
            first: 10,
          }),
        ).rejects.toBeInstanceOf(TypeError);
      });

      it('accepts at most 200 filters in anyOf', async () => {
        const grants = (count: number): Filter[] =>
          Array.from({ length: count }, (_, i) => ({ navn: { eq: i === 0 ? 'axxb' : `n${i}` } }));

        const page = await store.search({ type, at: now(), anyOf: grants(200), first: 10 });
        expect(page.items.map((item) => item.data.navn)).toEqual(['axxb']);
        await expect(
          store.search({ type, at: now(), anyOf: grants(201), first: 10 }),
        ).rejects.toBeInstanceOf(TypeError);
      });

      it.each([
        ['garbage', 'not a cursor'],
        ['an operator', Buffer.from('{"$gt": ""}').toString('base64url')],
        ['a short array', Buffer.from('["a"]').toString('base64url')],
        ['non-string parts', Buffer.from('[{"$gt": ""}, 1]').toString('base64url')],
      ])('rejects a cursor that is %s as BAD_USER_INPUT', async (_label, after) => {
        const search = store.search({ type, at: now(), first: 10, after });
        await expect(search).rejects.toBeInstanceOf(BadUserInputError);
        await expect(search).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { field: 'after' },
        });
      });
    });

    describe('pagination', () => {
      let type: string;
      let expected: { sortKey: string; uuid: string }[];

      beforeAll(async () => {
        type = newType();
        const entries: { sortKey: string; uuid: string }[] = [];
        // Repeated sort keys: ties are broken by uuid, which pages must respect too.
        for (const sortKey of ['b', 'a', 'c', 'b', 'a', 'd', 'b']) {
          const uuid = await create(type, { gruppe: 'med' }, { sortKey });
          entries.push({ sortKey, uuid });
        }
        await create(type, { gruppe: 'uden' }, { sortKey: 'a' });
        await create(type, { gruppe: 'uden' }, { sortKey: 'c' });
        expected = sortedByKey(entries);
      });

      it.each(['asc', 'desc'] as const)(
        'pages through every match once in %s order with a stable totalCount',
        async (order) => {
          const pages = await allPages({
            type,
            at: now(),
            filter: { gruppe: { eq: 'med' } },
            first: 3,
            order,
          });

          const uuids = expected.map((e) => e.uuid);
          expect(pages.map((p) => p.items.map((item) => item.uuid))).toEqual(
            order === 'asc'
              ? [uuids.slice(0, 3), uuids.slice(3, 6), uuids.slice(6)]
              : [
                  uuids.slice(4).reverse(),
                  uuids.slice(1, 4).reverse(),
                  uuids.slice(0, 1).reverse(),
                ],
          );
          expect(pages.map((p) => p.totalCount)).toEqual([7, 7, 7]);
          expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
          for (const page of pages) {
            expect(page.endCursor).toBe(page.items[page.items.length - 1]?.cursor);
          }
        },
      );

      it('returns an empty last page after the final cursor', async () => {
        const all = await store.search({ type, at: now(), first: 100 });
        expect(all.totalCount).toBe(9);
        expect(all.hasNextPage).toBe(false);

        const beyond = await store.search({ type, at: now(), first: 3, after: all.endCursor });

        expect(beyond).toEqual({ items: [], totalCount: 9, hasNextPage: false, endCursor: null });
      });

      it('orders objects without a sort key by uuid', async () => {
        const own = newType();
        const uuids: string[] = [];
        for (let i = 0; i < 4; i += 1) uuids.push(await create(own, { i }));

        const page = await store.search({ type: own, at: now(), first: 10 });

        expect(page.items.map((item) => item.uuid)).toEqual([...uuids].sort());
      });
    });

    describe('optimistic concurrency', () => {
      const update = (type: string, uuid: string, expectedVersion: number, navn: string) =>
        store.append({
          type,
          uuid,
          expectedVersion,
          livscyklus: 'RETTET',
          aktoer: 'bruger',
          virkninger: [{ fra: d('2000-01-01'), til: null, data: { navn } }],
        });

      it('rejects a stale expectedVersion and changes nothing', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'A' });
        await update(type, uuid, 1, 'B');

        const stale = update(type, uuid, 1, 'C');

        await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
        await expect(stale).rejects.toMatchObject({
          code: 'VERSION_CONFLICT',
          details: { expectedVersion: 1, currentVersion: 2 },
        });
        await expect(readNow(type, uuid)).resolves.toEqual({ navn: 'B' });
        const history = await store.findHistory(type, uuid);
        expect(history.map((r) => [r.nr, r.til === null])).toEqual([
          [1, false],
          [2, true],
        ]);
      });

      it('rejects an expectedVersion ahead of the object', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'A' });

        await expect(update(type, uuid, 5, 'B')).rejects.toMatchObject({
          code: 'VERSION_CONFLICT',
          details: { expectedVersion: 5, currentVersion: 1 },
        });
        await expect(store.findHistory(type, uuid)).resolves.toHaveLength(1);
      });

      it('rejects creating a uuid that exists, and updating one that does not', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'A' });

        await expect(create(type, { navn: 'B' }, { uuid })).rejects.toMatchObject({
          code: 'VERSION_CONFLICT',
          details: { expectedVersion: 0, currentVersion: 1 },
        });
        await expect(update(type, randomUUID(), 1, 'B')).rejects.toMatchObject({
          code: 'VERSION_CONFLICT',
          details: { expectedVersion: 1, currentVersion: 0 },
        });
        await expect(readNow(type, uuid)).resolves.toEqual({ navn: 'A' });
      });

      it('lets exactly one of 20 concurrent appends from the same version win', async () => {
        const type = newType();
        const uuid = await create(type, { navn: 'start' });

        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => update(type, uuid, 1, `v${i}`)),
        );

        const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(VersionConflictError);
          }
        }
        await expect(readNow(type, uuid)).resolves.toEqual({ navn: `v${winners[0]}` });
        await expect(store.findHistory(type, uuid)).resolves.toHaveLength(2);
      });

      it('lets exactly one of 20 concurrent creations of the same uuid win', async () => {
        const type = newType();
        const uuid = randomUUID();

        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => create(type, { navn: `v${i}` }, { uuid })),
        );

        const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(VersionConflictError);
          }
        }
        await expect(readNow(type, uuid)).resolves.toEqual({ navn: `v${winners[0]}` });
        await expect(store.findHistory(type, uuid)).resolves.toHaveLength(1);
      });
    });

    describe('sequences', () => {
      it('counts from 1 per name', async () => {
        const name = `test-${randomUUID()}`;
        expect(await store.nextSequence(name)).toBe(1);
        expect(await store.nextSequence(name)).toBe(2);
        expect(await store.nextSequence(`${name}-other`)).toBe(1);
      });

      it('never hands out a value twice under concurrency', async () => {
        const name = `test-${randomUUID()}`;
        const values = await Promise.all(
          Array.from({ length: 50 }, () => store.nextSequence(name)),
        );
        expect([...values].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 50 }, (_, i) => i + 1),
        );
      });
    });

    describe('isolation of returned values', () => {
      it('returns values through which no caller changes the store (copies, or frozen)', async () => {
        const type = newType();
        const original = { navn: 'A', kle: [{ klasse: '02' }] };
        const virkninger: Virkning<typeof original>[] = [
          { fra: d('2000-01-01'), til: null, data: structuredClone(original) },
        ];
        const uuid = await create(type, original, { virkninger });

        const [found] = await store.findByIds<typeof original>(type, [uuid], now());
        const page = await store.search<typeof original>({ type, at: now(), first: 10 });
        const history = await store.findHistory<typeof original>(type, uuid);
        for (const data of [found?.data, page.items[0]?.data, history[0]?.virkninger[0]?.data]) {
          if (!data) throw new Error('object not found');
          // An adapter may hand out read-only values (the embedded one does, to spare a copy per
          // read): then the change fails here, and the store must be unchanged either way.
          try {
            data.navn = 'ændret';
            data.kle.push({ klasse: '99' });
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
          }
        }
        for (const input of virkninger) input.data.navn = 'ændret efter append';
        if (history[0]) history[0].til = d('2001-01-01');

        await expect(readNow(type, uuid)).resolves.toEqual(original);
        const again = await store.findHistory(type, uuid);
        expect(again[0]?.virkninger[0]?.data).toEqual(original);
        expect(again[0]?.til).toBeNull();
      });
    });
  });
}
