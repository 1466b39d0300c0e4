import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore, Filter, PointInTime } from '../../kit/store/bitemporal-store';
import { STORE_TYPES, type SagData } from '../sag/sag-data';
import { buildSagFilter, restrictFilter, type SagFilterInput } from './build-sag-filter';
import type { SagLoaders, ScopePath } from './create-sag-loaders';
import { toSagNode, type SagNode } from './to-sag-node';

const SAGSNUMMER = /^\d{4}-\d{6}$/;

/** The GraphQL `SagSortering`. */
export type SagSortering = 'NYESTE_FOERST' | 'AELDSTE_FOERST';

/** The arguments of a case list field. */
export interface SagSearchArgs {
  filter?: SagFilterInput | null;
  sortering?: SagSortering | null;
  first?: number | null;
  after?: string | null;
}

/** One request's case searches: each reads at the request's instant, one page at a time. */
export interface SagQueries {
  searchSager(args: SagSearchArgs): Promise<Connection<SagNode>>;
  /** The cases of a scope (a unit set, a building), newest first. */
  searchScopedSager(
    path: ScopePath,
    scope: readonly string[],
    args: SagSearchArgs,
  ): Promise<Connection<SagNode>>;
  findSagMedNummer(organisation: string, sagsnummer: string): Promise<SagNode | null>;
}

function emptyConnection<N>(): Connection<N> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}

/** Found cases are primed into the loaders, so references to them need no second read. */
export function createSagQueries(
  store: BitemporalStore,
  at: PointInTime,
  loaders: SagLoaders,
): SagQueries {
  const search = async (
    filter: Filter,
    page: { first: number; after: string | null },
    order: 'asc' | 'desc',
  ): Promise<Connection<SagNode>> => {
    const found = await store.search<SagData>({
      type: STORE_TYPES.sag,
      at,
      filter,
      ...page,
      order,
    });
    return toConnection(found, (item) => {
      const node = toSagNode(item);
      loaders.sag.prime(node.uuid, node);
      return node;
    });
  };

  return {
    searchSager(args) {
      const page = parsePageArgs(args);
      const filter = buildSagFilter(args.filter);
      return search(filter, page, args.sortering === 'AELDSTE_FOERST' ? 'asc' : 'desc');
    },

    async searchScopedSager(path, scope, args) {
      const page = parsePageArgs(args);
      const filter = buildSagFilter(args.filter);
      // The first page of many entities in one `_entities` call is batched; a later page is asked
      // for one entity at a time.
      if (page.after === null) {
        return loaders.scopedSager.load({ path, scope, filter, first: page.first });
      }
      const scoped = restrictFilter(filter, path, scope);
      return scoped === null ? emptyConnection() : search(scoped, page, 'desc');
    },

    async findSagMedNummer(organisation, sagsnummer) {
      const id = assertUuid(organisation, 'organisation');
      if (!SAGSNUMMER.test(sagsnummer)) {
        throw new BadUserInputError('sagsnummer must look like 2026-000123', 'sagsnummer');
      }
      const found = await search(
        { organisation: { eq: id }, sagsnummer: { eq: sagsnummer } },
        { first: 1, after: null },
        'asc',
      );
      return found.nodes[0] ?? null;
    },
  };
}
