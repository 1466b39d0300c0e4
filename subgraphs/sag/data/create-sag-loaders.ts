import DataLoader from 'dataloader';
import type { RowAccess } from '../../kit/auth/row-access';
import type { RequestAudit } from '../../kit/audit/create-request-audit';
import type { Connection } from '../../kit/connection';
import type {
  BitemporalStore,
  Filter,
  Page,
  PageItem,
  PointInTime,
  Registrering,
} from '../../kit/store/bitemporal-store';
import { selectKnownRegistreringer } from '../../kit/store/select-known-registreringer';
import { getSearchedOrganisations } from '../../kit/audit/get-searched-organisations';
import { getCurrentData } from '../sag/change-sag';
import { getAendredeFelter } from '../sag/get-aendrede-felter';
import { SAG_ACCESS_PATHS } from '../sag/sag-access-paths';
import { STORE_TYPES, type SagData } from '../sag/sag-data';
import { toAccessAttributes } from '../sag/to-access-attributes';
import { getAllowedValues } from './build-sag-filter';
import {
  buildReadAuditEntries,
  buildSearchAuditEntries,
  getSearchedCpr,
  type DecidedSag,
} from './build-sag-audit-entries';
import { toSagNode, type SagNode } from './to-sag-node';

/**
 * A batched first-page read fetches every match in pages of this size, so each key's totalCount
 * is exact; one page per batch unless the keys together have more cases than this.
 */
export const SCOPED_PAGE_SIZE = 1000;

/** The data paths a case list can be scoped by (`OrganisationEnhed.sager`, `Bygning.sager`). */
export type ScopePath = 'ansvarligEnhed' | 'bygninger';

/** The first page of the cases of one scope (a unit set, a building), under a client filter. */
export interface ScopedSagerKey {
  path: ScopePath;
  scope: readonly string[];
  /** Already validated by buildSagFilter. */
  filter: Filter;
  first: number;
  /** The search criteria as the client gave them, for the access log. */
  soegekriterier: Record<string, unknown>;
}

export interface SagRegistreringNode {
  version: number;
  fra: Date;
  til: Date | null;
  livscyklus: string;
  aktoer: string;
  note: string | null;
  aendredeFelter: string[];
}

/** The caller's read access and access log, which every read of a case goes through. */
export interface SagReadAccess {
  readAccess: RowAccess;
  audit: RequestAudit;
}

/** One request's loaders: each reads at the request's instant and caches for that request only. */
export interface SagLoaders {
  /**
   * Cases as the caller may see them: null for a case that is missing or that the caller may
   * not read (the two look the same). Each batch is written to the access log before it resolves.
   */
  sag: DataLoader<string, SagNode | null>;
  /** Cases as stored, whoever asks: only for code that decides access itself. */
  storedSag: DataLoader<string, SagNode | null>;
  /** A case's registrations as known at the request's Registreringstid, oldest first. */
  registreringer: DataLoader<string, SagRegistreringNode[]>;
  /**
   * The first page of each scope's cases the caller may see, newest first, from one search for
   * all scopes; the pages are written to the access log before they resolve.
   */
  scopedSager: DataLoader<ScopedSagerKey, Connection<SagNode>, string>;
}

function toRegistreringNodes(registreringer: Registrering<SagData>[]): SagRegistreringNode[] {
  return registreringer.map((registrering, i) => {
    const previous = registreringer[i - 1];
    return {
      version: registrering.nr,
      fra: registrering.fra,
      til: registrering.til,
      livscyklus: registrering.livscyklus,
      aktoer: registrering.aktoer,
      note: registrering.note,
      aendredeFelter: getAendredeFelter(
        previous ? getCurrentData(previous) : null,
        getCurrentData(registrering),
      ),
    };
  });
}

/** The values of the scope path in a case: its unit, or its buildings. */
function getScopeValues(data: SagData, path: ScopePath): string[] {
  return path === 'ansvarligEnhed' ? [data.ansvarligEnhed] : data.bygninger;
}

/** The scope a key really asks for: its own, narrowed by any client condition on the path. */
function getEffectiveScope(key: ScopedSagerKey): Set<string> {
  const allowed = getAllowedValues(key.filter[key.path]);
  return new Set(key.scope.filter((v) => allowed === null || allowed.has(v)));
}

