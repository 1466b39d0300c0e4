import { randomInt, randomUUID } from 'node:crypto';
import type { AuditLog, AuditPage, AuditQuery, AuditRecord } from './audit-log';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention every log in the contract is opened with. */
const RETENTION_DAYS = 183;

/** An instant `days` before now, at a whole millisecond (as both adapters store time). */
const ago = (days: number): Date => new Date(Date.now() - Math.round(days * DAY_MS));

/** A CPR number no other test uses, so tests sharing one log (or database) never meet. */
const newCpr = (): string =>
  String(randomInt(0, 2 ** 40))
    .padStart(10, '0')
    .slice(-10);

/** Lets a test send what a hostile caller could, past the compile-time types. */
const untyped = <T>(value: unknown): T => value as T;

function newRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: randomUUID(),
    tid: ago(1),
    requestId: randomUUID(),
    service: 'sag',
    aktoer: 'bruger-1',
    aktoerType: 'BRUGER',
    organisation: '29189846',
    dataansvarlig: 'aaaaaaaa-0000-4000-8000-000000000849',
    rolle: 'sag:laes',
    privilegiegruppe: 'gruppe-1',
    operation: 'LAES',
    objektType: 'Sag',
    objekter: [randomUUID()],
    cpr: [newCpr()],
    soegekriterier: null,
    udfald: 'TILLADT',
    ...overrides,
  };
}

/** The order a search returns: tid descending, then id descending. */
const newestFirst = (records: readonly AuditRecord[]): AuditRecord[] =>
  [...records].sort((a, b) =>
    a.tid.getTime() !== b.tid.getTime() ? b.tid.getTime() - a.tid.getTime() : a.id < b.id ? 1 : -1,
  );

const ids = (records: readonly AuditRecord[]): string[] => records.map((record) => record.id);

/**
 * The behaviour every `AuditLog` adapter must have. `open` must return a log that holds none of
 * the records of its earlier calls (a fresh file, a fresh collection); most tests share one log
 * and use fresh CPR numbers and ids, and a purge test opens its own so its count is exact.
 */
