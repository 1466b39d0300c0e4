import type {
  BitemporalStore,
  Data,
  Page,
  PageItem,
  SearchQuery,
} from '../../kit/store/bitemporal-store';

/** Large enough that a loader batch is one store call in practice, small enough to stay bounded. */
export const SEARCH_ALL_PAGE_SIZE = 1000;

/**
 * Every match of a search, for the loaders' batched lookups (children of a batch of parents,
 * say), whose result size the keys bound rather than the client's `first`.
 */
export async function searchAll<T extends Data>(
  store: BitemporalStore,
  query: Omit<SearchQuery, 'first' | 'after'>,
): Promise<PageItem<T>[]> {
  const items: PageItem<T>[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await store.search<T>({ ...query, first: SEARCH_ALL_PAGE_SIZE, after });
    items.push(...page.items);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return items;
}
