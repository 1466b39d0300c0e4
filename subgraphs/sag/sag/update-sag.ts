import type { BitemporalStore, StoredObject } from '../../kit/store/bitemporal-store';
import { changeSag } from './change-sag';
import { parseOpdaterSagInput } from './parse-sag-input';
import type { ChangeOptions, SagData } from './sag-data';
import type { OpdaterSagInput } from './sag-input';

/** Changes the given fields of the case read at `version` (`opdaterSag`). */
export function updateSag(
  store: BitemporalStore,
  uuid: string,
  version: number,
  input: OpdaterSagInput,
  options: ChangeOptions,
): Promise<StoredObject<SagData>> {
  const patch = parseOpdaterSagInput(input);
  return changeSag(store, uuid, version, () => patch, options);
}
