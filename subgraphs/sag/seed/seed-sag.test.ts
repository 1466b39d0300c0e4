import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import type { SagData } from '../sag/sag-data';
import { ORGANISATION_REFS } from './organisation-refs';
import { seedSag } from './seed-sag';
import { getSeedSagUuid, SEED_BYGNING_IDS } from './seed-sag-ids';

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

describe('seedSag', () => {
  it('registers six cases per municipality, each with at least two registrations', async () => {
    const store = createEmbeddedStore();
    expect(await seedSag(store)).toEqual({
      created: 30,
      existing: 0,
      registreringer: 70,
      systemWriter: 'seed',
    });
    for (const { kommunekode, organisation } of Object.values(ORGANISATION_REFS)) {
      const page = await store.search<SagData>({
        type: 'Sag',
        at: NOW(),
        filter: { organisation: { eq: organisation } },
        first: 10,
      });
      expect(page.totalCount).toBe(6);
      for (let n = 1; n <= 6; n += 1) {
        const history = await store.findHistory('Sag', getSeedSagUuid(kommunekode, n));
        expect(history.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('gives the cases their stages, buildings and numbers', async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    const uuids = [1, 2, 3, 4, 5, 6].map((n) => getSeedSagUuid('0849', n));
    const found = await store.findByIds<SagData>('Sag', uuids, NOW());
    expect(found.map((s) => s?.data.fremdrift)).toEqual([
      'OPLYST',
      'OPSTAAET',
      'OPLYST',
      'AFGJORT',
      'AFSLUTTET',
      'OPSTAAET',
    ]);
    expect(found[0]?.data.bygninger).toEqual([SEED_BYGNING_IDS['0849']?.[1]]);
    expect(found[2]?.data.foelsomhed).toBe('FOELSOM');
    expect(found[3]?.data.parter[0]?.cvr).toMatch(/^\d{8}$/);
    expect(found.map((s) => s?.data.sagsnummer)).toEqual([
      '2025-000001',
      '2025-000002',
      '2025-000003',
      '2025-000004',
      '2025-000005',
      '2025-000006',
    ]);
  });

  it('appends nothing when run again', async () => {
    const counted = countAppends(createEmbeddedStore());
    await seedSag(counted.store);
    expect(counted.appends()).toBe(70);
    expect(await seedSag(counted.store)).toEqual({
      created: 0,
      existing: 30,
      registreringer: 0,
      systemWriter: 'seed',
    });
    expect(counted.appends()).toBe(70);
  });

  it('computes the uuids other seeds rely on', () => {
    // The dokument seed computes the same name-based uuids; a change here breaks its references.
    expect(getSeedSagUuid('0849', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
    expect(getSeedSagUuid('0849', 1)).not.toBe(getSeedSagUuid('0810', 1));
  });
});
