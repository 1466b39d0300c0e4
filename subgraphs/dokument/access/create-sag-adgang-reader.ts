import DataLoader from 'dataloader';
import type { Caller } from '../../kit/auth/caller';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { MAX_SAGER_PER_LOOKUP, type SagLookup } from '../sag-lookup/sag-lookup';

/**
 * One request's view of its documents' cases as the case index has them now. Built per request
 * (never shared), so nothing it learnt outlives the request: the first request after a case
 * changes sees the change.
 */
export interface SagAdgangReader {
  /**
   * The current attributes of those of these cases the caller may see, by uuid (missing and
   * hidden cases left out). Every case asked for in one tick costs one lookup together.
   */
  loadMany(uuids: readonly string[]): Promise<Map<string, AccessAttributes>>;
  /** A citizen's own cases by uuid (none for anyone else), asked once per request. */
  loadMine(): Promise<Map<string, AccessAttributes>>;
}

export function createSagAdgangReader(options: {
  sagLookup: SagLookup;
  caller: Caller;
  token: string | null;
}): SagAdgangReader {
  const { sagLookup, caller, token } = options;
  const loader = new DataLoader<string, AccessAttributes | null>(
    (uuids) => sagLookup.findSager(uuids, token),
    { maxBatchSize: MAX_SAGER_PER_LOOKUP },
  );
  let mine: Promise<Map<string, AccessAttributes>> | undefined;
  return {
    async loadMany(uuids) {
      const unique = [...new Set(uuids)];
      const found = await loader.loadMany(unique);
      const sager = new Map<string, AccessAttributes>();
      found.forEach((attributes, i) => {
        if (attributes instanceof Error) throw attributes;
        const uuid = unique[i];
        if (attributes !== null && uuid !== undefined) sager.set(uuid, attributes);
      });
      return sager;
    },
    loadMine() {
      mine ??=
        caller.kind === 'BORGER'
          ? sagLookup.findMineSager(caller.cpr, token).then((sager) => {
              for (const [uuid, attributes] of sager) loader.prime(uuid, attributes);
              return sager;
            })
          : Promise.resolve(new Map());
      return mine;
    },
  };
}
