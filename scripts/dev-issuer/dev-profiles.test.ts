import { getCaller } from '../../subgraphs/kit/auth/get-caller';
import { SEED_IDS } from '../../subgraphs/organisation/seed/seed-ids';
import { SEED_PARTER } from '../../subgraphs/sag/seed/seed-sag-data';
import { DEV_PROFILE_NAMES, getDevProfileClaims, isDevProfileName } from './dev-profiles';

const JAMMERBUGT = '29189625';
const jammerbugt = SEED_IDS.jammerbugt;

describe('the development profiles', () => {
  it('are sagsbehandler, boernesag, integrator, revisor and borger', () => {
    expect(DEV_PROFILE_NAMES).toEqual([
      'sagsbehandler',
      'boernesag',
      'integrator',
      'revisor',
      'borger',
    ]);
    expect(isDevProfileName('borger')).toBe(true);
    expect(isDevProfileName('toString')).toBe(false);
  });

  it('sagsbehandler is Mette in Jammerbugt: cases on KLE 02.* under Teknik og Miljø, as OIO BPP', () => {
    const claims = getDevProfileClaims('sagsbehandler');
    expect(typeof claims.privileges_intermediate).toBe('string');
    expect(claims.privilegier).toBeUndefined();
    expect(getCaller(claims)).toEqual({
      kind: 'BRUGER',
      subject: jammerbugt.brugere.mette,
      groups: [
        {
          id: `${JAMMERBUGT}#1`,
          cvr: JAMMERBUGT,
          roles: ['sag:laes', 'sag:skriv', 'dokument:laes', 'dokument:skriv'],
          kle: ['02.*'],
          enheder: [jammerbugt.enheder.teknikOgMiljoe],
          foelsomhed: null,
        },
        {
          id: `${JAMMERBUGT}#2`,
          cvr: JAMMERBUGT,
          roles: ['organisation:laes', 'klassifikation:laes', 'bbr:laes'],
          kle: null,
          enheder: null,
          foelsomhed: null,
        },
      ],
    });
  });

  it('boernesag is Lars: sensitive cases on KLE 27.* under Børn og Familie', () => {
    expect(getCaller(getDevProfileClaims('boernesag'))).toEqual({
      kind: 'BRUGER',
      subject: jammerbugt.brugere.lars,
      groups: [
        {
          id: `${JAMMERBUGT}#1`,
          cvr: JAMMERBUGT,
          roles: ['sag:laes', 'sag:skriv', 'dokument:laes', 'dokument:skriv'],
          kle: ['27.*'],
          enheder: [jammerbugt.enheder.boernOgFamilie],
          foelsomhed: 'FOELSOM',
        },
        {
          id: `${JAMMERBUGT}#2`,
          cvr: JAMMERBUGT,
          roles: ['organisation:laes', 'klassifikation:laes', 'bbr:laes'],
          kle: null,
          enheder: null,
          foelsomhed: null,
        },
      ],
    });
  });

  it('integrator reads, never writes, and never past IKKE_FORTROLIG', () => {
    const caller = getCaller(getDevProfileClaims('integrator'));
    expect(caller).toMatchObject({ kind: 'BRUGER', subject: 'integration-esdh-jammerbugt' });
    const groups = caller.kind === 'BRUGER' ? caller.groups : [];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ cvr: JAMMERBUGT, foelsomhed: 'IKKE_FORTROLIG', kle: null });
    expect(groups[0]?.roles.sort()).toEqual(
      ['bbr:laes', 'dokument:laes', 'klassifikation:laes', 'organisation:laes', 'sag:laes'].sort(),
    );
  });

  it('revisor holds adgangslog:laes alone', () => {
    expect(getCaller(getDevProfileClaims('revisor'))).toMatchObject({
      kind: 'BRUGER',
      subject: 'revisor-jammerbugt',
      groups: [{ cvr: JAMMERBUGT, roles: ['adgangslog:laes'] }],
    });
  });

  it('borger is Karen Margrethe Larsen, a party in seeded Jammerbugt cases', () => {
    const caller = getCaller(getDevProfileClaims('borger'));
    expect(caller).toEqual({ kind: 'BORGER', subject: 'borger-karen', cpr: '1203654127' });
    expect(SEED_PARTER.jammerbugt.ansoeger).toMatchObject({
      navn: 'Karen Margrethe Larsen',
      cpr: '1203654127',
    });
  });

  it('hands out copies, so a test changing its claims changes no other test', () => {
    const claims = getDevProfileClaims('revisor');
    claims.sub = 'changed';
    expect(getDevProfileClaims('revisor').sub).toBe('revisor-jammerbugt');
  });
});
