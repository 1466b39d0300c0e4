import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import type { BitemporalStore, PointInTime } from '../../kit/store/bitemporal-store';
import {
  STORE_TYPES,
  type OrganisationData,
  type OrganisationEnhedData,
} from '../organisation/organisation-data';
import {
  buildOrganisationEnhedFilter,
  type OrganisationEnhedFilterInput,
} from './build-organisation-enhed-filter';
import { buildOrganisationFilter, type OrganisationFilterInput } from './build-organisation-filter';
import type { OrganisationLoaders } from './create-organisation-loaders';
import { toNode, type OrganisationEnhedNode, type OrganisationNode } from './to-node';

/** The arguments of a list field. */
export interface SearchArgs<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

/** One request's searches: each reads at the request's instant, one page at a time. */
export interface OrganisationQueries {
  searchOrganisationer(
    args: SearchArgs<OrganisationFilterInput>,
  ): Promise<Connection<OrganisationNode>>;
  /** Units matching the filter; with `organisation`, only that organisation's units. */
  searchOrganisationEnheder(
    args: SearchArgs<OrganisationEnhedFilterInput>,
    organisation?: string,
  ): Promise<Connection<OrganisationEnhedNode>>;
}

function emptyConnection<N>(): Connection<N> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}

/** Found objects are primed into the loaders, so references to them need no second read. */
export function createOrganisationQueries(
  store: BitemporalStore,
  at: PointInTime,
  loaders: OrganisationLoaders,
): OrganisationQueries {
  return {
    async searchOrganisationer(args) {
      const page = parsePageArgs(args);
      const filter = buildOrganisationFilter(args.filter);
      const found = await store.search<OrganisationData>({
        type: STORE_TYPES.organisation,
        at,
        filter,
        ...page,
      });
      return toConnection(found, (item) => {
        const node = toNode(item);
        loaders.organisation.prime(node.uuid, node);
        return node;
      });
    },

    async searchOrganisationEnheder(args, organisation) {
      const page = parsePageArgs(args);
      const filter = buildOrganisationEnhedFilter(args.filter, organisation);
      if (filter === null) return emptyConnection();
      const found = await store.search<OrganisationEnhedData>({
        type: STORE_TYPES.organisationEnhed,
        at,
        filter,
        ...page,
      });
      return toConnection(found, (item) => {
        const node = toNode(item);
        loaders.organisationEnhed.prime(node.uuid, node);
        return node;
      });
    },
  };
}
