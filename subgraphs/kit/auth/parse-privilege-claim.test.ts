import { InvalidPrivilegesError } from './invalid-privileges-error';
import { matchesKle } from './parse-kle-restriction';
import { parsePrivilegeClaim } from './parse-privilege-claim';

describe('parsePrivilegeClaim', () => {
  it('reads groups with their own restrictions and ignores roles it does not know', () => {
    expect(
      parsePrivilegeClaim([
        {
          cvr: '29189625',
          roller: ['sag:laes', 'post:laes'],
          kle: ['32.*'],
          foelsomhed: 'Følsomme',
        },
        { cvr: '29189625', roller: 'sag:skriv', kle: '27.*,27.24.03' },
      ]),
    ).toEqual([
      {
        id: '29189625#1',
        cvr: '29189625',
        roles: ['sag:laes'],
        kle: ['32.*'],
        enheder: null,
        foelsomhed: 'FOELSOM',
      },
      {
        id: '29189625#2',
        cvr: '29189625',
        roles: ['sag:skriv'],
        kle: ['27.*', '27.24.03'],
        enheder: null,
        foelsomhed: null,
      },
    ]);
  });

  it('takes the highest of several sensitivity values', () => {
    const [group] = parsePrivilegeClaim([
      { cvr: '29189625', roller: [], foelsomhed: ['IKKE_FORTROLIG', 'FORTROLIG'] },
    ]);
    expect(group?.foelsomhed).toBe('FORTROLIG');
  });

  it.each([
    ['not a list', { cvr: '29189625' }],
    ['a bad CVR', [{ cvr: '2918', roller: [] }]],
    ['a bad unit', [{ cvr: '29189625', roller: [], enheder: ['x'] }]],
    ['an unknown sensitivity', [{ cvr: '29189625', roller: [], foelsomhed: 'HEMMELIG' }]],
    ['roles of the wrong type', [{ cvr: '29189625', roller: [1] }]],
    [
      'an unknown key (a restriction it cannot honour)',
      [{ cvr: '29189625', roller: ['sag:laes'], kle2: ['27.*'] }],
    ],
    [
      'a role URI outside the configured namespaces',
      [{ cvr: '29189625', roller: ['http://evil.example/roles/other-system/sag_laes/1'] }],
    ],
    ['too many groups', Array.from({ length: 101 }, () => ({ cvr: '29189625', roller: [] }))],
  ])('refuses %s', (_, claim) => {
    expect(() => parsePrivilegeClaim(claim)).toThrow(InvalidPrivilegesError);
  });
});

describe('matchesKle', () => {
  it.each([
    ['02.*', '02.34.02', true],
    ['02.34.*', '02.34.02', true],
    ['02.34.*', '02.35.01', false],
    ['02.*', '20.00.01', false],
    ['02.34.02', '02.34.02', true],
    ['02.34', '02.34.02', false],
  ])('%s covers %s: %s', (restriction, nummer, expected) => {
    expect(matchesKle(restriction, nummer)).toBe(expected);
  });
});
