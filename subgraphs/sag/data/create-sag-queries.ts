import type { Caller } from '../../kit/auth/caller';
import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore, Filter, PointInTime } from '../../kit/store/bitemporal-store';
import { getSearchedOrganisations } from '../../kit/audit/get-searched-organisations';
import { assertBorger } from '../sag/assert-borger';
import { assertPartCprFilter } from '../sag/assert-part-cpr-filter';
import { SAG_ACCESS_PATHS } from '../sag/sag-access-paths';
import { STORE_TYPES, type SagData } from '../sag/sag-data';
import { toAccessAttributes } from '../sag/to-access-attributes';
import { buildSagFilter, restrictFilter, type SagFilterInput } from './build-sag-filter';
import {
  buildSearchAuditEntries,
  getSearchedCpr,
  toSoegekriterier,
  type DecidedSag,
} from './build-sag-audit-entries';
import type {
  SagLoaders,
  SagReadAccess,
  SagRegistreringNode,
  ScopePath,
} from './create-sag-loaders';
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

/**
 * One request's case reads: each reads at the request's instant, shows only the cases the caller
 * may see (lists are filtered in the store query, so totalCount and cursors count nothing else)
 * and writes the access log before it answers.
 */
export interface SagQueries {
  /** A case by uuid; null when missing or not visible to the caller. */
  findSag(uuid: string): Promise<SagNode | null>;
  searchSager(args: SagSearchArgs): Promise<Connection<SagNode>>;
  /** A citizen's own cases: those where the token's CPR number is a party. */
  searchMineSager(args: SagSearchArgs): Promise<Connection<SagNode>>;
  /** The cases of a scope (a unit set, a building), newest first. */
  searchScopedSager(
    path: ScopePath,
    scope: readonly string[],
    args: SagSearchArgs,
  ): Promise<Connection<SagNode>>;
  findSagMedNummer(organisation: string, sagsnummer: string): Promise<SagNode | null>;
  /** The history of a case the caller may see; empty otherwise. */
  findRegistreringer(sag: SagNode): Promise<SagRegistreringNode[]>;
}

export interface SagQueryAccess extends SagReadAccess {
  caller: Caller;
}

function emptyConnection<N>(): Connection<N> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}

/** Found cases are primed into the loaders, so references to them need no second read. */
export function createSagQueries(
  store: BitemporalStore,
  at: PointInTime,
  loaders: SagLoaders,
  { caller, readAccess, audit }: SagQueryAccess,
): SagQueries {
  const decide = async (node: SagNode): Promise<DecidedSag> => ({
    sag: node,
    decision: await readAccess.decide(toAccessAttributes(node)),
  });

  const search = async (
    filter: Filter,
    page: { first: number; after: string | null },
    order: 'asc' | 'desc',
    soegekriterier: Record<string, unknown>,
  ): Promise<Connection<SagNode>> => {
    const anyOf = await readAccess.getFilters();
    const found = await store.search<SagData>({
      type: STORE_TYPES.sag,
      at,
      filter,
      anyOf,
      ...page,
      order,
    });
    const connection = toConnection(found, (item) => {
      const node = toSagNode(item);
      loaders.storedSag.prime(node.uuid, node);
      return node;
    });
    await audit.record(
      buildSearchAuditEntries(await Promise.all(connection.nodes.map(decide)), {
        soegekriterier,
        cpr: getSearchedCpr(filter),
        organisationer: getSearchedOrganisations(anyOf, SAG_ACCESS_PATHS.organisation),
      }),
    );
    return connection;
  };

  const searchSager = (args: SagSearchArgs): Promise<Connection<SagNode>> => {
    assertPartCprFilter(caller, args.filter?.partCpr);
    const page = parsePageArgs(args);
    const filter = buildSagFilter(args.filter);
    return search(
      filter,
      page,
      args.sortering === 'AELDSTE_FOERST' ? 'asc' : 'desc',
      toSoegekriterier({ ...args.filter }),
    );
  };

  return {
    findSag: (uuid) => loaders.sag.load(assertUuid(uuid, 'uuid')),

    searchSager,

    searchMineSager(args) {
      const cpr = assertBorger(caller);
      assertPartCprFilter(caller, args.filter?.partCpr);
      return searchSager({ ...args, sortering: null, filter: { ...args.filter, partCpr: cpr } });
    },

    async searchScopedSager(path, scope, args) {
      assertPartCprFilter(caller, args.filter?.partCpr);
      const page = parsePageArgs(args);
      const filter = buildSagFilter(args.filter);
      const soegekriterier = toSoegekriterier({ ...args.filter });
      // The first page of many entities in one `_entities` call is batched; a later page is asked
      // for one entity at a time.
      if (page.after === null) {
        return loaders.scopedSager.load({ path, scope, filter, first: page.first, soegekriterier });
      }
      const scoped = restrictFilter(filter, path, scope);
      return scoped === null
        ? emptyConnection()
        : search(scoped, page, 'desc', { ...soegekriterier, [path]: [...scope] });
    },

    async findSagMedNummer(organisation, sagsnummer) {
      const id = assertUuid(organisation, 'organisation');
      if (!SAGSNUMMER.test(sagsnummer)) {
        throw new BadUserInputError('sagsnummer must look like 2026-000123', 'sagsnummer');
      }
      // Found whoever asks, then decided like a read by uuid: a case the caller may not see is
      // null, and the refused attempt is logged.
      const found = await store.search<SagData>({
        type: STORE_TYPES.sag,
        at,
        filter: { organisation: { eq: id }, sagsnummer: { eq: sagsnummer } },
        first: 1,
        after: null,
        order: 'asc',
      });
      const item = found.items[0];
      if (!item) return null;
      loaders.storedSag.prime(item.uuid, toSagNode(item));
      return loaders.sag.load(item.uuid);
    },

    async findRegistreringer(sag) {
      const { decision } = await decide(sag);
      return decision.allowed ? loaders.registreringer.load(sag.uuid) : [];
    },
  };
}
