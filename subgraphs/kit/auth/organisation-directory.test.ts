import { createStaticOrganisationDirectory } from './organisation-directory';

const ORG_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const ORG_B = 'bbbbbbbb-0000-4000-8000-000000000001';
// Municipality A: root → x → x1; municipality B: b0 → b1.
const ROOT = 'aaaaaaaa-0000-4000-8000-0000000000a0';
const X = 'aaaaaaaa-0000-4000-8000-0000000000a1';
const X1 = 'aaaaaaaa-0000-4000-8000-0000000000a2';
const B0 = 'bbbbbbbb-0000-4000-8000-0000000000b0';
const B1 = 'bbbbbbbb-0000-4000-8000-0000000000b1';

describe('createStaticOrganisationDirectory', () => {
  const directory = createStaticOrganisationDirectory({
    organisationer: { '11111111': ORG_A, '22222222': ORG_B },
    enheder: { [ROOT]: null, [X]: ROOT, [X1]: X, [B0]: null, [B1]: B0 },
    rodenheder: { [ROOT]: ORG_A, [B0]: ORG_B },
    brugere: { [X1]: ORG_A },
  });

  it("finds a user's organisation; null for an unknown user or a key of Object.prototype", async () => {
    expect(await directory.findBrugerOrganisation(X1, null)).toBe(ORG_A);
    expect(await directory.findBrugerOrganisation(X, null)).toBeNull();
    expect(await directory.findBrugerOrganisation('constructor', null)).toBeNull();
  });

  it("finds a unit's organisation through its root, at any depth", async () => {
    expect(await directory.findEnhedOrganisation(ROOT, null)).toBe(ORG_A);
    expect(await directory.findEnhedOrganisation(X1, null)).toBe(ORG_A);
    expect(await directory.findEnhedOrganisation(B1, null)).toBe(ORG_B);
  });

  it('answers null for an unknown unit, a key of Object.prototype and a tree without roots', async () => {
    expect(await directory.findEnhedOrganisation(ORG_A, null)).toBeNull();
    expect(await directory.findEnhedOrganisation('constructor', null)).toBeNull();
    const withoutRoots = createStaticOrganisationDirectory({
      organisationer: {},
      enheder: { [ROOT]: null, [X]: ROOT },
    });
    expect(await withoutRoots.findEnhedOrganisation(X, null)).toBeNull();
    const cycle = createStaticOrganisationDirectory({
      organisationer: {},
      enheder: { [X]: X1, [X1]: X },
      rodenheder: { [X]: ORG_A },
    });
    expect(await cycle.findEnhedOrganisation(X, null)).toBeNull();
  });

  it("finds a unit's subtree and an organisation by CVR", async () => {
    expect(await directory.findEnhedSubtree(X, null)).toEqual([X, X1]);
    expect(await directory.findOrganisationByCvr('22222222', null)).toBe(ORG_B);
  });
});
