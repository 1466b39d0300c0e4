import { BadUserInputError } from '../../kit/domain-error';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { createOrganisation, type OrganisationInput } from './create-organisation';

const FRA = new Date('2020-01-01T00:00:00Z');
const VALID: OrganisationInput = {
  brugervendtNoegle: 'jammerbugt',
  navn: 'Jammerbugt Kommune',
  cvr: '29189625',
  kommunekode: '0849',
};

describe('createOrganisation', () => {
  it('registers the organisation valid from fra, as a new object', async () => {
    const store = createEmbeddedStore();
    const { uuid, version } = await createOrganisation(store, VALID, { fra: FRA, aktoer: 'test' });
    expect(version).toBe(1);
    const at = { virkningstid: new Date('2021-01-01'), registreringstid: new Date() };
    const [found] = await store.findByIds('Organisation', [uuid], at);
    expect(found?.data).toEqual(VALID);
    const before = { ...at, virkningstid: new Date('2019-12-31') };
    expect(await store.findByIds('Organisation', [uuid], before)).toEqual([null]);
    const [registrering] = await store.findHistory('Organisation', uuid);
    expect(registrering).toMatchObject({ livscyklus: 'OPSTAAET', aktoer: 'test' });
  });

  it('keeps a non-municipality without kommunekode', async () => {
    const store = createEmbeddedStore();
    const { uuid } = await createOrganisation(
      store,
      { brugervendtNoegle: 'kl', navn: 'KL', cvr: '55133018' },
      { fra: FRA, aktoer: 'test' },
    );
    const [found] = await store.findByIds('Organisation', [uuid], {
      virkningstid: FRA,
      registreringstid: new Date(),
    });
    expect(found?.data).toMatchObject({ kommunekode: null });
  });

  it.each([
    ['a CVR of 7 digits', { cvr: '2918962' }, 'cvr'],
    ['a CVR with letters', { cvr: '2918962x' }, 'cvr'],
    ['a CVR with spaces', { cvr: '29 18 96 25' }, 'cvr'],
    ['a kommunekode of 3 digits', { kommunekode: '849' }, 'kommunekode'],
    ['a kommunekode with a letter', { kommunekode: '08a9' }, 'kommunekode'],
    ['an empty name', { navn: '  ' }, 'navn'],
    ['a name with a control character', { navn: 'Jammer\u0001bugt' }, 'navn'],
    ['a name of 201 characters', { navn: 'x'.repeat(201) }, 'navn'],
    ['a malformed uuid', { uuid: 'not-a-uuid' }, 'uuid'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, change, field) => {
    const store = createEmbeddedStore();
    const attempt = createOrganisation(store, { ...VALID, ...change }, { fra: FRA, aktoer: 'x' });
    await expect(attempt).rejects.toThrow(BadUserInputError);
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it.each([
    ['an empty aktoer', { fra: FRA, aktoer: '' }, 'aktoer'],
    ['an invalid fra', { fra: new Date('nonsense'), aktoer: 'x' }, 'fra'],
    ['a til before fra', { fra: FRA, til: new Date('2019-01-01'), aktoer: 'x' }, 'til'],
  ])('rejects %s', async (_case, options, field) => {
    const store = createEmbeddedStore();
    await expect(createOrganisation(store, VALID, options)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
  });

  it('refuses a second object with the same uuid', async () => {
    const store = createEmbeddedStore();
    const { uuid } = await createOrganisation(store, VALID, { fra: FRA, aktoer: 'x' });
    await expect(
      createOrganisation(store, { ...VALID, uuid }, { fra: FRA, aktoer: 'x' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});
