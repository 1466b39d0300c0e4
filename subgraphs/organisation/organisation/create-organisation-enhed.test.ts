import { createEmbeddedStore } from '../../kit/store/embedded-store';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createOrganisation } from './create-organisation';
import { createOrganisationEnhed } from './create-organisation-enhed';
import type { KleTilknytningData } from './organisation-data';

const FRA = new Date('2020-01-01T00:00:00Z');
const OPTIONS = { fra: FRA, aktoer: 'test' };
const NOW = () => ({ virkningstid: new Date('2021-01-01'), registreringstid: new Date() });

async function createKommune(store: BitemporalStore, noegle: string, cvr: string) {
  const { uuid } = await createOrganisation(
    store,
    { brugervendtNoegle: noegle, navn: `${noegle} Kommune`, cvr, kommunekode: '0849' },
    OPTIONS,
  );
  return uuid;
}

describe('createOrganisationEnhed', () => {
  let store: BitemporalStore;
  let organisation: string;
  beforeEach(async () => {
    store = createEmbeddedStore();
    organisation = await createKommune(store, 'jb', '29189625');
  });

  it('lists units in tree order: each unit followed by its descendants, siblings by key', async () => {
    const create = (brugervendtNoegle: string, overordnet: string | null) =>
      createOrganisationEnhed(
        store,
        { brugervendtNoegle, navn: brugervendtNoegle, organisation, overordnet },
        OPTIONS,
      ).then((r) => r.uuid);
    const root = await create('jb', null);
    const tm = await create('jb-tm', root);
    const bf = await create('jb-bf', root);
    await create('jb-tm-bm', tm);
    await create('jb-bf-fa', bf);
    // A sibling whose key extends another's must not land inside that one's subtree.
    await create('jb-bf2', root);
    const page = await store.search({ type: 'OrganisationEnhed', at: NOW(), first: 100 });
    expect(page.items.map((i) => i.data.brugervendtNoegle)).toEqual([
      'jb',
      'jb-bf',
      'jb-bf-fa',
      'jb-bf2',
      'jb-tm',
      'jb-tm-bm',
    ]);
  });

  it('stores the KLE tags with canonical uuids', async () => {
    const { uuid } = await createOrganisationEnhed(
      store,
      {
        brugervendtNoegle: 'jb',
        navn: 'Jammerbugt Kommune',
        organisation,
        kle: [{ aspekt: 'ANSVARLIG', klasse: 'E9073DC0-8967-4A20-A1BE-BFD999A1C138' }],
      },
      OPTIONS,
    );
    const [found] = await store.findByIds('OrganisationEnhed', [uuid], NOW());
    expect(found?.data).toEqual({
      brugervendtNoegle: 'jb',
      navn: 'Jammerbugt Kommune',
      organisation,
      overordnet: null,
      kle: [{ aspekt: 'ANSVARLIG', klasse: 'e9073dc0-8967-4a20-a1be-bfd999a1c138' }],
    });
  });

  it('rejects a unit of an organisation that does not exist when the unit starts', async () => {
    const attempt = createOrganisationEnhed(
      store,
      { brugervendtNoegle: 'x', navn: 'X', organisation },
      { ...OPTIONS, fra: new Date('2019-01-01') },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'organisation' },
    });
  });

  it('rejects a parent in another organisation', async () => {
    const other = await createKommune(store, 'br', '29189501');
    const { uuid: foreign } = await createOrganisationEnhed(
      store,
      { brugervendtNoegle: 'br', navn: 'Brønderslev Kommune', organisation: other },
      OPTIONS,
    );
    await expect(
      createOrganisationEnhed(
        store,
        { brugervendtNoegle: 'x', navn: 'X', organisation, overordnet: foreign },
        OPTIONS,
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'overordnet' } });
  });

  it('rejects an unknown parent', async () => {
    await expect(
      createOrganisationEnhed(
        store,
        {
          brugervendtNoegle: 'x',
          navn: 'X',
          organisation,
          overordnet: '00000000-0000-4000-8000-000000000000',
        },
        OPTIONS,
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'overordnet' } });
  });

  it.each([
    ['an unknown aspect', [{ aspekt: 'EJER', klasse: '5256fbc6-949f-4109-bb71-f6e257df84ba' }]],
    ['a malformed class', [{ aspekt: 'ANSVARLIG', klasse: '27.24.03' }]],
    [
      'the same tag twice',
      [
        { aspekt: 'ANSVARLIG', klasse: '5256fbc6-949f-4109-bb71-f6e257df84ba' },
        { aspekt: 'ANSVARLIG', klasse: '5256fbc6-949f-4109-bb71-f6e257df84ba' },
      ],
    ],
  ])('rejects KLE tags with %s', async (_case, kle) => {
    const attempt = createOrganisationEnhed(
      store,
      // The input comes from outside: the test sends what a client could send.
      { brugervendtNoegle: 'x', navn: 'X', organisation, kle: kle as KleTilknytningData[] },
      OPTIONS,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(attempt).rejects.toHaveProperty('details.field', expect.stringMatching(/^kle/));
  });
});
