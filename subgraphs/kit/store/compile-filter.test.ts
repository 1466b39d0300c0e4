import type { Data, Filter } from './bitemporal-store';
import { compileAnyOf, compileFilter } from './compile-filter';
import { matchesFilter } from './filter';

const DATA: Data[] = [
  { navn: 'Aalborg', nummer: 10, aktiv: true, kle: [{ klasse: '02.34.02' }], tags: ['færge'] },
  { navn: 'Aabybro', nummer: 20, aktiv: false, kle: { klasse: '27.24.03' }, tags: [] },
  { navn: null, nummer: '10', beskrivelse: 'x', kle: [] },
  { navn: ['Skagen', 'Aalbæk'], nummer: [30, 40] },
  {},
];

const FILTERS: Filter[] = [
  {},
  { navn: { eq: 'Aalborg' } },
  { navn: { eq: 'Aalbæk' } },
  { navn: { eq: null } },
  { nummer: { eq: 10 } },
  { nummer: { in: [10, 40] } },
  { nummer: { in: ['10'] } },
  { navn: { prefix: 'Aa' } },
  { navn: { contains: 'BORG' } },
  { nummer: { gte: 15, lt: 35 } },
  { aktiv: { eq: true }, 'kle.klasse': { prefix: '02' } },
  { 'kle.klasse': { eq: '27.24.03' } },
  { tags: { eq: 'færge' } },
  { beskrivelse: { eq: null } },
];

describe('compileFilter', () => {
  it('gives exactly what matchesFilter gives, for every filter and object', () => {
    for (const filter of FILTERS) {
      const compiled = compileFilter(filter);
      for (const data of DATA) {
        expect({ filter, data, matches: compiled(data) }).toEqual({
          filter,
          data,
          matches: matchesFilter(data, filter),
        });
      }
    }
  });
});

describe('compileAnyOf', () => {
  it('holds when some filter holds, never for an empty list, always when absent', () => {
    const data = DATA[0] as Data;
    expect(compileAnyOf([{ navn: { eq: 'x' } }, { nummer: { eq: 10 } }])(data)).toBe(true);
    expect(compileAnyOf([{ navn: { eq: 'x' } }])(data)).toBe(false);
    expect(compileAnyOf([])(data)).toBe(false);
    expect(compileAnyOf(undefined)(data)).toBe(true);
  });
});
