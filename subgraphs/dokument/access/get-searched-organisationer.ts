import type { AccessAttributes } from '../../kit/auth/row-access';
import { getSearchedOrganisations } from '../../kit/audit/get-searched-organisations';
import { DOKUMENT_ACCESS_PATHS, type DokumentAccess } from './create-dokument-access';

/**
 * The municipalities a document search concerns, for its access log entry when it found
 * nothing: the owners of the searched cases the caller may see, or, when it named none of those,
 * the municipalities of the caller's `dokument:laes` grants (none for a citizen).
 */
export async function getSearchedOrganisationer(
  access: DokumentAccess,
  searched: readonly string[] | null,
  sager: ReadonlyMap<string, AccessAttributes>,
): Promise<string[]> {
  const owners = new Set<string>();
  for (const sag of searched ?? []) {
    const found = sager.get(sag);
    if (found) owners.add(found.organisation);
  }
  if (owners.size > 0) return [...owners];
  return getSearchedOrganisations(
    await access.readAccess.getFilters(),
    DOKUMENT_ACCESS_PATHS.organisation,
  );
}
