import type { AuditQuery, AuditRecord } from './audit-log';
import { encodeAuditCursor } from './audit-cursor';
import {
  buildAppendOperations,
  buildAuditSearch,
  buildIndexSpecs,
  buildPurgeFilter,
  buildTtlCollMod,
  buildTtlIndexSpec,
  findStaleTtlIndex,
  fromAuditDocument,
  getTtlSeconds,
  toAuditDocument,
} from './mongo-audit-query';

const retentionStart = new Date('2026-01-01T00:00:00.000Z');

/** Sends what a hostile caller could, past the compile-time types. */
const hostile = (query: unknown): AuditQuery => query as AuditQuery;

const record: AuditRecord = {
  id: '6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b',
  tid: new Date('2026-03-01T10:00:00.000Z'),
  requestId: 'req-1',
  service: 'sag',
  aktoer: 'bruger-1',
  aktoerType: 'BRUGER',
  organisation: '29189846',
  dataansvarlig: 'aaaaaaaa-0000-4000-8000-000000000849',
  rolle: 'sag:soeg',
  privilegiegruppe: 'gruppe-1',
  operation: 'SOEG',
  objektType: 'Sag',
  objekter: [],
  cpr: ['0101701234'],
  soegekriterier: { $where: 'sleep(1000)', 'kle.klasse': { prefix: '$navn' } },
  udfald: 'TILLADT',
};

describe('toAuditDocument / fromAuditDocument', () => {
  it('keeps the id as _id, tid as a Date and the search criteria as JSON text', () => {
    const document = toAuditDocument(record);
    expect(document).toMatchObject({ _id: record.id, tid: record.tid, cpr: ['0101701234'] });
    expect(document).not.toHaveProperty('id');
    expect(typeof document.soegekriterier).toBe('string');
    expect(fromAuditDocument(document)).toEqual(record);
  });
});

describe('buildAppendOperations', () => {
  it('inserts each record only when its id is new, matching the id literally', () => {
    const [operation] = buildAppendOperations([record]);
    expect(operation).toEqual({
      updateOne: {
        filter: { _id: { $eq: record.id } },
        update: { $setOnInsert: expect.objectContaining({ tid: record.tid }) },
        upsert: true,
      },
    });
  });

  it('builds nothing when any record is invalid', () => {
    expect(() => buildAppendOperations([record, { ...record, cpr: ['0101'] }])).toThrow(TypeError);
  });
});

describe('buildAuditSearch', () => {
  it('matches the CPR number literally within the retention, newest first', () => {
    expect(buildAuditSearch({ cpr: '0101701234', first: 20 }, retentionStart)).toEqual({
      filter: { tid: { $gte: retentionStart }, cpr: { $eq: '0101701234' } },
      sort: { tid: -1, _id: -1 },
      limit: 21,
      first: 20,
    });
  });

  it('bounds the period by fra (inclusive, never before the retention) and til (exclusive)', () => {
    const fra = new Date('2026-02-01T00:00:00.000Z');
    const til = new Date('2026-03-01T00:00:00.000Z');
    expect(buildAuditSearch({ fra, til, first: 1 }, retentionStart).filter).toEqual({
      tid: { $gte: fra, $lt: til },
    });
    expect(
      buildAuditSearch({ fra: new Date('2020-01-01T00:00:00.000Z'), first: 1 }, retentionStart)
        .filter,
    ).toEqual({ tid: { $gte: retentionStart } });
  });

  it('keeps only records about the named municipalities, as a literal $in of uuids', () => {
    const uuid = 'AAAAAAAA-0000-4000-8000-000000000849';
    expect(
      buildAuditSearch({ cpr: '0101701234', dataansvarlig: [uuid], first: 1 }, retentionStart)
        .filter,
    ).toEqual({
      tid: { $gte: retentionStart },
      cpr: { $eq: '0101701234' },
      dataansvarlig: { $in: [uuid.toLowerCase()] },
    });
    for (const dataansvarlig of [[{ $ne: null }], 'aaaaaaaa-0000-4000-8000-000000000849', ['x']]) {
      expect(() => buildAuditSearch(hostile({ dataansvarlig, first: 1 }), retentionStart)).toThrow(
        TypeError,
      );
    }
  });

  it('continues strictly after the cursor in (tid, _id) descending order', () => {
    const after = encodeAuditCursor(record);
    expect(buildAuditSearch({ first: 5, after }, retentionStart).filter).toEqual({
      tid: { $gte: retentionStart },
      $or: [{ tid: { $lt: record.tid } }, { tid: { $eq: record.tid }, _id: { $lt: record.id } }],
    });
  });

  it.each([{ $ne: null }, { $gt: '' }, { $where: 'true' }, ['0101701234'], '010170-1234'])(
    'rejects the cpr %j instead of sending it',
    (cpr) => {
      expect(() => buildAuditSearch(hostile({ cpr, first: 1 }), retentionStart)).toThrow(TypeError);
    },
  );

  it.each([0, 501, 2.5, '10'])('rejects first = %j', (first) => {
    expect(() => buildAuditSearch(hostile({ first }), retentionStart)).toThrow(TypeError);
  });

  it('rejects a cursor whose position is not a time and a uuid', () => {
    const forged = Buffer.from(JSON.stringify([{ $gt: 0 }, record.id])).toString('base64url');
    expect(() => buildAuditSearch({ first: 1, after: forged }, retentionStart)).toThrow(TypeError);
  });
});

describe('buildPurgeFilter', () => {
  it('removes records strictly before the instant', () => {
    expect(buildPurgeFilter(retentionStart)).toEqual({ tid: { $lt: retentionStart } });
  });

  it('rejects anything but a valid Date', () => {
    expect(() => buildPurgeFilter(new Date(Number.NaN))).toThrow(TypeError);
    expect(() => buildPurgeFilter({ $gt: 0 } as unknown as Date)).toThrow(TypeError);
  });
});

describe('indexes', () => {
  it('indexes by CPR and by time, newest first', () => {
    expect(buildIndexSpecs().map((spec) => spec.key)).toEqual([
      { cpr: 1, tid: -1, _id: -1 },
      { tid: -1, _id: -1 },
    ]);
  });

  it('expires records after the retention, rounded up to whole seconds', () => {
    expect(getTtlSeconds(183 * 24 * 60 * 60 * 1000)).toBe(15_811_200);
    expect(getTtlSeconds(1500)).toBe(2);
    expect(buildTtlIndexSpec(60)).toEqual({
      key: { tid: 1 },
      name: 'tid_ttl',
      expireAfterSeconds: 60,
    });
  });

  it('finds an existing TTL index with another expiry, and only then', () => {
    const others = [
      { key: { _id: 1 }, name: '_id_' },
      { key: { tid: -1, _id: -1 }, name: 'x' },
    ];
    expect(findStaleTtlIndex(others, 60)).toBeNull();
    expect(
      findStaleTtlIndex(
        [...others, { key: { tid: 1 }, name: 'tid_ttl', expireAfterSeconds: 60 }],
        60,
      ),
    ).toBeNull();
    expect(
      findStaleTtlIndex(
        [...others, { key: { tid: 1 }, name: 'tid_ttl', expireAfterSeconds: 30 }],
        60,
      ),
    ).toBe('tid_ttl');
    expect(buildTtlCollMod('adgangslog', 'tid_ttl', 60)).toEqual({
      collMod: 'adgangslog',
      index: { name: 'tid_ttl', expireAfterSeconds: 60 },
    });
  });
});
