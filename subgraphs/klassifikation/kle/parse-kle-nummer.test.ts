import { BadUserInputError } from '../../kit/domain-error';
import { findKleNummer, parseKleNummer, parseKleNummerPrefix } from './parse-kle-nummer';

describe('parseKleNummer', () => {
  it.each([
    ['02', 'HOVEDGRUPPE', null, 'Emne'],
    ['02.34', 'GRUPPE', '02', 'Emne'],
    ['02.34.02', 'EMNE', '02.34', 'Emne'],
    ['00.01.00', 'EMNE', '00.01', 'Emne'],
    ['G', 'FACETGRUPPE', null, 'Handlingsfacet'],
    ['G01', 'HANDLINGSFACET', 'G', 'Handlingsfacet'],
    ['Ø36', 'HANDLINGSFACET', 'Ø', 'Handlingsfacet'],
    ['A53', 'HANDLINGSFACET', 'A', 'Handlingsfacet'],
  ])('reads %s as %s below %s in facet %s', (nummer, niveau, overklasse, facet) => {
    expect(parseKleNummer(nummer)).toEqual({ nummer, niveau, overklasse, facet });
  });

  it.each([
    ['k02', 'K02'],
    ['ø', 'Ø'],
  ])('takes facet letters in either case (%s → %s)', (input, nummer) => {
    expect(parseKleNummer(input).nummer).toBe(nummer);
  });

  it.each([
    '',
    '2',
    '2.34',
    '02.3',
    '02.34.2',
    '02.34.02.01',
    '02-34',
    '02.34.',
    ' 02',
    'X01',
    'G1',
    'G001',
    'G01.02',
    '٠٢',
    '.*',
  ])('rejects %j as BAD_USER_INPUT naming the field', (nummer) => {
    expect(findKleNummer(nummer)).toBeNull();
    expect(() => parseKleNummer(nummer)).toThrow(BadUserInputError);
    expect(() => parseKleNummer(nummer, 'nummer')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'nummer' } }),
    );
  });
});

describe('parseKleNummerPrefix', () => {
  it.each([
    '',
    '0',
    '02',
    '02.',
    '02.3',
    '02.34',
    '02.34.',
    '02.34.0',
    '02.34.02',
    'G',
    'G0',
    'G01',
  ])('accepts %j, the start of some KLE number', (prefix) => {
    expect(parseKleNummerPrefix(prefix, 'filter.nummerPrefix')).toBe(prefix);
  });

  it('canonicalises facet letters', () => {
    expect(parseKleNummerPrefix('ø3', 'f')).toBe('Ø3');
  });

  it.each(['.*', '02.34.02.', '023', '02..', 'X', 'G01.', '^02', '02%'])(
    'rejects %j, which no KLE number starts with',
    (prefix) => {
      expect(() => parseKleNummerPrefix(prefix, 'filter.nummerPrefix')).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { field: 'filter.nummerPrefix' },
        }),
      );
    },
  );
});
