import { BadUserInputError } from '../../kit/domain-error';
import type { BitemporalStore, PointInTime, StoredObject } from '../../kit/store/bitemporal-store';
import { STORE_TYPES, type OrganisationData } from './organisation-data';

/**
 * The organisation a new object refers to, as valid when the object's validity starts; throws
 * BAD_USER_INPUT on `organisation` when there is none, so nothing dangles from its start.
 */
export async function getOrganisationAt(
  store: BitemporalStore,
  uuid: string,
  at: PointInTime,
): Promise<StoredObject<OrganisationData>> {
  const [organisation] = await store.findByIds<OrganisationData>(
    STORE_TYPES.organisation,
    [uuid],
    at,
  );
  if (!organisation) {
    throw new BadUserInputError(
      `organisation ${uuid} does not exist at ${at.virkningstid.toISOString()}`,
      'organisation',
    );
  }
  return organisation;
}
