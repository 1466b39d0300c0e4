import DataLoader from 'dataloader';
import type {
  BitemporalStore,
  PointInTime,
  Registrering,
  StoredObject,
} from '../../kit/store/bitemporal-store';
import { KLE_FACETTER } from '../kle/kle-klassifikation';
import { STORE_TYPES, type KlasseData } from '../kle/klassifikation-data';
import { createRegistreringLoader } from './create-registrering-loader';
import { searchAll } from './search-all';

/** A Klasse as resolvers see it: the stored object at the request's instant. */
export type KlasseNode = StoredObject<KlasseData>;

export interface KlasseLoaders {
  /** Classes by uuid; null where none is visible. */
  byUuid: DataLoader<string, KlasseNode | null>;
  /** KLE classes by canonical number (`02.34.02`, `G01`); null where none is visible. */
  byNummer: DataLoader<string, KlasseNode | null>;
  /** The direct children of a class, by the parent's uuid, in key order. */
  underklasser: DataLoader<string, KlasseNode[]>;
  registreringer: DataLoader<string, Registrering[]>;
}

const KLE_FACET_UUIDS = [KLE_FACETTER.Emne.uuid, KLE_FACETTER.Handlingsfacet.uuid];

/** Per-request loaders for classes, all reading at `at`. */
export function createKlasseLoaders(store: BitemporalStore, at: PointInTime): KlasseLoaders {
  const byUuid = new DataLoader<string, KlasseNode | null>((uuids) =>
    store.findByIds<KlasseData>(STORE_TYPES.klasse, uuids, at),
  );
  // A class found another way is the same object at the same instant: later loads by uuid
  // (overklasse, sti) need no store call.
  const remember = (klasser: readonly KlasseNode[]): void => {
    for (const klasse of klasser) byUuid.prime(klasse.uuid, klasse);
  };

  const byNummer = new DataLoader<string, KlasseNode | null>(async (numre) => {
    const found = await searchAll<KlasseData>(store, {
      type: STORE_TYPES.klasse,
      at,
      filter: { brugervendtNoegle: { in: [...numre] }, facet: { in: KLE_FACET_UUIDS } },
    });
    remember(found);
    const byKey = new Map(found.map((k) => [k.data.brugervendtNoegle, k]));
    return numre.map((nummer) => byKey.get(nummer) ?? null);
  });

  const underklasser = new DataLoader<string, KlasseNode[]>(async (parents) => {
    const found = await searchAll<KlasseData>(store, {
      type: STORE_TYPES.klasse,
      at,
      filter: { overklasse: { in: [...parents] } },
    });
    remember(found);
    const byParent = new Map<string, KlasseNode[]>(parents.map((p) => [p, []]));
    // The search returns key order, and grouping keeps it.
    for (const klasse of found) {
      if (klasse.data.overklasse !== null) byParent.get(klasse.data.overklasse)?.push(klasse);
    }
    return parents.map((parent) => byParent.get(parent) ?? []);
  });

  return {
    byUuid,
    byNummer,
    underklasser,
    registreringer: createRegistreringLoader(store, STORE_TYPES.klasse, at),
  };
}
