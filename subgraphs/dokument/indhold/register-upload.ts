import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { INDHOLD_STORE_TYPE, type IndholdData } from './indhold-data';

/** Records who uploaded the content `id` and when; the content is theirs until it is filed. */
export async function registerUpload(
  store: BitemporalStore,
  upload: { id: string; ejer: string; tid: Date },
): Promise<void> {
  const data: IndholdData = {
    ejer: upload.ejer,
    uploadet: upload.tid.toISOString(),
    tilknyttet: false,
  };
  await store.append<IndholdData>({
    type: INDHOLD_STORE_TYPE,
    uuid: upload.id,
    expectedVersion: 0,
    livscyklus: 'OPSTAAET',
    aktoer: upload.ejer,
    virkninger: [{ fra: upload.tid, til: null, data }],
    tid: upload.tid,
  });
}
