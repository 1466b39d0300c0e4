import type { BitemporalStore, Page, PointInTime } from '../../kit/store/bitemporal-store';
import type { KlasseData } from '../kle/klassifikation-data';
import type { KlasseFilter } from '../kle/parse-klasse-filter';
import type { KlasseLoaders } from './create-klasse-loaders';
import { searchKlasser, type KlasseSearchScope } from './search-klasser';

/** One request's paged searches, each reading at the request's instant. */
export interface KlassifikationQueries {
  /** One page of classes in key order; `scope` confines it further (e.g. to one facet). */
  searchKlasser(request: {
    filter: KlasseFilter;
    scope?: KlasseSearchScope;
    first: number;
    after: string | null;
  }): Promise<Page<KlasseData>>;
}

/** Found classes are primed into the loaders, so references to them need no second read. */
export function createKlassifikationQueries(
  store: BitemporalStore,
  at: PointInTime,
  loaders: { klasse: KlasseLoaders },
): KlassifikationQueries {
  return {
    async searchKlasser(request) {
      const page = await searchKlasser(store, at, request);
      for (const item of page.items) loaders.klasse.byUuid.prime(item.uuid, item);
      return page;
    },
  };
}
