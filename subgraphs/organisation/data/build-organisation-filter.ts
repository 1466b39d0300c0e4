import type { Filter } from '../../kit/store/bitemporal-store';
import { assertCvr } from '../organisation/assert-cvr';
import { assertKommunekode } from '../organisation/assert-kommunekode';
import { buildSoegFilter } from './build-soeg-filter';

/** The GraphQL `OrganisationFilter`. */
export interface OrganisationFilterInput {
  soeg?: string | null;
  cvr?: string | null;
  kommunekode?: string | null;
}

/** The store filter for `organisationer`; every value is checked and compared literally. */
export function buildOrganisationFilter(input: OrganisationFilterInput | null | undefined): Filter {
  const filter = buildSoegFilter(input?.soeg);
  if (input?.cvr != null) filter.cvr = { eq: assertCvr(input.cvr, 'filter.cvr') };
  if (input?.kommunekode != null) {
    filter.kommunekode = { eq: assertKommunekode(input.kommunekode, 'filter.kommunekode') };
  }
  return filter;
}
