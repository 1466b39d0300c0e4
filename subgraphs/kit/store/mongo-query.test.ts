import type { Document } from 'mongodb';
import type { Filter, Registrering } from './bitemporal-store';
import {
  OPEN_END,
  buildAppendFilter,
  buildAppendUpdate,
  buildCreateDocument,
  buildFilterConditions,
  buildIndexSpecs,
  buildKeysetCondition,
  buildPointProjection,
  buildPointQuery,
  buildSort,
  fromRegistreringDocument,
  isDuplicateKeyError,
  literalPattern,
  toRegistreringDocument,
} from './mongo-query';

const d = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const at = { virkningstid: d('2024-05-01'), registreringstid: d('2025-01-01') };

/** Sends what a hostile client could, past the compile-time types. */
const hostile = (filter: unknown): Filter => filter as Filter;
const hostileAnyOf = (anyOf: unknown): Filter[] => anyOf as Filter[];

/** The regex a `$regex` condition would run, compiled in JS to show what it matches. */
function regexOf(condition: unknown): RegExp {
  const { $regex, $options } = condition as { $regex: string; $options?: string };
  return new RegExp($regex, $options);
}

const registrering: Registrering = {
  nr: 3,
  fra: d('2025-02-01'),
  til: null,
  livscyklus: 'RETTET',
  aktoer: 'bruger-1',
  note: null,
  virkninger: [
    { fra: d('2000-01-01'), til: d('2024-01-01'), data: { navn: '$navn' } },
    { fra: d('2024-01-01'), til: null, data: { navn: { $concat: ['a', 'b'] }, sti: '$$ROOT' } },
  ],
};

describe('buildPointQuery', () => {
  it('matches one registration current at registreringstid with one virkning valid then', () => {
    expect(buildPointQuery('Sag', at, { titel: { eq: 'Byggesag' } })).toEqual({
      type: 'Sag',
      registreringer: {
        $elemMatch: {
          fra: { $lte: d('2025-01-01') },
          til: { $gt: d('2025-01-01') },
          livscyklus: { $nin: ['PASSIVERET', 'SLETTET'] },
          virkninger: {
            $elemMatch: {
              fra: { $lte: d('2024-05-01') },
              til: { $gt: d('2024-05-01') },
              'data.titel': { $eq: 'Byggesag' },
            },
          },
        },
      },
    });
  });

  it('puts no $or on open ends, which are stored as a far-future date', () => {
    expect(JSON.stringify(buildPointQuery('Sag', at))).not.toContain('$or');
    expect(JSON.stringify(buildPointQuery('Sag', at))).not.toContain('null');
  });

  it('rejects an object-valued filter value before building anything', () => {
    expect(() => buildPointQuery('Sag', at, hostile({ titel: { eq: { $gt: '' } } }))).toThrow(
      TypeError,
    );
  });

  it('puts anyOf as an $or inside the same virkning $elemMatch as the filter', () => {
    const query = buildPointQuery('Sag', at, { titel: { eq: 'Byggesag' } }, [
      { afdeling: { eq: 'Teknik' } },
      { 'kle.klasse': { prefix: '02.34' }, fortrolig: { eq: false } },
    ]);

    expect(query).toEqual({
      type: 'Sag',
      registreringer: {
        $elemMatch: {
          fra: { $lte: d('2025-01-01') },
          til: { $gt: d('2025-01-01') },
          livscyklus: { $nin: ['PASSIVERET', 'SLETTET'] },
          virkninger: {
            $elemMatch: {
              fra: { $lte: d('2024-05-01') },
              til: { $gt: d('2024-05-01') },
              'data.titel': { $eq: 'Byggesag' },
              $or: [
                { 'data.afdeling': { $eq: 'Teknik' } },
                { 'data.kle.klasse': { $regex: '^02\\.34' }, 'data.fortrolig': { $eq: false } },
              ],
            },
          },
        },
      },
    });
  });

  it('builds a never-matching query for an empty anyOf instead of sending $or: []', () => {
    const query = buildPointQuery('Sag', at, { titel: { eq: 'Byggesag' } }, []);

    expect(JSON.stringify(query)).not.toContain('$or');
    expect(query).toEqual({
      ...buildPointQuery('Sag', at, { titel: { eq: 'Byggesag' } }),
      _id: { $in: [] },
    });
  });

  it.each([
    ['an object as eq', [{ titel: { eq: 'a' } }, { titel: { eq: { $gt: '' } } }]],
    ['an operator as the condition', [{ titel: { $gt: '' } }]],
    ['an operator as the path', [{ $where: { eq: '1' } }]],
    ['a list as a filter', [[]]],
    ['null as a filter', [null]],
  ])('rejects anyOf with %s before building anything', (_label, anyOf) => {
    expect(() => buildPointQuery('Sag', at, {}, hostileAnyOf(anyOf))).toThrow(TypeError);
  });

  it.each([
    ['null', null],
    ['a single filter', { titel: { eq: 'a' } }],
  ])('rejects %s as anyOf rather than reading it as no restriction', (_label, anyOf) => {
    expect(() => buildPointQuery('Sag', at, {}, hostileAnyOf(anyOf))).toThrow(TypeError);
  });

  it('accepts at most 200 filters in anyOf', () => {
    const grants = (count: number): Filter[] =>
      Array.from({ length: count }, (_, i) => ({ afdeling: { eq: `a${i}` } }));

    expect(
      buildPointQuery('Sag', at, {}, grants(200)).registreringer.$elemMatch.virkninger.$elemMatch
        .$or,
    ).toHaveLength(200);
    expect(() => buildPointQuery('Sag', at, {}, grants(201))).toThrow(TypeError);
  });
});