function toFirstPage(items: PageItem<SagData>[], first: number): Connection<SagNode> {
  const page = items.slice(0, first);
  const edges = page.map((item) => ({ cursor: item.cursor, node: toSagNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: items.length > first,
      endCursor: page.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

export function createSagLoaders(
  store: BitemporalStore,
  at: PointInTime,
  { readAccess, audit }: SagReadAccess,
): SagLoaders {
  const decide = async (node: SagNode): Promise<DecidedSag> => ({
    sag: node,
    decision: await readAccess.decide(toAccessAttributes(node)),
  });

  const storedSag = new DataLoader<string, SagNode | null>(async (uuids) => {
    const found = await store.findByIds<SagData>(STORE_TYPES.sag, uuids, at);
    return found.map((stored) => (stored ? toSagNode(stored) : null));
  });

  const sag = new DataLoader<string, SagNode | null>(async (uuids) => {
    const nodes = await storedSag.loadMany(uuids);
    const decided = await Promise.all(
      nodes.map((node) => (node === null || node instanceof Error ? null : decide(node))),
    );
    await audit.record(buildReadAuditEntries(decided.filter((d) => d !== null)));
    return nodes.map((node, i) =>
      node instanceof Error ? node : decided[i]?.decision.allowed ? node : null,
    );
  });

  // The port has no batched history read; the loader still keeps one read per case and request.
  const registreringer = new DataLoader<string, SagRegistreringNode[]>((uuids) =>
    Promise.all(
      uuids.map(async (uuid) =>
        selectKnownRegistreringer(
          // Differences are computed over the whole history, then cut at the instant asked for.
          toRegistreringNodes(await store.findHistory<SagData>(STORE_TYPES.sag, uuid)),
          at.registreringstid,
        ),
      ),
    ),
  );

  // Keys that share path, filter and page size are answered by one search over the union of
  // their scopes, grouped in memory; the cursors are the store's, so later pages continue with
  // an ordinary search of one scope.
  const loadGroup = async (
    { path, filter, first, soegekriterier }: Omit<ScopedSagerKey, 'scope'>,
    keys: ScopedSagerKey[],
  ): Promise<Connection<SagNode>[]> => {
    // Only permitted cases are fetched, so totalCount and cursors count nothing else.
    const anyOf = await readAccess.getFilters();
    const groups = keys.map((key) => ({
      scope: getEffectiveScope(key),
      items: [] as PageItem<SagData>[],
    }));
    const union = [...new Set(groups.flatMap(({ scope }) => [...scope]))];
    let after: string | null = null;
    while (union.length > 0) {
      const page: Page<SagData> = await store.search<SagData>({
        type: STORE_TYPES.sag,
        at,
        filter: { ...filter, [path]: { in: union } },
        anyOf,
        first: SCOPED_PAGE_SIZE,
        after,
        order: 'desc',
      });
      for (const item of page.items) {
        storedSag.prime(item.uuid, toSagNode(item));
        const values = getScopeValues(item.data, path);
        for (const { scope, items } of groups) {
          if (values.some((v) => scope.has(v))) items.push(item);
        }
      }
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    const connections = groups.map(({ items }) => toFirstPage(items, first));
    // One record per batch (and privilege group): the cases of every page returned.
    const returned = new Map(connections.flatMap((c) => c.nodes).map((n) => [n.uuid, n]));
    await audit.record(
      buildSearchAuditEntries(await Promise.all([...returned.values()].map(decide)), {
        soegekriterier: { ...soegekriterier, [path]: union },
        cpr: getSearchedCpr(filter),
        organisationer: getSearchedOrganisations(anyOf, SAG_ACCESS_PATHS.organisation),
      }),
    );
    return connections;
  };

  const scopedSager = new DataLoader<ScopedSagerKey, Connection<SagNode>, string>(
    async (keys) => {
      const groups = new Map<string, { params: ScopedSagerKey; keys: ScopedSagerKey[] }>();
      for (const key of keys) {
        const group = JSON.stringify([key.path, key.filter, key.first]);
        const found = groups.get(group);
        if (found) found.keys.push(key);
        else groups.set(group, { params: key, keys: [key] });
      }
      const answers = new Map<ScopedSagerKey, Connection<SagNode>>();
      await Promise.all(
        [...groups.values()].map(async ({ params, keys: group }) => {
          const connections = await loadGroup(params, group);
          group.forEach((key, i) => {
            const connection = connections[i];
            if (connection) answers.set(key, connection);
          });
        }),
      );
      return keys.map((key) => answers.get(key) ?? new Error('A batched case list got no answer'));
    },
    {
      cacheKeyFn: (key) => JSON.stringify([key.path, [...key.scope].sort(), key.filter, key.first]),
    },
  );

  return { sag, storedSag, registreringer, scopedSager };
}
