import DataLoader from 'dataloader';
import type {
  BitemporalStore,
  PointInTime,
  Registrering,
  StoredObject,
} from '../../kit/store/bitemporal-store';
import { STORE_TYPES, type FacetData } from '../kle/klassifikation-data';
import { createRegistreringLoader } from './create-registrering-loader';
import { searchAll } from './search-all';

/** A Facet as resolvers see it: the stored object at the request's instant. */
export type FacetNode = StoredObject<FacetData>;

export interface FacetLoaders {
  /** Facets by uuid; null where none is visible. */
  byUuid: DataLoader<string, FacetNode | null>;
  /** The facets of a classification, by its uuid, in key order. */
  byKlassifikation: DataLoader<string, FacetNode[]>;
  registreringer: DataLoader<string, Registrering[]>;
}

/** Per-request loaders for facets, all reading at `at`. */
export function createFacetLoaders(store: BitemporalStore, at: PointInTime): FacetLoaders {
  const byUuid = new DataLoader<string, FacetNode | null>((uuids) =>
    store.findByIds<FacetData>(STORE_TYPES.facet, uuids, at),
  );
  const byKlassifikation = new DataLoader<string, FacetNode[]>(async (klassifikationer) => {
    const found = await searchAll<FacetData>(store, {
      type: STORE_TYPES.facet,
      at,
      filter: { klassifikation: { in: [...klassifikationer] } },
    });
    const grouped = new Map<string, FacetNode[]>(klassifikationer.map((k) => [k, []]));
    for (const facet of found) {
      byUuid.prime(facet.uuid, facet);
      grouped.get(facet.data.klassifikation)?.push(facet);
    }
    return klassifikationer.map((k) => grouped.get(k) ?? []);
  });
  return {
    byUuid,
    byKlassifikation,
    registreringer: createRegistreringLoader(store, STORE_TYPES.facet, at),
  };
}
