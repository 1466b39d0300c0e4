import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { importKle, type ImportKleResult } from '../kle/import-kle';

/** The project's own small KLE seed: real rows of KL's file, with their UUIDs. */
export const KLE_SEED_FILE = join(__dirname, 'kle-seed.csv');

/** Who the seed's registrations name as their author. */
export const SEED_AKTOER = 'seed';

/**
 * Imports the KLE seed (KLE, its facets and a few dozen classes used by the demo data).
 * Idempotent: seeding a store that has it already appends nothing.
 */
export function seedKlassifikation(
  store: BitemporalStore,
  options: { now?: () => Date } = {},
): Promise<ImportKleResult> {
  return importKle(store, readFileSync(KLE_SEED_FILE, 'utf8'), {
    aktoer: SEED_AKTOER,
    now: options.now,
  });
}
