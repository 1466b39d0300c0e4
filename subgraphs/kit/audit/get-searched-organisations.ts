import type { Filter } from '../store/bitemporal-store';

/**
 * The municipalities a search ran over: the organisation each access filter of the search is
 * pinned to (a user's grants each name one; a citizen's filter names none). A search that found
 * nothing is recorded once for each of them, so each municipality's auditor sees that its data
 * was searched; `path` is where the filters keep the organisation.
 */
export function getSearchedOrganisations(anyOf: readonly Filter[], path: string): string[] {
  const organisations = new Set<string>();
  for (const filter of anyOf) {
    const condition = filter[path];
    if (condition !== undefined && 'eq' in condition && typeof condition.eq === 'string') {
      organisations.add(condition.eq);
    }
  }
  return [...organisations];
}
