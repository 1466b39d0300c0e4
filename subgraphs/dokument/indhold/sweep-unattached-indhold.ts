import type { ContentStore } from '../../kit/content/content-store';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { DOKUMENT_STORE_TYPE } from '../dokument/dokument-data';
import { INDHOLD_STORE_TYPE, type IndholdData } from './indhold-data';

/** Uploads handled per store search. */
const SWEEP_PAGE_SIZE = 100;

export interface SweepResult {
  /** Contents no document held, now deleted. */
  removed: number;
  /** Contents a document turned out to hold, now marked as attached. */
  kept: number;
}

/**
 * Deletes the content of every upload older than `ttlMs` that no document holds, and passivates
 * its record. A document is looked for before each removal, so a content whose attachment was
 * never marked is kept (and marked). The TTL must be longer than the attach window, so no
 * document can still be filed with a content once it is removed. Time comes from `now`.
 */
export async function sweepUnattachedIndhold(deps: {
  store: BitemporalStore;
  contentStore: ContentStore;
  ttlMs: number;
  now: () => Date;
}): Promise<SweepResult> {
  const { store, contentStore } = deps;
  const tid = deps.now();
  const at = { virkningstid: tid, registreringstid: tid };
  const cutoff = new Date(tid.getTime() - deps.ttlMs).toISOString();
  const result: SweepResult = { removed: 0, kept: 0 };
  for (;;) {
    // Every upload handled leaves the search (passivated or attached): always the first page.
    const page = await store.search<IndholdData>({
      type: INDHOLD_STORE_TYPE,
      at,
      filter: { tilknyttet: { eq: false }, uploadet: { lt: cutoff } },
      first: SWEEP_PAGE_SIZE,
    });
    if (page.items.length === 0) return result;
    for (const upload of page.items) {
      const holders = await store.search({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter: { 'varianter.dele.indholdId': { eq: upload.uuid } },
        first: 1,
      });
      const held = holders.items.length > 0;
      if (!held) await contentStore.remove(upload.uuid);
      await store.append<IndholdData>({
        type: INDHOLD_STORE_TYPE,
        uuid: upload.uuid,
        expectedVersion: upload.version,
        livscyklus: held ? 'RETTET' : 'PASSIVERET',
        aktoer: 'system:indhold-sweep',
        virkninger: [
          {
            fra: new Date(upload.data.uploadet),
            til: null,
            data: { ...upload.data, tilknyttet: held },
          },
        ],
        tid,
      });
      if (held) result.kept += 1;
      else result.removed += 1;
    }
  }
}
