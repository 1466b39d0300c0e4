import { getGroupsWithRole, type Caller } from '../../kit/auth/caller';

/**
 * Whether `caller` may see a user (a person's name and units) employed by the organisation with
 * CVR `organisationCvr` (null when that organisation is unknown at the request's instant, which
 * refuses). Only a municipal user holding `organisation:laes` in a group scoped to that same CVR
 * may; citizens and the anonymous caller never do. One group must grant both the role and the
 * municipality: roles are not combined across groups.
 */
export function canReadBruger(caller: Caller, organisationCvr: string | null): boolean {
  if (organisationCvr === null) return false;
  return getGroupsWithRole(caller, 'organisation:laes').some((g) => g.cvr === organisationCvr);
}
