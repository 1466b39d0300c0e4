import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { getSearchedOrganisations } from '../../kit/audit/get-searched-organisations';
import { BadUserInputError } from '../../kit/domain-error';
import type { BitemporalStore, Filter, Page, PointInTime } from '../../kit/store/bitemporal-store';
import { buildDokumentSoegEntries } from '../access/build-dokument-soeg-entries';
import { buildReadableDokumentFilters } from '../access/build-readable-dokument-filters';
import { DOKUMENT_ACCESS_PATHS, type DokumentAccess } from '../access/create-dokument-access';
import { getSearchedOrganisationer } from '../access/get-searched-organisationer';
import { MAX_SAGER_PER_LOOKUP } from '../sag-lookup/sag-lookup';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import { buildDokumentFilter, type DokumentFilterInput } from './build-dokument-filter';
import { BATCH_PAGE_SIZE, type DokumentLoaders } from './create-dokument-loaders';
import { toDokumentNode, type DokumentNode } from './to-dokument-node';

/** The arguments of a list field. */
export interface SearchArgs<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One request's searches: each reads at the request's instant, one page at a time, holds only
 * documents the caller may read, decided on their cases' current attributes (the readable cases
 * and sensitivities are part of the store query, so counts and cursors reveal nothing else), and
 * is logged (SOEG) before it is answered.
 */
export interface DokumentQueries {
  searchDokumenter(args: SearchArgs<DokumentFilterInput>): Promise<Connection<DokumentNode>>;
  /** One case's documents; first pages of many cases are batched into one search. */
  searchSagDokumenter(
    sag: string,
    args: Omit<SearchArgs<never>, 'filter'>,
  ): Promise<Connection<DokumentNode>>;
}

const EMPTY_PAGE: Page<DokumentData> = {
  items: [],
  totalCount: 0,
  hasNextPage: false,
  endCursor: null,
};

/** Found documents are primed into the loader, so a reference to them needs no second read. */
export function createDokumentQueries(
  store: BitemporalStore,
  at: PointInTime,
  loaders: DokumentLoaders,
  access: DokumentAccess,
): DokumentQueries {
  const toNode = (item: Parameters<typeof toDokumentNode>[0]): DokumentNode => {
    const node = toDokumentNode(item);
    loaders.dokument.prime(node.uuid, node);
    return node;
  };

  /**
   * The cases whose documents match `filter` in the municipalities of the caller's grants (a
   * case's municipality never changes, so the documents' own `organisation` is safe to narrow
   * by). Refused past MAX_SAGER_PER_LOOKUP cases: their access must be asked of the case index.
   */
  async function findCandidateSager(filter: Filter): Promise<string[]> {
    const organisations = getSearchedOrganisations(
      await access.readAccess.getFilters(),
      DOKUMENT_ACCESS_PATHS.organisation,
    );
    if (organisations.length === 0) return [];
    // Documents filed before `organisation` was kept at the top level hold it in `adgang`.
    const anyOf: Filter[] = [
      { organisation: { in: organisations } },
      { 'adgang.organisation': { in: organisations } },
    ];
    const sager = new Set<string>();
    let after: string | null = null;
    do {
      const page: Page<DokumentData> = await store.search<DokumentData>({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter,
        anyOf,
        first: BATCH_PAGE_SIZE,
        after,
        order: 'desc',
      });
      for (const item of page.items) sager.add(item.data.sag);
      if (sager.size > MAX_SAGER_PER_LOOKUP) {
        throw new BadUserInputError(
          `The search spans more than ${MAX_SAGER_PER_LOOKUP} cases; narrow it with filter.sag, filter.brevdatoFra or filter.soeg`,
          'filter',
        );
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after !== null);
    return [...sager];
  }

  /** The cases a search is decided on, with their current attributes (hidden ones left out). */
  async function decideSager(filter: Filter): Promise<Map<string, AccessAttributes>> {
    const sag = filter.sag;
    if (sag !== undefined && 'eq' in sag && typeof sag.eq === 'string') {
      return access.sager.loadMany([sag.eq]);
    }
    // A citizen's documents are those of her own cases: the case index lists them.
    if (access.caller.kind === 'BORGER') return access.sager.loadMine();
    return access.sager.loadMany(await findCandidateSager(filter));
  }

  async function search(
    filter: Filter,
    page: { first: number; after: string | null },
    soegekriterier: Record<string, unknown>,
  ): Promise<Connection<DokumentNode>> {
    const sager = await decideSager(filter);
    const anyOf = await buildReadableDokumentFilters(access.readAccess, sager);
    const found =
      anyOf.length === 0
        ? EMPTY_PAGE
        : await store.search<DokumentData>({
            type: DOKUMENT_STORE_TYPE,
            at,
            filter,
            anyOf,
            order: 'desc',
            ...page,
          });
    const sag = filter.sag !== undefined && 'eq' in filter.sag ? [String(filter.sag.eq)] : null;
    await access.audit.record(
      await buildDokumentSoegEntries(access, found.items, {
        soegekriterier,
        sager,
        organisationer: await getSearchedOrganisationer(access, sag, sager),
      }),
    );
    return toConnection(found, toNode);
  }

  return {
    searchDokumenter(args) {
      const page = parsePageArgs(args);
      const filter = buildDokumentFilter(args.filter);
      // The criteria as given (a JSON copy: GraphQL input objects are not plain objects).
      const soegekriterier = JSON.parse(JSON.stringify({ filter: args.filter ?? null })) as Record<
        string,
        unknown
      >;
      return search(filter, page, soegekriterier);
    },

    async searchSagDokumenter(sag, args) {
      const page = parsePageArgs(args);
      if (page.after === null) return loaders.sagDokumenter.load({ sag, first: page.first });
      return search({ sag: { eq: sag } }, page, { sag, first: page.first });
    },
  };
}
