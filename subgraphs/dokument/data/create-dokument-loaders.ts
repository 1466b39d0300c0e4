import DataLoader from 'dataloader';
import { toConnection, type Connection } from '../../kit/connection';
import { toRegistreringNode } from '../../kit/graphql-scalars';
import type {
  BitemporalStore,
  Page,
  PageItem,
  PointInTime,
} from '../../kit/store/bitemporal-store';
import { selectKnownRegistreringer } from '../../kit/store/select-known-registreringer';
import type { AuditEntry } from '../../kit/audit/create-request-audit';
import { buildDokumentSoegEntries } from '../access/build-dokument-soeg-entries';
import { buildReadableDokumentFilters } from '../access/build-readable-dokument-filters';
import { getSearchedOrganisationer } from '../access/get-searched-organisationer';
import type { DokumentAccess } from '../access/create-dokument-access';
import { selectReadableDokumenter } from '../access/select-readable-dokumenter';
import { DOKUMENT_STORE_TYPE, type DokumentData } from '../dokument/dokument-data';
import { toDokumentNode, type DokumentNode } from './to-dokument-node';

/**
 * The documents of a batch of cases are read in pages of this size: one search per batch unless
 * the batch's cases have more documents together, when the next page is one more search.
 */
export const BATCH_PAGE_SIZE = 1000;

export type RegistreringNode = ReturnType<typeof toRegistreringNode>;

/** The first page of one case's documents. */
export interface SagDokumenterKey {
  sag: string;
  first: number;
}

/** One request's loaders: each reads at the request's instant and caches for that request only. */
export interface DokumentLoaders {
  /** Documents by uuid as the caller may see them: null when missing or not readable (logged). */
  dokument: DataLoader<string, DokumentNode | null>;
  /**
   * First pages of cases' documents the caller may read: every case asked for in one tick costs
   * one search (with the caller's access in it), and one access log append.
   */
  sagDokumenter: DataLoader<SagDokumenterKey, Connection<DokumentNode>, string>;
  /** A document's registrations as known at the request's Registreringstid, oldest first. */
  registreringer: DataLoader<string, RegistreringNode[]>;
}

export function createDokumentLoaders(
  store: BitemporalStore,
  at: PointInTime,
  access: DokumentAccess,
): DokumentLoaders {
  const dokument = new DataLoader<string, DokumentNode | null>(async (uuids) => {
    const found = await store.findByIds<DokumentData>(DOKUMENT_STORE_TYPE, uuids, at);
    const readable = await selectReadableDokumenter(access, found);
    return readable.map((stored) => (stored ? toDokumentNode(stored) : null));
  });

  async function searchFirstPages(
    sager: string[],
    first: number,
    entries: AuditEntry[],
  ): Promise<Map<string, Connection<DokumentNode>>> {
    const bySag = new Map<string, PageItem<DokumentData>[]>(sager.map((sag) => [sag, []]));
    // The cases as they are now, in one lookup for the batch; only their readable documents are
    // fetched, so each totalCount counts nothing else.
    const decided = await access.sager.loadMany(sager);
    const anyOf = await buildReadableDokumentFilters(access.readAccess, decided);
    let after: string | null = null;
    while (anyOf.length > 0) {
      const page: Page<DokumentData> = await store.search<DokumentData>({
        type: DOKUMENT_STORE_TYPE,
        at,
        filter: { sag: { in: sager } },
        anyOf,
        first: BATCH_PAGE_SIZE,
        after,
        order: 'desc',
      });
      for (const item of page.items) bySag.get(item.data.sag)?.push(item);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    // Each case's items are in the store's order, so their cursors continue a per-case search.
    const pages = [...bySag].map(([sag, items]) => ({
      sag,
      items,
      pageItems: items.slice(0, first),
    }));
    for (const { sag, pageItems } of pages) {
      entries.push(
        ...(await buildDokumentSoegEntries(access, pageItems, {
          soegekriterier: { sag, first },
          sager: decided,
          organisationer: await getSearchedOrganisationer(access, [sag], decided),
        })),
      );
    }
    return new Map(
      pages.map(({ sag, items, pageItems }) => {
        const connection = toConnection(
          {
            items: pageItems,
            totalCount: items.length,
            hasNextPage: items.length > first,
            endCursor: pageItems[pageItems.length - 1]?.cursor ?? null,
          },
          (item) => {
            const node = toDokumentNode(item);
            dokument.prime(node.uuid, node);
            return node;
          },
        );
        return [sag, connection];
      }),
    );
  }

  const sagDokumenter = new DataLoader<SagDokumenterKey, Connection<DokumentNode>, string>(
    async (keys) => {
      // Aliases may ask for different page sizes; one search per size, normally exactly one.
      const sizes = [...new Set(keys.map((k) => k.first))];
      const results = new Map<number, Map<string, Connection<DokumentNode>>>();
      const entries: AuditEntry[] = [];
      for (const size of sizes) {
        const sager = [...new Set(keys.filter((k) => k.first === size).map((k) => k.sag))];
        results.set(size, await searchFirstPages(sager, size, entries));
      }
      // Logged before any of the batch's documents is returned; a failed append fails them all.
      await access.audit.record(entries);
      return keys.map((key) => {
        const connection = results.get(key.first)?.get(key.sag);
        if (!connection) throw new Error('A batched case is missing from its result');
        return connection;
      });
    },
    { cacheKeyFn: ({ sag, first }) => `${sag}/${first}` },
  );

  // The port has no batched history read; the loader still keeps one read per object and request.
  const registreringer = new DataLoader<string, RegistreringNode[]>((uuids) =>
    Promise.all(
      uuids.map(async (uuid) =>
        selectKnownRegistreringer(
          await store.findHistory(DOKUMENT_STORE_TYPE, uuid),
          at.registreringstid,
        ).map(toRegistreringNode),
      ),
    ),
  );

  return { dokument, sagDokumenter, registreringer };
}
