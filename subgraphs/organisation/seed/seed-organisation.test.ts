import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { SEED_FRA, SEED_KLE } from './seed-data';
import { SEED_IDS } from './seed-ids';
import { seedOrganisation } from './seed-organisation';

const NOW = () => ({ virkningstid: new Date(), registreringstid: new Date() });

function countAppends(store: BitemporalStore): { store: BitemporalStore; appends: () => number } {
  let appends = 0;
  return {
    store: {
      ...store,
      append: (input) => {
        appends += 1;
        return store.append(input);
      },
    },
    appends: () => appends,
  };
}

describe('seedOrganisation', () => {
  it('registers five municipalities with 8 units each and 12 users', async () => {
    const store = createEmbeddedStore();
    expect(await seedOrganisation(store)).toEqual({ created: 57, existing: 0 });
    const count = async (type: string) =>
      (await store.search({ type, at: NOW(), first: 1 })).totalCount;
    expect(await count('Organisation')).toBe(5);
    expect(await count('OrganisationEnhed')).toBe(40);
    expect(await count('Bruger')).toBe(12);
  });

  it('appends nothing when run again', async () => {
    const counted = countAppends(createEmbeddedStore());
    await seedOrganisation(counted.store);
    expect(counted.appends()).toBe(57);
    expect(await seedOrganisation(counted.store)).toEqual({ created: 0, existing: 57 });
    expect(counted.appends()).toBe(57);
  });

  it('gives every object a uuid that SEED_IDS names, valid from the municipal reform', async () => {
    const store = createEmbeddedStore();
    await seedOrganisation(store);
    const { jammerbugt, laesoe } = SEED_IDS;
    const [organisation] = await store.findByIds('Organisation', [jammerbugt.organisation], NOW());
    expect(organisation?.data).toEqual({
      brugervendtNoegle: 'jammerbugt',
      navn: 'Jammerbugt Kommune',
      cvr: '29189625',
      kommunekode: '0849',
    });
    const [bygOgMiljoe] = await store.findByIds(
      'OrganisationEnhed',
      [jammerbugt.enheder.bygOgMiljoe],
      NOW(),
    );
    expect(bygOgMiljoe?.data).toEqual({
      brugervendtNoegle: 'jb-bm',
      navn: 'Byg og Miljø',
      organisation: jammerbugt.organisation,
      overordnet: jammerbugt.enheder.teknikOgMiljoe,
      kle: [{ aspekt: 'ANSVARLIG', klasse: SEED_KLE.byggetilladelse }],
    });
    const [birgitte] = await store.findByIds('Bruger', [laesoe.brugere.birgitte], NOW());
    expect(birgitte?.data).toMatchObject({
      brugervendtNoegle: 'ls-birgitte',
      organisation: laesoe.organisation,
      enheder: [laesoe.enheder.bygOgMiljoe, laesoe.enheder.ejendomsskat],
    });
    const [registrering] = await store.findHistory('Bruger', laesoe.brugere.birgitte);
    expect(registrering).toMatchObject({ livscyklus: 'IMPORTERET', aktoer: 'seed' });
    expect(registrering?.virkninger[0]?.fra).toEqual(SEED_FRA);
  });

  it('uses the same uuids in every run', () => {
    expect(SEED_IDS.jammerbugt.brugere.mette).toBe('10372946-d8d3-55bb-814c-92ec9cd84bf3');
    const all = Object.values(SEED_IDS).flatMap((k) => [
      k.organisation,
      ...Object.values(k.enheder),
      ...Object.values(k.brugere),
    ]);
    expect(new Set(all).size).toBe(57);
  });
});
