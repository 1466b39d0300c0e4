import { BadUserInputError } from './domain-error';
import type { Data, Page } from './store/bitemporal-store';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Validated paging arguments: `first` within 1..100 (default 20). */
export function parsePageArgs(args: PageArgs): { first: number; after: string | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { first, after: args.after ?? null };
}

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** A GraphQL cursor connection from a store page, mapping each stored object to a node. */
export function toConnection<T extends Data, N>(
  page: Page<T>,
  toNode: (item: Page<T>['items'][number]) => N,
): Connection<N> {
  const edges = page.items.map((item) => ({ cursor: item.cursor, node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
