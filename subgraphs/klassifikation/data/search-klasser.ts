import type { BitemporalStore, Filter, Page, PointInTime } from '../../kit/store/bitemporal-store';
import { STORE_TYPES, type KlasseData } from '../kle/klassifikation-data';
import type { KlasseFilter } from '../kle/parse-klasse-filter';

/** Where a search is confined to, besides the client's filter (e.g. `Facet.klasser`). */
export interface KlasseSearchScope {
  facet?: string;
}

/**
 * The store conditions of a validated class filter. Values stay literals (`prefix`, `contains`),
 * so `.*` finds titles containing `.*`, not every title.
 */
export function toKlasseStoreFilter(filter: KlasseFilter, scope: KlasseSearchScope = {}): Filter {
  const conditions: Filter = {};
  const facets = new Set([filter.facet, scope.facet].filter((f): f is string => f !== undefined));
  // Two different facets cannot both hold: an empty `in` matches nothing, counts included.
  if (facets.size > 0) conditions.facet = { in: facets.size === 1 ? [...facets] : [] };
  if (filter.nummerPrefix) conditions.brugervendtNoegle = { prefix: filter.nummerPrefix };
  if (filter.soeg) conditions.titel = { contains: filter.soeg };
  return conditions;
}

/** One page of classes at `at`, in key order. */
export function searchKlasser(
  store: BitemporalStore,
  at: PointInTime,
  request: {
    filter: KlasseFilter;
    scope?: KlasseSearchScope;
    first: number;
    after: string | null;
  },
): Promise<Page<KlasseData>> {
  return store.search<KlasseData>({
    type: STORE_TYPES.klasse,
    at,
    filter: toKlasseStoreFilter(request.filter, request.scope),
    first: request.first,
    after: request.after,
  });
}
