import { matchesFilter } from '../store/filter';
import { FOELSOMHEDER, type Caller, type PrivilegeGroup } from './caller';
import { createStaticOrganisationDirectory } from './organisation-directory';
import { createRowAccess, type AccessAttributes, type AccessPaths } from './row-access';

const ORG_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const ORG_B = 'bbbbbbbb-0000-4000-8000-000000000001';
// Unit tree of municipality A: root → x → x1; root → y.
const ROOT = 'aaaaaaaa-0000-4000-8000-0000000000a0';
const X = 'aaaaaaaa-0000-4000-8000-0000000000a1';
const X1 = 'aaaaaaaa-0000-4000-8000-0000000000a2';
const Y = 'aaaaaaaa-0000-4000-8000-0000000000a3';
const B_UNIT = 'bbbbbbbb-0000-4000-8000-0000000000b0';

const directory = createStaticOrganisationDirectory({
  organisationer: { '11111111': ORG_A, '22222222': ORG_B },
  enheder: { [ROOT]: null, [X]: ROOT, [X1]: X, [Y]: ROOT, [B_UNIT]: null },
});

const paths: AccessPaths = {
  organisation: 'organisation',
  kleNummer: 'kleNummer',
  ansvarligEnhed: 'ansvarligEnhed',
  foelsomhed: 'foelsomhed',
  cpr: 'parter.cpr',
};

function group(partial: Partial<PrivilegeGroup> & Pick<PrivilegeGroup, 'roles'>): PrivilegeGroup {
  return { id: 'g', cvr: '11111111', kle: null, enheder: null, foelsomhed: null, ...partial };
}

function user(...groups: PrivilegeGroup[]): Caller {
  return { kind: 'BRUGER', subject: 'u', groups };
}

function row(partial: Partial<AccessAttributes>): AccessAttributes {
  return {
    organisation: ORG_A,
    kleNummer: '02.34.02',
    ansvarligEnhed: X,
    foelsomhed: 'IKKE_FORTROLIG',
    cpr: [],
    ...partial,
  };
}

/** Stored data shaped like a case, for checking the filters against the in-memory rules. */
const toData = (r: AccessAttributes) => ({
  organisation: r.organisation,
  kleNummer: r.kleNummer,
  ansvarligEnhed: r.ansvarligEnhed,
  foelsomhed: r.foelsomhed,
  parter: r.cpr.map((cpr) => ({ cpr })),
});

