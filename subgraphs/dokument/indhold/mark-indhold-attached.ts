import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { INDHOLD_STORE_TYPE, type IndholdData } from './indhold-data';

/**
 * Marks uploads as held by a document, so the sweep passes them by. Only an optimisation of the
 * sweep, which looks for documents holding a content before it removes it: a failure here loses
 * nothing.
 */
export async function markIndholdAttached(
  store: BitemporalStore,
  indholdIds: readonly string[],
  options: { aktoer: string; tid: Date },
): Promise<void> {
  const at = { virkningstid: options.tid, registreringstid: options.tid };
  const uploads = await store.findByIds<IndholdData>(
    INDHOLD_STORE_TYPE,
    [...new Set(indholdIds)],
    at,
  );
  for (const upload of uploads) {
    if (upload === null || upload.data.tilknyttet) continue;
    await store.append<IndholdData>({
      type: INDHOLD_STORE_TYPE,
      uuid: upload.uuid,
      expectedVersion: upload.version,
      livscyklus: 'RETTET',
      aktoer: options.aktoer,
      virkninger: [
        {
          fra: new Date(upload.data.uploadet),
          til: null,
          data: { ...upload.data, tilknyttet: true },
        },
      ],
      tid: options.tid,
    });
  }
}
