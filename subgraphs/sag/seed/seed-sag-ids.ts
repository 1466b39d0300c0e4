import { getUuidV5 } from '../../kit/get-uuid-v5';
import { ORGANISATION_REFS } from './organisation-refs';

/** The namespace of the seeded cases and buildings; the dokument seed uses it too. */
export const SEED_SAG_NAMESPACE = 'c3c1c6a4-6f0e-4d1a-9a53-6f1b8a2f0d11';

/** Cases seeded per municipality, numbered 1..SEED_SAGER_PER_KOMMUNE. */
export const SEED_SAGER_PER_KOMMUNE = 6;

/** The uuid of seeded case `n` (1..6) of the municipality with `kommunekode` (e.g. `0849`). */
export function getSeedSagUuid(kommunekode: string, n: number): string {
  return getUuidV5(`sag-seed:${kommunekode}:${n}`, SEED_SAG_NAMESPACE);
}

/** The BBR id of seeded building `n` of the municipality with `kommunekode`. */
export function getSeedBygningId(kommunekode: string, n: number): string {
  return getUuidV5(`bygning-seed:${kommunekode}:${n}`, SEED_SAG_NAMESPACE);
}

/** The seeded buildings by kommunekode: cases 1, 2 and 5 concern buildings 1, 2 and 5. */
export const SEED_BYGNING_IDS: Readonly<Record<string, Readonly<Record<1 | 2 | 5, string>>>> =
  Object.fromEntries(
    Object.values(ORGANISATION_REFS).map(({ kommunekode }) => [
      kommunekode,
      {
        1: getSeedBygningId(kommunekode, 1),
        2: getSeedBygningId(kommunekode, 2),
        5: getSeedBygningId(kommunekode, 5),
      },
    ]),
  );