describe('createRowAccess', () => {
  const perGroup = user(
    group({ roles: ['sag:laes'], kle: ['32.*'], enheder: [X] }),
    group({ roles: ['sag:skriv'], kle: ['27.*'], enheder: [Y] }),
  );

  it('keeps each restriction within its own group', async () => {
    const read = createRowAccess({
      caller: perGroup,
      role: 'sag:laes',
      directory,
      token: null,
      paths,
    });
    const write = createRowAccess({
      caller: perGroup,
      role: 'sag:skriv',
      directory,
      token: null,
      paths,
    });
    // Reading a 32.* case in X (or below it) is what the first group grants.
    expect((await read.decide(row({ kleNummer: '32.01.01', ansvarligEnhed: X1 }))).allowed).toBe(
      true,
    );
    // Writing a 27.* case in X: the write group covers 27.* but only in Y, the read group covers
    // X but cannot write; together they would, and that is exactly what must not happen.
    expect((await write.decide(row({ kleNummer: '27.24.03', ansvarligEnhed: X }))).allowed).toBe(
      false,
    );
    expect((await read.decide(row({ kleNummer: '27.24.03', ansvarligEnhed: X }))).allowed).toBe(
      false,
    );
    expect((await write.decide(row({ kleNummer: '27.24.03', ansvarligEnhed: Y }))).allowed).toBe(
      true,
    );
  });

  it('names the group that allowed a row', async () => {
    const read = createRowAccess({
      caller: user(group({ id: '11111111#2', roles: ['sag:laes'] })),
      role: 'sag:laes',
      directory,
      token: null,
      paths,
    });
    expect(await read.decide(row({}))).toMatchObject({
      allowed: true,
      grant: { role: 'sag:laes', organisation: ORG_A, group: { id: '11111111#2' } },
    });
  });

  it('never crosses municipalities, and ignores a CVR the graph does not know', async () => {
    const read = createRowAccess({
      caller: user(
        group({ roles: ['sag:laes'], cvr: '22222222' }),
        group({ roles: ['sag:laes'], cvr: '99999999' }),
      ),
      role: 'sag:laes',
      directory,
      token: null,
      paths,
    });
    expect((await read.decide(row({}))).allowed).toBe(false);
    expect((await read.decide(row({ organisation: ORG_B, ansvarligEnhed: B_UNIT }))).allowed).toBe(
      true,
    );
  });

  it('lets a citizen see only rows where they are a party, and an anonymous caller none', async () => {
    const citizen = createRowAccess({
      caller: { kind: 'BORGER', subject: 'b', cpr: '1203654127' },
      role: 'sag:laes',
      directory,
      token: null,
      paths,
    });
    expect((await citizen.decide(row({ cpr: ['1203654127', '0711583319'] }))).allowed).toBe(true);
    expect((await citizen.decide(row({ cpr: ['0711583319'] }))).allowed).toBe(false);
    const citizenWriting = createRowAccess({
      caller: { kind: 'BORGER', subject: 'b', cpr: '1203654127' },
      role: 'sag:skriv',
      directory,
      token: null,
      paths,
    });
    expect((await citizenWriting.decide(row({ cpr: ['1203654127'] }))).allowed).toBe(false);
    expect(await citizenWriting.getFilters()).toEqual([]);
    const anonymous = createRowAccess({
      caller: { kind: 'ANONYM' },
      role: 'sag:laes',
      directory,
      token: null,
      paths,
    });
    expect((await anonymous.decide(row({}))).allowed).toBe(false);
    expect(await anonymous.getFilters()).toEqual([]);
  });

  it('builds store filters that admit exactly the rows the in-memory decision admits', async () => {
    const callers: Caller[] = [
      perGroup,
      user(
        group({
          roles: ['sag:laes'],
          kle: ['02.*', '27.24.03', '25.02.*'],
          foelsomhed: 'FORTROLIG',
        }),
      ),
      user(
        group({ roles: ['sag:laes'], enheder: [X, Y], foelsomhed: 'IKKE_FORTROLIG' }),
        group({ roles: ['sag:laes'], cvr: '22222222' }),
      ),
      user(group({ roles: ['sag:laes'], kle: ['*'] })),
      user(group({ roles: ['sag:laes'], enheder: ['cccccccc-0000-4000-8000-000000000000'] })),
      user(),
      { kind: 'BORGER', subject: 'b', cpr: '1203654127' },
    ];
    const rows: AccessAttributes[] = [];
    for (const organisation of [ORG_A, ORG_B]) {
      for (const ansvarligEnhed of [ROOT, X, X1, Y, B_UNIT]) {
        for (const kleNummer of [
          '02.34.02',
          '27.24.03',
          '27.24.04',
          '32.01.01',
          '25.02.01',
          '20.02.01',
        ]) {
          for (const foelsomhed of FOELSOMHEDER) {
            rows.push(
              row({
                organisation,
                ansvarligEnhed,
                kleNummer,
                foelsomhed,
                cpr: kleNummer === '27.24.03' ? ['1203654127'] : [],
              }),
            );
          }
        }
      }
    }
    for (const caller of callers) {
      const access = createRowAccess({ caller, role: 'sag:laes', directory, token: null, paths });
      const filters = await access.getFilters();
      for (const r of rows) {
        const byFilter = filters.some((f) => matchesFilter(toData(r), f));
        expect({ row: r, allowed: byFilter }).toEqual({
          row: r,
          allowed: (await access.decide(r)).allowed,
        });
      }
    }
  });
});
