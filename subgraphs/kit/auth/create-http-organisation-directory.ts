import { DomainError } from '../domain-error';
import { createTtlCache } from '../create-ttl-cache';
import { postGraphQL } from '../http/post-graphql';
import { isUuid } from '../ids';
import type { OrganisationDirectory } from './organisation-directory';

/**
 * The organisation subgraph could not answer: access cannot be decided, so the request is
 * refused rather than answered as if there were no restriction.
 */
export class OrganisationDirectoryUnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super(
      'ORGANISATION_UNAVAILABLE',
      'The organisation directory is unavailable; try again later',
      {
        status: 503,
        cause,
      },
    );
  }
}

export interface HttpOrganisationDirectoryOptions {
  /** The organisation subgraph's GraphQL endpoint. */
  url: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per call, up to the last byte of the answer. @default 2000 */
  timeoutMs?: number;
  /** How long an answer is reused. @default 60000 */
  cacheTtlMs?: number;
  /** Answers kept at most; the oldest go first. @default 1000 */
  maxEntries?: number;
  /** @default Date.now */
  now?: () => number;
}

const ORGANISATION_QUERY = `query($cvr: String!) {
  organisationer(filter: { cvr: $cvr }, first: 1) { nodes { uuid } }
}`;
const ENHED_QUERY = `query($uuid: ID!) { organisationEnhed(uuid: $uuid) { uuid efterkommerIder } }`;
const ENHED_ORGANISATION_QUERY = `query($uuid: ID!) {
  organisationEnhed(uuid: $uuid) { uuid organisation { uuid } }
}`;

const BRUGER_ORGANISATION_QUERY = `query($uuid: ID!) { bruger(uuid: $uuid) { uuid organisation { uuid } } }`;

const CVR = /^\d{8}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The organisation uuid in an `organisationer` answer; null when there is none. */
function readOrganisation(data: Record<string, unknown>): string | null {
  const connection = data.organisationer;
  if (!isRecord(connection) || !Array.isArray(connection.nodes)) {
    throw new TypeError('organisationer has no nodes');
  }
  const node: unknown = connection.nodes[0];
  if (node === undefined) return null;
  if (!isRecord(node) || !isUuid(node.uuid)) throw new TypeError('organisation without uuid');
  return node.uuid.toLowerCase();
}

/** The unit and its descendants in an `organisationEnhed` answer; empty when unknown. */
function readSubtree(data: Record<string, unknown>): string[] {
  const enhed = data.organisationEnhed;
  if (enhed === null) return [];
  if (!isRecord(enhed) || !isUuid(enhed.uuid) || !Array.isArray(enhed.efterkommerIder)) {
    throw new TypeError('organisationEnhed has no uuid or efterkommerIder');
  }
  const below: unknown[] = enhed.efterkommerIder;
  if (!below.every(isUuid)) throw new TypeError('efterkommerIder holds a non-uuid');
  return [enhed.uuid, ...below].map((id) => id.toLowerCase());
}

/** The organisation of the unit in an `organisationEnhed` answer; null when the unit is unknown. */
function readEnhedOrganisation(data: Record<string, unknown>): string | null {
  const enhed = data.organisationEnhed;
  if (enhed === null) return null;
  if (!isRecord(enhed) || !isUuid(enhed.uuid)) throw new TypeError('organisationEnhed has no uuid');
  const { organisation } = enhed;
  if (!isRecord(organisation) || !isUuid(organisation.uuid)) {
    throw new TypeError('organisationEnhed has no organisation');
  }
  return organisation.uuid.toLowerCase();
}

/** The organisation of the user in a `bruger` answer; null when the user is unknown. */
function readBrugerOrganisation(data: Record<string, unknown>): string | null {
  const bruger = data.bruger;
  if (bruger === null) return null;
  if (!isRecord(bruger) || !isUuid(bruger.uuid)) throw new TypeError('bruger has no uuid');
  const { organisation } = bruger;
  if (!isRecord(organisation) || !isUuid(organisation.uuid)) {
    throw new TypeError('bruger has no organisation');
  }
  return organisation.uuid.toLowerCase();
}

/**
 * An OrganisationDirectory over the organisation subgraph's GraphQL endpoint, asking with the
 * caller's token. Organisation structure is not personal data, so answers are cached across
 * requests and callers (bounded, with a TTL). Only positive answers are cached: an empty answer
 * may reflect the asking caller's rights, and must not narrow anyone else's.
 *
 * Any failure (network, timeout, non-200, GraphQL errors, an answer of the wrong shape) throws
 * OrganisationDirectoryUnavailableError: the request then fails closed, it is never treated as
 * "no restriction".
 */
export function createHttpOrganisationDirectory(
  options: HttpOrganisationDirectoryOptions,
): OrganisationDirectory {
  const cache = createTtlCache<string | string[]>({
    ttlMs: options.cacheTtlMs ?? 60_000,
    maxEntries: options.maxEntries ?? 1000,
    now: options.now,
  });

  const ask = async (
    query: string,
    variables: Record<string, string>,
    token: string | null,
  ): Promise<Record<string, unknown>> => {
    try {
      return await postGraphQL({
        fetch: options.fetch,
        url: options.url,
        query,
        variables,
        token,
        timeoutMs: options.timeoutMs ?? 2000,
      });
    } catch (error) {
      throw new OrganisationDirectoryUnavailableError(error);
    }
  };

  return {
    async findOrganisationByCvr(cvr, token) {
      // Nothing but a CVR number is sent on: anything else cannot name an organisation.
      if (!CVR.test(cvr)) return null;
      const key = `cvr:${cvr}`;
      const cached = cache.get(key);
      if (typeof cached === 'string') return cached;
      const organisation = readAnswer(
        await ask(ORGANISATION_QUERY, { cvr }, token),
        readOrganisation,
      );
      if (organisation !== null) cache.set(key, organisation);
      return organisation;
    },

    async findEnhedSubtree(enhed, token) {
      if (!isUuid(enhed)) return [];
      const key = `enhed:${enhed.toLowerCase()}`;
      const cached = cache.get(key);
      if (Array.isArray(cached)) return [...cached];
      const subtree = readAnswer(await ask(ENHED_QUERY, { uuid: enhed }, token), readSubtree);
      if (subtree.length > 0) cache.set(key, subtree);
      return [...subtree];
    },

    async findEnhedOrganisation(enhed, token) {
      if (!isUuid(enhed)) return null;
      const key = `enhedOrganisation:${enhed.toLowerCase()}`;
      const cached = cache.get(key);
      if (typeof cached === 'string') return cached;
      const organisation = readAnswer(
        await ask(ENHED_ORGANISATION_QUERY, { uuid: enhed }, token),
        readEnhedOrganisation,
      );
      if (organisation !== null) cache.set(key, organisation);
      return organisation;
    },

    async findBrugerOrganisation(bruger, token) {
      if (!isUuid(bruger)) return null;
      const key = `brugerOrganisation:${bruger.toLowerCase()}`;
      const cached = cache.get(key);
      if (typeof cached === 'string') return cached;
      const organisation = readAnswer(
        await ask(BRUGER_ORGANISATION_QUERY, { uuid: bruger }, token),
        readBrugerOrganisation,
      );
      if (organisation !== null) cache.set(key, organisation);
      return organisation;
    },
  };
}

/** Reads an answer, turning a malformed one into the same failure as an unreachable service. */
function readAnswer<T>(
  data: Record<string, unknown>,
  read: (data: Record<string, unknown>) => T,
): T {
  try {
    return read(data);
  } catch (error) {
    throw new OrganisationDirectoryUnavailableError(error);
  }
}
