import { parsePageArgs, type Connection, type PageArgs } from '../../kit/connection';
import { BadUserInputError } from '../../kit/domain-error';
import { isUuid } from '../../kit/ids';
import type { PointInTime } from '../../kit/point-in-time';
import type { Bygning } from '../bbr/bbr-objects';
import { toBygning } from '../bbr/to-bbr-objects';
import type { BbrRecord } from '../upstream/bbr-record';
import type { BbrClient } from '../upstream/create-bbr-client';
import { selectEachObject } from './group-by-object';

export interface BygningFilterInput {
  kommunekode?: string | null;
  husnummer?: string | null;
  bfeNummer?: string | null;
}

/** Registrations per upstream page, and the most pages one search reads. */
export const SEARCH_PAGE_SIZE = 500;
export const SEARCH_MAX_PAGES = 4;

function toUpstreamParams(filter: BygningFilterInput): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.kommunekode != null) {
    if (!/^\d{4}$/.test(filter.kommunekode)) {
      throw new BadUserInputError('kommunekode must be four digits', 'filter.kommunekode');
    }
    params.Kommunekode = filter.kommunekode;
  }
  if (filter.husnummer != null) {
    if (!isUuid(filter.husnummer)) {
      throw new BadUserInputError('husnummer must be a UUID', 'filter.husnummer');
    }
    params.Husnummer = filter.husnummer.toLowerCase();
  }
  if (filter.bfeNummer != null) {
    if (!/^\d{1,10}$/.test(filter.bfeNummer)) {
      throw new BadUserInputError('bfeNummer must be digits', 'filter.bfeNummer');
    }
    params.BFENummer = filter.bfeNummer;
  }
  if (Object.keys(params).length === 0) {
    throw new BadUserInputError('give kommunekode, husnummer or bfeNummer', 'filter');
  }
  return params;
}

const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * Buildings matching `filter` at `at`, one cursor page, ordered by id. BBR pages over
 * registrations (history included), not buildings, so the matches are read whole (at most
 * SEARCH_MAX_PAGES upstream pages, else the filter must be narrower) and paged here.
 */
export async function searchBygninger(
  client: BbrClient,
  at: PointInTime,
  filter: BygningFilterInput,
  pageArgs: PageArgs,
): Promise<Connection<Bygning>> {
  const { first, after } = parsePageArgs(pageArgs);
  const params = toUpstreamParams(filter);
  const records: BbrRecord[] = [];
  for (let page = 1; ; page += 1) {
    const found = await client.search('bygning', {
      ...params,
      page: String(page),
      pagesize: String(SEARCH_PAGE_SIZE),
    });
    records.push(...found);
    if (found.length < SEARCH_PAGE_SIZE) break;
    if (page === SEARCH_MAX_PAGES) {
      throw new BadUserInputError('too many buildings match; narrow the filter', 'filter');
    }
  }
  const bygninger = selectEachObject(records, at)
    .map(toBygning)
    .filter((b): b is Bygning => b !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const afterId = after === null ? null : decodeCursor(after);
  const rest = afterId === null ? bygninger : bygninger.filter((b) => b.id > afterId);
  const page = rest.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rest.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: bygninger.length,
  };
}
