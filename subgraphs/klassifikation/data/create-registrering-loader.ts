import DataLoader from 'dataloader';
import type { BitemporalStore, PointInTime, Registrering } from '../../kit/store/bitemporal-store';

/**
 * The registrations known at `registreringstid`: later ones did not exist yet, and the one
 * current then was still open.
 */
export function selectKnownRegistreringer(
  history: readonly Registrering[],
  registreringstid: Date,
): Registrering[] {
  const time = registreringstid.getTime();
  return history
    .filter((r) => r.fra.getTime() <= time)
    .map((r) => (r.til !== null && r.til.getTime() > time ? { ...r, til: null } : r));
}

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
