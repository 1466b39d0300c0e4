import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countStoreCalls } from '../../../test/count-store-calls';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { KLE_SEED_FILE, seedKlassifikation } from './seed-klassifikation';

const KLE_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'kle',
  'kle-emneplan.csv',
);

describe('seedKlassifikation', () => {
  it('imports the seed once and appends nothing when run again', async () => {
    const counted = countStoreCalls(createEmbeddedStore());
    expect(await seedKlassifikation(counted.store)).toEqual({
      created: 33,
      changed: 0,
      unchanged: 0,
    });
    counted.reset();
    expect(await seedKlassifikation(counted.store)).toEqual({
      created: 0,
      changed: 0,
      unchanged: 33,
    });
    expect(counted.calls.append).toBe(0);
  });

  it("holds only rows of KL's file, verbatim, so UUIDs agree with a full import", () => {
    const reference = new Set(readFileSync(KLE_FILE, 'utf8').split('\r\n'));
    const [header, ...rows] = readFileSync(KLE_SEED_FILE, 'utf8').split('\r\n').filter(Boolean);
    expect(header).toBe('UUID,EmneNr,EmneTitel');
    expect(rows).toHaveLength(33);
    expect(rows.filter((row) => !reference.has(row))).toEqual([]);
  });
});
