import { createEmbeddedStore } from '../../kit/store/embedded-store';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createBruger } from './create-bruger';
import { createOrganisation } from './create-organisation';
import { createOrganisationEnhed } from './create-organisation-enhed';

const OPTIONS = { fra: new Date('2020-01-01T00:00:00Z'), aktoer: 'test' };

describe('createBruger', () => {
  let store: BitemporalStore;
  let organisation: string;
  let enhed: string;
  let foreignEnhed: string;
  beforeEach(async () => {
    store = createEmbeddedStore();
    organisation = (
      await createOrganisation(
        store,
        { brugervendtNoegle: 'jb', navn: 'Jammerbugt Kommune', cvr: '29189625' },
        OPTIONS,
      )
    ).uuid;
    enhed = (
      await createOrganisationEnhed(
        store,
        { brugervendtNoegle: 'jb', navn: 'Jammerbugt Kommune', organisation },
        OPTIONS,
      )
    ).uuid;
    const other = (
      await createOrganisation(
        store,
        { brugervendtNoegle: 'br', navn: 'Brønderslev Kommune', cvr: '29189501' },
        OPTIONS,
      )
    ).uuid;
    foreignEnhed = (
      await createOrganisationEnhed(
        store,
        { brugervendtNoegle: 'br', navn: 'Brønderslev Kommune', organisation: other },
        OPTIONS,
      )
    ).uuid;
  });

  it('registers a user working in units of the organisation', async () => {
    const { uuid } = await createBruger(
      store,
      { brugervendtNoegle: 'jb-mette', navn: 'Mette Kjær Nielsen', organisation, enheder: [enhed] },
      OPTIONS,
    );
    const [found] = await store.findByIds('Bruger', [uuid], {
      virkningstid: new Date('2021-01-01'),
      registreringstid: new Date(),
    });
    expect(found?.data).toEqual({
      brugervendtNoegle: 'jb-mette',
      navn: 'Mette Kjær Nielsen',
      organisation,
      enheder: [enhed],
    });
  });

  it.each([
    ['a unit of another organisation', () => [foreignEnhed]],
    ['an unknown unit', () => ['00000000-0000-4000-8000-000000000000']],
    ['the same unit twice', () => [enhed, enhed]],
    ['a malformed unit uuid', () => ['jb-bm']],
  ])('rejects %s', async (_case, enheder) => {
    await expect(
      createBruger(
        store,
        { brugervendtNoegle: 'jb-x', navn: 'X', organisation, enheder: enheder() },
        OPTIONS,
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'enheder' } });
  });
});
