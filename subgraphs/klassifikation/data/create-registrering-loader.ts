import DataLoader from 'dataloader';
import type { BitemporalStore, PointInTime, Registrering } from '../../kit/store/bitemporal-store';
import { selectKnownRegistreringer } from '../../kit/store/select-known-registreringer';

/** An object's registrations by uuid, as known at the request's registration time. */
export function createRegistreringLoader(
  store: BitemporalStore,
  type: string,
  at: PointInTime,
): DataLoader<string, Registrering[]> {
  // The port reads one history at a time; the loader still removes repeated reads per request.
  return new DataLoader(async (uuids) =>
    Promise.all(
      uuids.map(async (uuid) =>
        selectKnownRegistreringer(await store.findHistory(type, uuid), at.registreringstid),
      ),
    ),
  );
}
