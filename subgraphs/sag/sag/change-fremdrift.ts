import { BadUserInputError } from '../../kit/domain-error';
import type { BitemporalStore, StoredObject } from '../../kit/store/bitemporal-store';
import { assertFremdriftTransition } from './assert-fremdrift-transition';
import { assertOptionalLongText } from './assert-optional-long-text';
import { changeSag } from './change-sag';
import {
  FREMDRIFT,
  MAX_NOTE_LENGTH,
  type ChangeOptions,
  type Fremdrift,
  type SagData,
} from './sag-data';

/** Moves the case read at `version` to `fremdrift` (`skiftFremdrift`); the note is kept with it. */
export function changeFremdrift(
  store: BitemporalStore,
  uuid: string,
  version: number,
  fremdrift: Fremdrift,
  options: ChangeOptions,
): Promise<StoredObject<SagData>> {
  if (!FREMDRIFT.includes(fremdrift)) {
    throw new BadUserInputError(`fremdrift must be one of ${FREMDRIFT.join(', ')}`, 'fremdrift');
  }
  const note = assertOptionalLongText(options.note, 'note', MAX_NOTE_LENGTH);
  return changeSag(
    store,
    uuid,
    version,
    (current) => {
      assertFremdriftTransition(current.fremdrift, fremdrift);
      return { fremdrift };
    },
    { ...options, note },
  );
}
