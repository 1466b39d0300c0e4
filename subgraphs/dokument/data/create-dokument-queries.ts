import { parsePageArgs, toConnection, type Connection } from '../../kit/connection';
import type { BitemporalStore, PointInTime } from '../../kit/store/bitemporal-store';
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

/** One request's searches: each reads at the request's instant, one page at a time. */
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
        order: 'desc',
        ...page,
      });
      return toConnection(found, toNode);
    },

    async searchSagDokumenter(sag, args) {
      const page = parsePageArgs(args);
      if (page.after === null) return loaders.sagDokumenter.load({ sag, first: page.first });
      const found = await store.search<DokumentData>({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter: { sag: { eq: sag } },
        order: 'desc',
        ...page,
      });
      return toConnection(found, toNode);
    },
  };
}
