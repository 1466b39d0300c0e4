import type { BitemporalStore, StoredObject } from '../../kit/store/bitemporal-store';
import { changeSag } from './change-sag';
import { parseOpdaterSagInput } from './parse-sag-input';
import type { FieldChangeOptions, SagData } from './sag-data';
import type { OpdaterSagInput } from './sag-input';

/**
 * Changes the given fields of the case read at `version` (`opdaterSag`). What the changes refer
 * to is checked against the case before access is decided.
 */
export function updateSag(
  store: BitemporalStore,
  uuid: string,
  version: number,
  input: OpdaterSagInput,
  options: FieldChangeOptions,
): Promise<StoredObject<SagData>> {
  const patch = parseOpdaterSagInput(input);
  return changeSag(
    store,
    uuid,
    version,
    (current) => options.references.checkPatch(current, patch),
    options,
  );
}
