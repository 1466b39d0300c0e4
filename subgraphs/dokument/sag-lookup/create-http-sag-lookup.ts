import { FOELSOMHEDER, type Foelsomhed } from '../../kit/auth/caller';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { DomainError } from '../../kit/domain-error';
import { MAX_SAGER_PER_LOOKUP, type SagLookup } from './sag-lookup';

/** The case index could not be asked: nothing is decided (read or filed) without it. */
export class SagLookupError extends DomainError {
  constructor(cause?: unknown) {
    super('SAG_LOOKUP_FAILED', 'The case index is unavailable; try again later', {
      status: 503,
      cause,
    });
  }
}

/** What a decision about a document needs to know of its case. */
const SAG_ADGANG_FIELDS = `uuid
    organisation { uuid }
    kleNummer
    ansvarligEnhed { uuid }
    foelsomhed
    parter { cpr }`;

/**
 * Cases by uuid, in one call: `_entities` answers the representations in order, each through the
 * sag subgraph's own read policy (null when the caller may not see the case).
 */
export const SAGER_ADGANG_QUERY = `query SagerAdgang($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Sag {
    ${SAG_ADGANG_FIELDS}
    }
  }
}`;

/** Cases in one page of `mineSager`. */
export const MINE_SAGER_PAGE_SIZE = 100;
/** A citizen with more cases than this many pages hold is refused rather than paged endlessly. */
export const MAX_MINE_SAGER_PAGES = 10;

export const MINE_SAGER_ADGANG_QUERY = `query MineSagerAdgang($after: String) {
  mineSager(first: ${MINE_SAGER_PAGE_SIZE}, after: $after) {
    nodes {
    ${SAG_ADGANG_FIELDS}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Per lookup, up to the last byte of the answer. */
const DEFAULT_TIMEOUT_MS = 5000;

export interface HttpSagLookupOptions {
  /** The sag subgraph's GraphQL endpoint (SAG_URL). */
  url: string;
  /** Per lookup, up to the last byte of the answer. @default 5000 */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { path?: unknown; extensions?: { code?: unknown } }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readUuidRef(value: unknown): string | null {
  return isRecord(value) && typeof value.uuid === 'string' ? value.uuid : null;
}

/** The attributes from the answer's `sag`; throws when the answer is not the expected shape. */
function toAccessAttributes(sag: Record<string, unknown>): AccessAttributes {
  const organisation = readUuidRef(sag.organisation);
  const ansvarligEnhed = readUuidRef(sag.ansvarligEnhed);
  const { kleNummer, foelsomhed, parter } = sag;
  if (
    organisation === null ||
    ansvarligEnhed === null ||
    typeof kleNummer !== 'string' ||
    !(FOELSOMHEDER as readonly unknown[]).includes(foelsomhed) ||
    !Array.isArray(parter)
  ) {
    throw new Error('Unexpected answer from the case index');
  }
  const cpr: string[] = [];
  for (const part of parter as unknown[]) {
    if (!isRecord(part)) throw new Error('Unexpected answer from the case index');
    if (typeof part.cpr === 'string') cpr.push(part.cpr);
  }
  return {
    organisation,
    kleNummer,
    ansvarligEnhed,
    foelsomhed: foelsomhed as Foelsomhed,
    cpr,
  };
}

/** The entity's index in `_entities` an error is about; null when it names none. */
function getEntityIndex(path: unknown): number | null {
  return Array.isArray(path) && path[0] === '_entities' && typeof path[1] === 'number'
    ? path[1]
    : null;
}

/**
 * Asks the sag subgraph for cases' current access attributes with the caller's own token, so
 * the answer is what the caller may see: a case hidden from the caller (null, or FORBIDDEN) is
 * not found. Anything else that is not a clean answer (network error, timeout, non-2xx, other
 * errors, an unexpected shape) rejects with SagLookupError. The point in time is always now:
 * access follows the case as it is, whatever instant the documents are read at.
 */
export function createHttpSagLookup(options: HttpSagLookupOptions): SagLookup {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function post(
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
  ): Promise<GraphQLAnswer> {
    try {
      const response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`The case index answered ${response.status}`);
      const answer: unknown = await response.json();
      if (!isRecord(answer)) throw new Error('Unexpected answer from the case index');
      return answer as GraphQLAnswer;
    } catch (error) {
      throw new SagLookupError(error);
    }
  }

  function toAttributes(sag: unknown, uuid?: string): AccessAttributes {
    if (!isRecord(sag) || (uuid !== undefined && sag.uuid !== uuid)) throw new SagLookupError();
    try {
      return toAccessAttributes(sag);
    } catch (error) {
      throw new SagLookupError(error);
    }
  }

  return {
    async findSager(uuids, token) {
      if (uuids.length > MAX_SAGER_PER_LOOKUP) {
        throw new RangeError(`At most ${MAX_SAGER_PER_LOOKUP} cases per lookup`);
      }
      if (uuids.length === 0) return [];
      const answer = await post(
        SAGER_ADGANG_QUERY,
        { representations: uuids.map((uuid) => ({ __typename: 'Sag', uuid })) },
        token,
      );
      // A refusal hides the case it is about (all of them when it names none); any other error
      // is a failure.
      const hidden = new Set<number>();
      let allHidden = false;
      for (const error of answer.errors ?? []) {
        if (error.extensions?.code !== 'FORBIDDEN') throw new SagLookupError();
        const index = getEntityIndex(error.path);
        if (index === null) allHidden = true;
        else hidden.add(index);
      }
      const entities = answer.data?._entities;
      if (allHidden && (entities === null || entities === undefined)) return uuids.map(() => null);
      if (!Array.isArray(entities) || entities.length !== uuids.length) throw new SagLookupError();
      return uuids.map((uuid, i) => {
        const entity: unknown = entities[i];
        if (allHidden || hidden.has(i) || entity === null) return null;
        return toAttributes(entity, uuid);
      });
    },

    async findMineSager(_cpr, token) {
      // The sag subgraph takes the CPR number from the token itself.
      const sager = new Map<string, AccessAttributes>();
      let after: string | null = null;
      for (let page = 0; page < MAX_MINE_SAGER_PAGES; page += 1) {
        const answer = await post(MINE_SAGER_ADGANG_QUERY, { after }, token);
        const connection = answer.data?.mineSager;
        if ((answer.errors ?? []).length > 0 || !isRecord(connection)) throw new SagLookupError();
        const { nodes, pageInfo } = connection;
        if (!Array.isArray(nodes) || !isRecord(pageInfo)) throw new SagLookupError();
        for (const node of nodes as unknown[]) {
          if (!isRecord(node) || typeof node.uuid !== 'string') throw new SagLookupError();
          sager.set(node.uuid, toAttributes(node));
        }
        if (pageInfo.hasNextPage !== true) return sager;
        if (typeof pageInfo.endCursor !== 'string') throw new SagLookupError();
        after = pageInfo.endCursor;
      }
      throw new SagLookupError(new Error('Too many cases for one citizen'));
    },
  };
}