export function describeAuditLogContract(
  name: string,
  open: (options: { retentionMs: number }) => Promise<AuditLog>,
): void {
  describe(name, () => {
    let log: AuditLog;

    beforeAll(async () => {
      log = await open({ retentionMs: RETENTION_DAYS * DAY_MS });
    });

    afterAll(async () => {
      if (log) await log.close();
    });

    async function searchAll(query: Omit<AuditQuery, 'first' | 'after'>): Promise<AuditRecord[]> {
      const page = await log.search({ ...query, first: 500 });
      expect(page.hasNextPage).toBe(false);
      return page.records;
    }

    describe('search by CPR', () => {
      it('returns only the records whose CPR list holds the number, newest first', async () => {
        const a = newCpr();
        const b = newCpr();
        const records = [
          newRecord({ cpr: [a], tid: ago(3) }),
          newRecord({ cpr: [b, a], tid: ago(1) }),
          newRecord({ cpr: [b], tid: ago(2) }),
          newRecord({ cpr: [a], tid: ago(2.5) }),
          newRecord({ cpr: [], tid: ago(1) }),
        ];
        await log.append(records);

        await expect(searchAll({ cpr: a }).then(ids)).resolves.toEqual(
          ids(newestFirst(records.filter((record) => record.cpr.includes(a)))),
        );
        await expect(searchAll({ cpr: b }).then(ids)).resolves.toEqual(
          ids(newestFirst(records.filter((record) => record.cpr.includes(b)))),
        );
      });

      it('orders records of the same instant by id, descending', async () => {
        const cpr = newCpr();
        const tid = ago(4);
        const records = Array.from({ length: 5 }, () => newRecord({ cpr: [cpr], tid }));
        await log.append(records);
        const found = await searchAll({ cpr });
        expect(ids(found)).toEqual(ids(records).sort().reverse());
      });

      it('returns an empty last page for a number nobody looked up', async () => {
        await expect(log.search({ cpr: newCpr(), first: 10 })).resolves.toEqual({
          records: [],
          hasNextPage: false,
          endCursor: null,
        });
      });
    });

    describe('search by municipality concerned', () => {
      it('returns only records about the named municipalities, never one that names none', async () => {
        const cpr = newCpr();
        const jammerbugt = randomUUID();
        const broenderslev = randomUUID();
        const records = [
          newRecord({ cpr: [cpr], dataansvarlig: jammerbugt, tid: ago(1) }),
          newRecord({ cpr: [cpr], dataansvarlig: broenderslev, tid: ago(2) }),
          newRecord({ cpr: [cpr], dataansvarlig: null, tid: ago(3) }),
        ];
        await log.append(records);
        const [mine, theirs, none] = records;
        await expect(searchAll({ cpr, dataansvarlig: [jammerbugt] }).then(ids)).resolves.toEqual(
          ids([mine as AuditRecord]),
        );
        await expect(
          searchAll({ cpr, dataansvarlig: [broenderslev, jammerbugt] }).then(ids),
        ).resolves.toEqual(ids([mine as AuditRecord, theirs as AuditRecord]));
        await expect(searchAll({ cpr, dataansvarlig: [] }).then(ids)).resolves.toEqual([]);
        // Without the restriction every record is found, the one naming no municipality too.
        await expect(searchAll({ cpr }).then(ids)).resolves.toEqual(
          ids([mine, theirs, none] as AuditRecord[]),
        );
      });

      it('rejects a municipality that is not a uuid, such as {"$ne": null}', async () => {
        await expect(
          log.search({ dataansvarlig: untyped<string[]>([{ $ne: null }]), first: 10 }),
        ).rejects.toThrow(TypeError);
      });
    });

    describe('search by period', () => {
      it('includes a record at `fra` and excludes one at `til`', async () => {
        const cpr = newCpr();
        const [t0, t1, t2, t3] = [ago(9), ago(8), ago(7), ago(6)];
        const at = (tid: Date): AuditRecord => newRecord({ cpr: [cpr], tid });
        const records = [at(t0), at(t1), at(t2), at(t3)];
        await log.append(records);

        const found = await searchAll({ cpr, fra: t1, til: t3 });
        expect(found.map((record) => record.tid)).toEqual([t2, t1]);
        await expect(searchAll({ cpr, fra: t3 }).then(ids)).resolves.toEqual(ids(records.slice(3)));
        await expect(searchAll({ cpr, til: t1 }).then(ids)).resolves.toEqual(
          ids(records.slice(0, 1)),
        );
      });

      it('finds records of every CPR number within a period', async () => {
        const fra = ago(20.5);
        const til = ago(20);
        const records = [
          newRecord({ tid: ago(20.25) }),
          newRecord({ tid: ago(20.1), cpr: [] }),
          newRecord({ tid: ago(20.75) }),
        ];
        await log.append(records);
        const found = await searchAll({ fra, til });
        expect(ids(found)).toEqual(expect.arrayContaining(ids(records.slice(0, 2))));
        expect(ids(found)).not.toContain(records[2]?.id);
      });
    });

    describe('paging', () => {
      it('visits every record exactly once when following the cursors', async () => {
        const cpr = newCpr();
        const shared = ago(11);
        const records = [
          ...Array.from({ length: 4 }, () => newRecord({ cpr: [cpr], tid: shared })),
          ...Array.from({ length: 6 }, (_, index) =>
            newRecord({ cpr: [cpr], tid: ago(12 + index) }),
          ),
        ];
        await log.append(records);

        const pages: AuditPage[] = [];
        let after: string | null = null;
        do {
          const page: AuditPage = await log.search({ cpr, first: 3, after });
          pages.push(page);
          after = page.endCursor;
          if (pages.length > 10) throw new Error('paging does not end');
        } while (pages[pages.length - 1]?.hasNextPage);

        expect(pages.map((page) => page.records.length)).toEqual([3, 3, 3, 1]);
        expect(pages.flatMap((page) => ids(page.records))).toEqual(ids(newestFirst(records)));
      });

      it('says there is no next page when the last page is exactly full', async () => {
        const cpr = newCpr();
        await log.append([newRecord({ cpr: [cpr] }), newRecord({ cpr: [cpr], tid: ago(2) })]);
        const page = await log.search({ cpr, first: 2 });
        expect(page.records).toHaveLength(2);
        expect(page.hasNextPage).toBe(false);
        const beyond = await log.search({ cpr, first: 2, after: page.endCursor });
        expect(beyond).toEqual({ records: [], hasNextPage: false, endCursor: null });
      });
    });

    describe('records as written', () => {
      it('returns every field exactly as written, with tid as a Date', async () => {
        const record = newRecord({
          tid: new Date(Date.now() - 3 * DAY_MS + 123),
          aktoer: 'borger:7a1f0c2e',
          aktoerType: 'BORGER',
          organisation: null,
          rolle: null,
          privilegiegruppe: null,
          operation: 'SOEG',
          objekter: [randomUUID(), randomUUID()],
          cpr: [newCpr(), newCpr()],
          soegekriterier: {
            titel: { contains: 'byggetilladelse' },
            'kle.klasse': { prefix: '02.34' },
            $ne: null,
            antal: [1, 2.5, true, 'tekst', { dybt: null }],
          },
          udfald: 'AFVIST',
        });
        await log.append([record]);

        const [found] = await searchAll({ cpr: record.cpr[1] });
        expect(found).toEqual(record);
        expect(found?.tid).toBeInstanceOf(Date);
      });

      it('keeps only the fields of an audit record', async () => {
        const record = newRecord();
        await log.append([untyped<AuditRecord>({ ...record, token: 'eyJhbGciOi.x.y' })]);
        await expect(searchAll({ cpr: record.cpr[0] })).resolves.toEqual([record]);
      });

      it('is not changed by changing what was appended or returned', async () => {
        const record = newRecord({ soegekriterier: { navn: 'A' } });
        const copy = structuredClone(record);
        await log.append([record]);
        record.cpr.push(newCpr());
        record.tid.setTime(0);
        const [found] = await searchAll({ cpr: copy.cpr[0] });
        found?.objekter.push('ændret');
        await expect(searchAll({ cpr: copy.cpr[0] })).resolves.toEqual([copy]);
      });

      it('keeps one copy of a record appended again (a retried append)', async () => {
        const record = newRecord();
        await log.append([record]);
        await log.append([record, { ...record, aktoer: 'en anden' }]);
        await expect(searchAll({ cpr: record.cpr[0] })).resolves.toEqual([record]);
      });

      it('writes nothing of a batch that holds an invalid record', async () => {
        const valid = newRecord();
        const invalid = newRecord({ cpr: ['12345'] });
        await expect(log.append([valid, invalid])).rejects.toThrow(TypeError);
        await expect(searchAll({ cpr: valid.cpr[0] })).resolves.toEqual([]);
      });

      it('refuses a token where the subject belongs', async () => {
        const record = newRecord({ aktoer: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
        await expect(log.append([record])).rejects.toThrow(/aktoer/);
        await expect(searchAll({ cpr: record.cpr[0] })).resolves.toEqual([]);
      });
    });

    describe('retention', () => {
      it('never returns records older than the retention', async () => {
        const cpr = newCpr();
        const expired = newRecord({ cpr: [cpr], tid: ago(RETENTION_DAYS + 2) });
        const kept = newRecord({ cpr: [cpr], tid: ago(RETENTION_DAYS - 2) });
        await log.append([expired, kept]);
        await expect(searchAll({ cpr }).then(ids)).resolves.toEqual([kept.id]);
        await expect(searchAll({ cpr, fra: ago(RETENTION_DAYS + 10) }).then(ids)).resolves.toEqual([
          kept.id,
        ]);
      });

      it('purges only records before the given instant and returns how many', async () => {
        const own = await open({ retentionMs: RETENTION_DAYS * DAY_MS });
        try {
          const cpr = newCpr();
          const before = ago(5);
          const old = [newRecord({ cpr: [cpr], tid: ago(9) }), newRecord({ tid: ago(6) })];
          const boundary = newRecord({ cpr: [cpr], tid: before });
          const recent = newRecord({ cpr: [cpr], tid: ago(1) });
          await own.append([...old, boundary, recent]);

          await expect(own.purgeBefore(before)).resolves.toBe(2);
          const page = await own.search({ cpr, first: 10 });
          expect(ids(page.records)).toEqual([recent.id, boundary.id]);
          await expect(own.purgeBefore(before)).resolves.toBe(0);
        } finally {
          await own.close();
        }
      });
    });

    describe('validation', () => {
      it.each(['123456789', '12345678901', '123456-7890', '12345678ab', ' 1234567890', ''])(
        'rejects the CPR number %j',
        async (cpr) => {
          await expect(log.search({ cpr, first: 10 })).rejects.toThrow(TypeError);
        },
      );

      it.each([0, 501, 1.5, -1, Number.NaN])('rejects first = %p', async (first) => {
        await expect(log.search({ first })).rejects.toThrow(TypeError);
      });

      it('rejects a CPR value that is not a string, such as {"$ne": null}', async () => {
        await log.append([newRecord()]);
        for (const cpr of [{ $ne: null }, { $gt: '' }, ['1234567890'], 1234567890, null]) {
          await expect(log.search({ cpr: untyped<string>(cpr), first: 10 })).rejects.toThrow(
            TypeError,
          );
        }
        await expect(log.search({ first: untyped<number>('10') })).rejects.toThrow(TypeError);
      });

      it('rejects a cursor it did not make, and an invalid date', async () => {
        for (const after of ['garbage', Buffer.from('{"$gt":""}').toString('base64url')]) {
          await expect(log.search({ first: 10, after })).rejects.toThrow(TypeError);
        }
        await expect(log.search({ first: 10, fra: new Date(Number.NaN) })).rejects.toThrow(
          TypeError,
        );
        await expect(log.purgeBefore(new Date(Number.NaN))).rejects.toThrow(TypeError);
      });
    });

    it('answers a ping while open', async () => {
      await expect(log.ping()).resolves.toBeUndefined();
    });
  });
}
