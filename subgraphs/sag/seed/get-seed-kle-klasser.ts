import type { KleKlasse } from '../klassifikation/kle-lookup';
import { SEED_HANDLINGSFACETTER, SEED_KLE } from './seed-sag-data';

/** The handlingsfacetter' numbers, as KL's KLE (and the klassifikation seed) has them. */
const HANDLINGSFACET_NUMRE: Record<keyof typeof SEED_HANDLINGSFACETTER, string> = {
  klage: 'K02',
  aktindsigt: 'A53',
};

/** The KLE classes the seeded cases use: what the sag subgraph's tests verify cases against. */
export function getSeedKleKlasser(): KleKlasse[] {
  const emner = Object.values(SEED_KLE).map(
    ({ uuid, nummer }): KleKlasse => ({ uuid, nummer, niveau: 'EMNE' }),
  );
  const facetter = (
    Object.entries(SEED_HANDLINGSFACETTER) as [keyof typeof SEED_HANDLINGSFACETTER, string][]
  ).map(
    ([name, uuid]): KleKlasse => ({
      uuid,
      nummer: HANDLINGSFACET_NUMRE[name],
      niveau: 'HANDLINGSFACET',
    }),
  );
  return [...emner, ...facetter];
}
