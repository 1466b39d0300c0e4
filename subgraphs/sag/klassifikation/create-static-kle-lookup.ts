import type { KleKlasse, KleLookup } from './kle-lookup';

/** A KLE over fixed classes: for tests, and for writers whose data names only known classes. */
export function createStaticKleLookup(klasser: readonly KleKlasse[]): KleLookup {
  const byUuid = new Map(klasser.map((klasse) => [klasse.uuid.toLowerCase(), klasse]));
  return {
    findKlasse: async (uuid) => {
      const found = byUuid.get(uuid.toLowerCase());
      return found ? { ...found } : null;
    },
  };
}
