import DataLoader from 'dataloader';
import type {
  BitemporalStore,
  PointInTime,
  Registrering,
  StoredObject,
} from '../../kit/store/bitemporal-store';
import { STORE_TYPES, type KlassifikationData } from '../kle/klassifikation-data';
import { createRegistreringLoader } from './create-registrering-loader';

/** A Klassifikation as resolvers see it: the stored object at the request's instant. */
export type KlassifikationNode = StoredObject<KlassifikationData>;

export interface KlassifikationLoaders {
  /** Classifications by uuid; null where none is visible. */
  byUuid: DataLoader<string, KlassifikationNode | null>;
  registreringer: DataLoader<string, Registrering[]>;
}

/** Per-request loaders for classifications, all reading at `at`. */
export function createKlassifikationLoaders(
  store: BitemporalStore,
  at: PointInTime,
): KlassifikationLoaders {
  return {
    byUuid: new DataLoader((uuids) =>
      store.findByIds<KlassifikationData>(STORE_TYPES.klassifikation, uuids, at),
    ),
    registreringer: createRegistreringLoader(store, STORE_TYPES.klassifikation, at),
  };
}
