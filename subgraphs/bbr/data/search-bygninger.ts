import { parsePageArgs, type PageArgs } from '../../kit/connection';
import { BadUserInputError } from '../../kit/domain-error';
import { isUuid } from '../../kit/ids';
import type { PointInTime } from '../../kit/point-in-time';
import type { Bygning } from '../bbr/bbr-objects';
import { toBygning } from '../bbr/to-bbr-objects';
import { getLokalId, type BbrCondition } from '../upstream/bbr-record';
import type { BbrClient } from '../upstream/create-bbr-client';
import { selectEachObject } from './group-by-object';

export interface BygningFilterInput {
  kommunekode?: string | null;
  husnummer?: string | null;
  bfeNummer?: string | null;
}

/** A page of buildings; `totalCount` is null because BBR gives no count without reading it all. */
export interface BygningConnection {
  edges: { cursor: string; node: Bygning }[];
  nodes: Bygning[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

/** Where a page of the graph resumes: an upstream page (its cursor) and a position in it. */
interface Position {
  upstream: string | null;
  index: number;
}

function validate(filter: BygningFilterInput): void {
  if (filter.kommunekode != null && !/^\d{4}$/.test(filter.kommunekode)) {
    throw new BadUserInputError('kommunekode must be four digits', 'filter.kommunekode');
  }
  if (filter.husnummer != null && !isUuid(filter.husnummer)) {
    throw new BadUserInputError('husnummer must be a UUID', 'filter.husnummer');
  }
  if (filter.bfeNummer != null && !/^\d{1,10}$/.test(filter.bfeNummer)) {
    throw new BadUserInputError('bfeNummer must be digits', 'filter.bfeNummer');
  }
  if (filter.kommunekode == null && filter.husnummer == null && filter.bfeNummer == null) {
    throw new BadUserInputError('give kommunekode, husnummer or bfeNummer', 'filter');
  }
}

/**
 * The upstream conditions. A building lies on a property through its plot, so a BFE number is
 * first turned into the ids of the property's plots (one search of `grund`).
 */
async function toConditions(
  client: BbrClient,
  at: PointInTime,
  filter: BygningFilterInput,
): Promise<BbrCondition[] | null> {
  const where: BbrCondition[] = [];
  if (filter.kommunekode != null)
    where.push({ field: 'kommunekode', values: [filter.kommunekode] });
  if (filter.husnummer != null) {
    where.push({ field: 'husnummer', values: [filter.husnummer.toLowerCase()] });
  }
  if (filter.bfeNummer != null) {
    const grunde = await client.searchAll(
      'grund',
      [{ field: 'bfeNummer', values: [filter.bfeNummer] }],
      at,
    );
    const ids = [...new Set(grunde.map(getLokalId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return null;
    where.push({ field: 'grund', values: ids });
  }
  return where;
}

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.upstream, position.index]), 'utf8').toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (value[0] === null || typeof value[0] === 'string') &&
      Number.isInteger(value[1]) &&
      (value[1] as number) >= 0
    ) {
      return { upstream: value[0] as string | null, index: value[1] as number };
    }
  } catch {
    // reported below
  }
  throw new BadUserInputError('after must be a cursor from this list', 'after');
}

const EMPTY: BygningConnection = {
  edges: [],
  nodes: [],
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: null,
};

/**
 * Buildings matching `filter` at `at`, one cursor page, in the upstream's order. The graph's
 * cursor names an upstream page (by the upstream's own cursor) and a position in it, so a page of
 * the graph reads only the upstream pages it needs and any number of buildings can be paged
 * through to the end, each once.
 */
export async function searchBygninger(
  client: BbrClient,
  at: PointInTime,
  filter: BygningFilterInput,
  pageArgs: PageArgs,
): Promise<BygningConnection> {
  const { first, after } = parsePageArgs(pageArgs);
  validate(filter);
  let position = after === null ? { upstream: null, index: 0 } : decodeCursor(after);
  const where = await toConditions(client, at, filter);
  if (where === null) return EMPTY;
  const edges: { cursor: string; node: Bygning }[] = [];
  for (;;) {
    const page = await client.searchPage('bygning', where, at, position.upstream);
    const bygninger = selectEachObject(page.records, at)
      .map(toBygning)
      .filter((b): b is Bygning => b !== null);
    for (let index = position.index; index < bygninger.length; index += 1) {
      if (edges.length === first) {
        return {
          ...toConnection(edges),
          pageInfo: { hasNextPage: true, endCursor: lastCursor(edges) },
        };
      }
      edges.push({
        cursor: encodeCursor({ upstream: position.upstream, index: index + 1 }),
        node: bygninger[index] as Bygning,
      });
    }
    if (page.nextCursor === null) {
      return {
        ...toConnection(edges),
        pageInfo: { hasNextPage: false, endCursor: lastCursor(edges) },
      };
    }
    if (edges.length === first) {
      // The next upstream page may be empty; a client finds out by asking for it.
      return {
        ...toConnection(edges),
        pageInfo: { hasNextPage: true, endCursor: lastCursor(edges) },
      };
    }
    position = { upstream: page.nextCursor, index: 0 };
  }
}

function lastCursor(edges: { cursor: string }[]): string | null {
  return edges.at(-1)?.cursor ?? null;
}

function toConnection(
  edges: { cursor: string; node: Bygning }[],
): Omit<BygningConnection, 'pageInfo'> {
  return { edges, nodes: edges.map((e) => e.node), totalCount: null };
}