describe('buildPointProjection', () => {
  it('projects only the registration current at registreringstid', () => {
    expect(buildPointProjection(at)).toEqual({
      sortKey: 1,
      registreringer: {
        $elemMatch: { fra: { $lte: d('2025-01-01') }, til: { $gt: d('2025-01-01') } },
      },
    });
  });
});

describe('buildFilterConditions', () => {
  it('maps each condition onto the virkning data path', () => {
    expect(
      buildFilterConditions({
        navn: { eq: 'Læsø' },
        nummer: { in: [1, 2] },
        'kle.klasse': { prefix: '02.34' },
        beskrivelse: { contains: 'Byg' },
        dato: { gte: '2024-01-01', lt: '2025-01-01' },
      }),
    ).toEqual({
      'data.navn': { $eq: 'Læsø' },
      'data.nummer': { $in: [1, 2] },
      'data.kle.klasse': { $regex: '^02\\.34' },
      'data.beskrivelse': { $regex: 'Byg', $options: 'i' },
      'data.dato': { $gte: '2024-01-01', $lt: '2025-01-01' },
    });
  });

  it('matches eq null only where no value along the path is present', () => {
    const condition = buildFilterConditions({ 'kle.klasse': { eq: null } })['data.kle.klasse'];
    expect(condition).toEqual({ $not: { $type: expect.arrayContaining(['string', 'object']) } });
    expect(condition.$not.$type).not.toContain('null');
    // An empty array holds no value; `$type: 'array'` would count it as one.
    expect(condition.$not.$type).not.toContain('array');
  });

  it('omits a missing bound instead of sending it as null', () => {
    const { 'data.dato': onlyLower } = buildFilterConditions({
      dato: { gte: '2024', lt: undefined },
    });
    expect(onlyLower).toEqual({ $gte: '2024' });
    expect(Object.keys(onlyLower)).toEqual(['$gte']);
    expect(buildFilterConditions({ dato: { lt: 5 } })['data.dato']).toEqual({ $lt: 5 });
    // No bound at all: any literal value, as in `matchesFilter`, rather than `{}` (equal to {}).
    expect(buildFilterConditions({ dato: { gte: undefined } })['data.dato']).toEqual({
      $type: expect.arrayContaining(['string', 'double', 'bool']),
    });
  });

  it('escapes regex metacharacters so .* matches only the literal text', () => {
    const contains = buildFilterConditions({ navn: { contains: '.*' } })['data.navn'];
    expect(contains).toEqual({ $regex: '\\.\\*', $options: 'i' });
    expect(regexOf(contains).test('a.*b')).toBe(true);
    expect(regexOf(contains).test('anything')).toBe(false);
  });

  it('escapes $ and ^ in prefixes and keeps the anchor', () => {
    const prefix = buildFilterConditions({ navn: { prefix: '$5^(' } })['data.navn'];
    expect(prefix).toEqual({ $regex: '^\\$5\\^\\(' });
    expect(regexOf(prefix).test('$5^( og mere')).toBe(true);
    expect(regexOf(prefix).test('x $5^(')).toBe(false);
    expect(regexOf(prefix).test('5')).toBe(false);
  });

  it('matches contains without regard to case, also for æ, ø and å', () => {
    const contains = buildFilterConditions({ navn: { contains: 'ÆRØ' } })['data.navn'];
    expect(regexOf(contains).test('Ærøskøbing')).toBe(true);
    expect(regexOf(contains).test('ærø')).toBe(true);
  });

  it.each([
    ['an object as eq', { navn: { eq: { $gt: '' } } }],
    ['an object in in', { navn: { in: [{ $ne: null }] } }],
    ['a regex object as contains', { navn: { contains: { $regex: '.*' } } }],
    ['an operator as the condition', { navn: { $where: '1' } }],
    ['an operator as the path', { $where: { eq: '1' } }],
  ])('rejects %s with a TypeError', (_label, filter) => {
    expect(() => buildFilterConditions(hostile(filter))).toThrow(TypeError);
  });
});

describe('literalPattern', () => {
  it('writes a NUL byte as an escape, since the server refuses one in a pattern', () => {
    const pattern = literalPattern('a\0b.');
    expect(pattern).toBe('a\\x00b\\.');
    expect(pattern).not.toContain('\0');
    expect(new RegExp(pattern).test('xa\0b.')).toBe(true);
  });
});

