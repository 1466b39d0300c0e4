import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { createOrganisation } from './create-organisation';
import { createOrganisationEnhed } from './create-organisation-enhed';
import { renameOrganisationEnhed } from './rename-organisation-enhed';

const CREATED = new Date('2024-01-10T09:00:00Z');
const RENAMED = new Date('2025-03-01T09:00:00Z');
const VALID_FROM = new Date('2020-01-01T00:00:00Z');
const NEW_NAME_FROM = new Date('2025-01-01T00:00:00Z');

async function navnAt(store: BitemporalStore, uuid: string, virkning: string, registrering: Date) {
  const [found] = await store.findByIds<{ navn: string }>('OrganisationEnhed', [uuid], {
    virkningstid: new Date(virkning),
    registreringstid: registrering,
  });
  return found?.data.navn;
}

describe('renameOrganisationEnhed', () => {
  let store: BitemporalStore;
  let uuid: string;
  beforeEach(async () => {
    store = createEmbeddedStore();
    const options = { fra: VALID_FROM, aktoer: 'import', tid: CREATED };
    const organisation = await createOrganisation(
      store,
      { brugervendtNoegle: 'jb', navn: 'Jammerbugt Kommune', cvr: '29189625' },
      options,
    );
    const enhed = await createOrganisationEnhed(
      store,
      { brugervendtNoegle: 'jb-bm', navn: 'Byg og Miljø', organisation: organisation.uuid },
      options,
    );
    uuid = enhed.uuid;
  });

  it('shows the new name from fra, and the old name before fra and before the change', async () => {
    const result = await renameOrganisationEnhed(store, uuid, 'Byggeri og Miljø', {
      fra: NEW_NAME_FROM,
      aktoer: 'jb-mette',
      tid: RENAMED,
    });
    expect(result).toEqual({ version: 2, tid: RENAMED });
    const now = new Date();
    expect(await navnAt(store, uuid, '2025-06-01', now)).toBe('Byggeri og Miljø');
    // An earlier Virkningstid: the name valid then.
    expect(await navnAt(store, uuid, '2024-06-01', now)).toBe('Byg og Miljø');
    // An earlier Registreringstid: what was known then, even for a later Virkningstid.
    expect(await navnAt(store, uuid, '2025-06-01', new Date('2024-12-31T00:00:00Z'))).toBe(
      'Byg og Miljø',
    );
  });

  it('records the change as a RETTET registration by the aktoer, keeping the first', async () => {
    await renameOrganisationEnhed(store, uuid, 'Byggeri og Miljø', {
      fra: NEW_NAME_FROM,
      aktoer: 'jb-mette',
      tid: RENAMED,
      note: 'Ny struktur',
    });
    const history = await store.findHistory('OrganisationEnhed', uuid);
    expect(
      history.map(({ nr, fra, til, livscyklus, aktoer, note }) => ({
        nr,
        fra,
        til,
        livscyklus,
        aktoer,
        note,
      })),
    ).toEqual([
      { nr: 1, fra: CREATED, til: RENAMED, livscyklus: 'OPSTAAET', aktoer: 'import', note: null },
      {
        nr: 2,
        fra: RENAMED,
        til: null,
        livscyklus: 'RETTET',
        aktoer: 'jb-mette',
        note: 'Ny struktur',
      },
    ]);
    expect(history[1]?.virkninger.map((v) => [v.fra, v.til, v.data.navn])).toEqual([
      [VALID_FROM, NEW_NAME_FROM, 'Byg og Miljø'],
      [NEW_NAME_FROM, null, 'Byggeri og Miljø'],
    ]);
  });

  it('fails with VERSION_CONFLICT when the unit changed since the caller read it', async () => {
    await renameOrganisationEnhed(store, uuid, 'A', { fra: NEW_NAME_FROM, aktoer: 'x' });
    await expect(
      renameOrganisationEnhed(store, uuid, 'B', {
        fra: NEW_NAME_FROM,
        aktoer: 'y',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('fails with ORGANISATION_ENHED_NOT_FOUND for an unknown unit', async () => {
    await expect(
      renameOrganisationEnhed(store, '00000000-0000-4000-8000-000000000000', 'A', {
        fra: NEW_NAME_FROM,
        aktoer: 'x',
      }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_ENHED_NOT_FOUND' });
  });

  it('rejects an empty name with BAD_USER_INPUT on navn', async () => {
    await expect(
      renameOrganisationEnhed(store, uuid, ' ', { fra: NEW_NAME_FROM, aktoer: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'navn' } });
  });

  it('rejects a malformed uuid with BAD_USER_INPUT on uuid', async () => {
    await expect(
      renameOrganisationEnhed(store, 'jb-bm', 'Byg', { fra: NEW_NAME_FROM, aktoer: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'uuid' } });
  });
});
