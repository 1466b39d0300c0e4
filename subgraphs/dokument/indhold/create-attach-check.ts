import type { BitemporalStore, PointInTime } from '../../kit/store/bitemporal-store';
import type { DokumentAccess } from '../access/create-dokument-access';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import { getDokumentAdgang } from '../dokument/get-dokument-adgang';
import { INDHOLD_STORE_TYPE, type IndholdData } from './indhold-data';

/** How many documents holding a content are looked at to find one the caller may read. */
const MAX_HOLDERS = 20;

/**
 * Whether the caller may put the content `indholdId` into a new document: they uploaded it
 * themselves no longer than `windowMs` ago, or they may already read a document that holds it
 * (a new variant of what they see). Anything else, a content id learnt from somewhere included,
 * is refused, and looks to the caller exactly like an id that names nothing.
 */
export function createAttachCheck(options: {
  store: BitemporalStore;
  access: DokumentAccess;
  aktoer: string;
  tid: Date;
  windowMs: number;
}): (indholdId: string) => Promise<boolean> {
  const { store, access, aktoer, tid, windowMs } = options;
  const at: PointInTime = { virkningstid: tid, registreringstid: tid };
  return async (indholdId) => {
    const [upload] = await store.findByIds<IndholdData>(INDHOLD_STORE_TYPE, [indholdId], at);
    if (
      upload &&
      upload.data.ejer === aktoer &&
      tid.getTime() - Date.parse(upload.data.uploadet) <= windowMs
    ) {
      return true;
    }
    const holders = await store.search<DokumentData>({
      type: DOKUMENT_STORE_TYPE,
      at,
      filter: { 'varianter.dele.indholdId': { eq: indholdId } },
      first: MAX_HOLDERS,
      order: 'desc',
    });
    const sager = await access.sager.loadMany(holders.items.map((item) => item.data.sag));
    for (const item of holders.items) {
      const sagAdgang = sager.get(item.data.sag);
      if (sagAdgang === undefined) continue;
      const decision = await access.readAccess.decide(
        getDokumentAdgang(sagAdgang, item.data.foelsomhed),
      );
      if (decision.allowed) return true;
    }
    return false;
  };
}
