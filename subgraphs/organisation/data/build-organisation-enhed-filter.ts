import { assertUuid } from '../../kit/ids';
import type { Filter } from '../../kit/store/bitemporal-store';
import { buildSoegFilter } from './build-soeg-filter';

/** The GraphQL `OrganisationEnhedFilter`. */
export interface OrganisationEnhedFilterInput {
  soeg?: string | null;
  organisation?: string | null;
  overordnet?: string | null;
  kle?: string | null;
}

/**
 * The store filter for units, optionally within one organisation (`Organisation.enheder`);
 * null when the filter names another organisation than that one, so nothing can match.
 */
export function buildOrganisationEnhedFilter(
  input: OrganisationEnhedFilterInput | null | undefined,
  withinOrganisation?: string,
): Filter | null {
  const filter = buildSoegFilter(input?.soeg);
  const organisation =
    input?.organisation != null ? assertUuid(input.organisation, 'filter.organisation') : null;
  if (input?.overordnet != null) {
    filter.overordnet = { eq: assertUuid(input.overordnet, 'filter.overordnet') };
  }
  // `kle` is a list in the data: the condition holds when any tag's class matches.
  if (input?.kle != null) filter['kle.klasse'] = { eq: assertUuid(input.kle, 'filter.kle') };
  if (withinOrganisation !== undefined && organisation !== null) {
    if (organisation !== withinOrganisation) return null;
  }
  const scope = withinOrganisation ?? organisation;
  if (scope !== null) filter.organisation = { eq: scope };
  return filter;
}