describe('buildKeysetCondition', () => {
  const after = { sortKey: 'S-2', uuid: 'b0b' };

  it('continues after the position in ascending order, ties broken by _id', () => {
    expect(buildKeysetCondition(after, 'asc')).toEqual({
      $or: [{ sortKey: { $gt: 'S-2' } }, { sortKey: { $eq: 'S-2' }, _id: { $gt: 'b0b' } }],
    });
    expect(buildSort('asc')).toEqual({ sortKey: 1, _id: 1 });
  });

  it('continues before the position in descending order', () => {
    expect(buildKeysetCondition(after, 'desc')).toEqual({
      $or: [{ sortKey: { $lt: 'S-2' } }, { sortKey: { $eq: 'S-2' }, _id: { $lt: 'b0b' } }],
    });
    expect(buildSort('desc')).toEqual({ sortKey: -1, _id: -1 });
  });
});

describe('stored registrations', () => {
  it('stores open ends as the far-future sentinel and reads them back as null', () => {
    const stored = toRegistreringDocument(registrering);

    expect(OPEN_END).toEqual(new Date('9999-12-31T00:00:00.000Z'));
    expect(stored.til).toEqual(OPEN_END);
    expect(stored.virkninger.map((v) => v.til)).toEqual([d('2024-01-01'), OPEN_END]);
    expect(fromRegistreringDocument(stored)).toEqual(registrering);
  });

  it('reads a closed registration back with its end', () => {
    const closed = { ...toRegistreringDocument(registrering), til: d('2025-03-01') };
    expect(fromRegistreringDocument(closed).til).toEqual(d('2025-03-01'));
  });

  it('creates one document per object with its first registration', () => {
    const first = { ...registrering, nr: 1 };
    expect(buildCreateDocument('Sag', 'u-1', 'S-1', first)).toEqual({
      _id: 'u-1',
      type: 'Sag',
      version: 1,
      sortKey: 'S-1',
      registreringer: [toRegistreringDocument(first)],
    });
  });
});

describe('buildAppendFilter', () => {
  it('matches the object only at the expected version', () => {
    expect(buildAppendFilter('Sag', 'u-1', 2)).toEqual({
      _id: { $eq: 'u-1' },
      type: 'Sag',
      version: 2,
    });
  });
});

describe('buildAppendUpdate', () => {
  const pipeline = buildAppendUpdate(2, registrering);
  const set = (pipeline[0] as { $set: Document }).$set;

  it('sets the new version and closes the head registration at the new one', () => {
    expect(pipeline).toHaveLength(1);
    expect(set.version).toEqual({ $literal: 3 });
    const [closeHead] = set.registreringer.$concatArrays;
    expect(closeHead).toEqual({
      $map: {
        input: '$registreringer',
        as: 'r',
        in: {
          $cond: {
            if: { $eq: ['$$r.nr', { $literal: 2 }] },
            then: { $mergeObjects: ['$$r', { til: { $literal: d('2025-02-01') } }] },
            else: '$$r',
          },
        },
      },
    });
  });

  it('appends the new registration wrapped in $literal, with open ends as the sentinel', () => {
    const [, appended] = set.registreringer.$concatArrays;
    expect(appended).toEqual({ $literal: [toRegistreringDocument(registrering)] });
    expect(appended.$literal[0].til).toEqual(OPEN_END);
    expect(appended.$literal[0].virkninger[0].data).toEqual({ navn: '$navn' });
  });

  it('leaves no data outside $literal, so "$" strings are never read as expressions', () => {
    const outside: unknown[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node instanceof Date || node === null || typeof node !== 'object') {
        if (typeof node === 'string') outside.push(node);
      } else {
        for (const [key, value] of Object.entries(node)) if (key !== '$literal') walk(value);
      }
    };
    walk(pipeline);
    expect(new Set(outside)).toEqual(new Set(['$registreringer', 'r', '$$r.nr', '$$r']));
  });
});

describe('buildIndexSpecs', () => {
  it('indexes the keyset order and each searched data path by type', () => {
    expect(buildIndexSpecs(['brugervendtNoegle', 'kle.klasse'])).toEqual([
      { key: { type: 1, sortKey: 1, _id: 1 } },
      { key: { type: 1, 'registreringer.virkninger.data.brugervendtNoegle': 1 } },
      { key: { type: 1, 'registreringer.virkninger.data.kle.klasse': 1 } },
    ]);
  });

  it('rejects a path that is not a plain dotted name', () => {
    expect(() => buildIndexSpecs(['$where'])).toThrow(TypeError);
    expect(() => buildIndexSpecs(['a..b'])).toThrow(TypeError);
  });
});

describe('isDuplicateKeyError', () => {
  it('recognises the server code 11000 and nothing else', () => {
    expect(
      isDuplicateKeyError(Object.assign(new Error('E11000 duplicate key'), { code: 11000 })),
    ).toBe(true);
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError(Object.assign(new Error('other'), { code: 11600 }))).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000 duplicate key'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});
