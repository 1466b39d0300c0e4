import { assertText } from '../../kit/assert-text';
import { BadUserInputError, NotFoundError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import {
  INVISIBLE_LIVSCYKLUS,
  type AppendResult,
  type BitemporalStore,
} from '../../kit/store/bitemporal-store';
import { patchTimeline } from '../../kit/store/virkning';
import { assertChangeOptions } from './assert-change-options';
import type { ChangeOptions } from './change-options';
import { MAX_NAVN_LENGTH, STORE_TYPES, type OrganisationEnhedData } from './organisation-data';

export interface RenameOptions extends ChangeOptions {
  /** The version the caller saw; a later one fails with VERSION_CONFLICT. @default the current */
  expectedVersion?: number;
}

/**
 * Gives a unit a new name from `fra` on, as a RETTET registration. The periods before `fra` keep
 * the old name and the earlier registrations stay readable, so the old name is still seen at an
 * earlier Virkningstid and at an earlier Registreringstid.
 */
export async function renameOrganisationEnhed(
  store: BitemporalStore,
  uuid: string,
  navn: string,
  options: RenameOptions,
): Promise<AppendResult> {
  const checked = assertChangeOptions(options);
  const id = assertUuid(uuid, 'uuid');
  const newNavn = assertText(navn, 'navn', MAX_NAVN_LENGTH);
  const history = await store.findHistory<OrganisationEnhedData>(STORE_TYPES.organisationEnhed, id);
  const current = history[history.length - 1];
  if (!current || INVISIBLE_LIVSCYKLUS.includes(current.livscyklus)) {
    throw new NotFoundError('ORGANISATION_ENHED_NOT_FOUND', `No unit ${id}`);
  }
  const fra = checked.fra.getTime();
  if (!current.virkninger.some((v) => v.til === null || v.til.getTime() > fra)) {
    throw new BadUserInputError('The unit is not valid at or after fra', 'fra');
  }
  return store.append<OrganisationEnhedData>({
    type: STORE_TYPES.organisationEnhed,
    uuid: id,
    expectedVersion: checked.expectedVersion ?? current.nr,
    livscyklus: 'RETTET',
    aktoer: checked.aktoer,
    note: checked.note ?? null,
    virkninger: patchTimeline(current.virkninger, { navn: newNavn }, checked.fra),
    tid: checked.tid,
  });
}
