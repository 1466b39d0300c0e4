import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import type { BitemporalStore, PointInTime } from '../../kit/store/bitemporal-store';
import { buildDokumentSoegEntries } from '../access/build-dokument-soeg-entries';
import type { DokumentAccess } from '../access/create-dokument-access';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import { buildDokumentFilter, type DokumentFilterInput } from './build-dokument-filter';
import type { DokumentLoaders } from './create-dokument-loaders';
import { toDokumentNode, type DokumentNode } from './to-dokument-node';

/** The arguments of a list field. */
export interface SearchArgs<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One request's searches: each reads at the request's instant, one page at a time, holds only
 * documents the caller may read (the access filters are part of the store query, so counts and
 * cursors reveal nothing else), and is logged (SOEG) before it is answered.
 */
export interface DokumentQueries {
  searchDokumenter(args: SearchArgs<DokumentFilterInput>): Promise<Connection<DokumentNode>>;
  /** One case's documents; first pages of many cases are batched into one search. */
  searchSagDokumenter(
    sag: string,
    args: Omit<SearchArgs<never>, 'filter'>,
  ): Promise<Connection<DokumentNode>>;
}

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
  return {
    async searchDokumenter(args) {
      const page = parsePageArgs(args);
      const filter = buildDokumentFilter(args.filter);
      const found = await store.search<DokumentData>({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter,
        anyOf: await access.readAccess.getFilters(),
        order: 'desc',
        ...page,
      });
      // The criteria as given (a JSON copy: GraphQL input objects are not plain objects).
      const soegekriterier = JSON.parse(JSON.stringify({ filter: args.filter ?? null })) as Record<
        string,
        unknown
      >;
      await access.audit.record(
        await buildDokumentSoegEntries(access, found.items, soegekriterier),
      );
      return toConnection(found, toNode);
    },

    async searchSagDokumenter(sag, args) {
      const page = parsePageArgs(args);
      if (page.after === null) return loaders.sagDokumenter.load({ sag, first: page.first });
      const found = await store.search<DokumentData>({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter: { sag: { eq: sag } },
        anyOf: await access.readAccess.getFilters(),
        order: 'desc',
        ...page,
      });
      await access.audit.record(
        await buildDokumentSoegEntries(access, found.items, { sag, first: page.first }),
      );
      return toConnection(found, toNode);
    },
  };
}
