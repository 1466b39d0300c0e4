import type { BitemporalStore } from '../subgraphs/kit/store/bitemporal-store';

export type StoreMethod = keyof BitemporalStore;

export interface CountedStore {
  store: BitemporalStore;
  /** Calls per store method since the last reset. */
  calls: Record<StoreMethod, number>;
  reset(): void;
}

/** Wraps a store so a test can count the reads a query causes. */
export function countStoreCalls(inner: BitemporalStore): CountedStore {
  const calls = {} as Record<StoreMethod, number>;
  const reset = (): void => {
    for (const method of [
      'append',
      'findByIds',
      'search',
      'findHistory',
      'nextSequence',
      'ping',
      'close',
    ] as const) {
      calls[method] = 0;
    }
  };
  reset();
  const store: BitemporalStore = {
    append: (input) => ((calls.append += 1), inner.append(input)),
    findByIds: (type, uuids, at) => ((calls.findByIds += 1), inner.findByIds(type, uuids, at)),
    search: (query) => ((calls.search += 1), inner.search(query)),
    findHistory: (type, uuid) => ((calls.findHistory += 1), inner.findHistory(type, uuid)),
    nextSequence: (name) => ((calls.nextSequence += 1), inner.nextSequence(name)),
    ping: () => ((calls.ping += 1), inner.ping()),
    close: () => ((calls.close += 1), inner.close()),
  };
  return { store, calls, reset };
}
