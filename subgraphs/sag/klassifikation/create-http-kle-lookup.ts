import { DomainError } from '../../kit/domain-error';
import { isUuid } from '../../kit/ids';
import type { KleKlasse, KleLookup } from './kle-lookup';

/**
 * The klassifikation subgraph could not answer: a case's KLE number cannot be verified, so the
 * change is refused rather than written with the number the client claimed.
 */
export class KleLookupUnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super('KLASSIFIKATION_UNAVAILABLE', 'The KLE is unavailable; try again later', {
      status: 503,
      cause,
    });
  }
}

export interface HttpKleLookupOptions {
  /** The klassifikation subgraph's GraphQL endpoint (KLASSIFIKATION_URL). */
  url: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per call, up to the last byte of the answer. @default 2000 */
  timeoutMs?: number;
  /** How long an answer is reused. @default 300000 */
  cacheTtlMs?: number;
  /** Answers kept at most; the oldest go first. @default 1000 */
  maxEntries?: number;
  /** @default Date.now */
  now?: () => number;
}

const KLASSE_QUERY = `query($uuid: ID!) { klasse(uuid: $uuid) { uuid brugervendtNoegle niveau } }`;

// `\d` without the `u` flag is ASCII only; a handlingsfacet's letter may be Danish (`Ø36`).
const EMNE = /^\d{2}\.\d{2}\.\d{2}$/;
const HANDLINGSFACET = /^\p{Lu}[0-9]{2}$/u;

interface CacheEntry {
  value: KleKlasse;
  expires: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The emne or handlingsfacet in a `klasse` answer; null for none or a class of another level. */
function readKlasse(data: Record<string, unknown>): KleKlasse | null {
  const klasse = data.klasse;
  if (klasse === null) return null;
  if (!isRecord(klasse) || !isUuid(klasse.uuid) || typeof klasse.brugervendtNoegle !== 'string') {
    throw new TypeError('klasse has no uuid or brugervendtNoegle');
  }
  const { brugervendtNoegle: nummer, niveau } = klasse;
  const uuid = klasse.uuid.toLowerCase();
  if (niveau === 'EMNE' || niveau === 'HANDLINGSFACET') {
    // A number that does not fit its level is a broken answer, not a class to file cases under.
    if (!(niveau === 'EMNE' ? EMNE : HANDLINGSFACET).test(nummer)) {
      throw new TypeError(`klasse of niveau ${niveau} has a malformed number`);
    }
    return { uuid, nummer, niveau };
  }
  if (niveau !== null && typeof niveau !== 'string') throw new TypeError('niveau is no string');
  return null;
}

/**
 * A KleLookup over the klassifikation subgraph's GraphQL endpoint, asking `klasse(uuid)` with the
 * caller's token. KLE is public reference data, so found classes are cached across requests and
 * callers (bounded, with a TTL); an answer of null is not cached, as it may reflect the asking
 * caller's rights or a class not yet imported.
 *
 * Any failure (network, timeout, non-200, GraphQL errors, an answer of the wrong shape) throws
 * KleLookupUnavailableError (503): the change then fails closed.
 */
export function createHttpKleLookup(options: HttpKleLookupOptions): KleLookup {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 2000;
  const cacheTtlMs = options.cacheTtlMs ?? 300_000;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, CacheEntry>();

  const remember = (value: KleKlasse): void => {
    cache.delete(value.uuid);
    cache.set(value.uuid, { value, expires: now() + cacheTtlMs });
    // A Map iterates in insertion order: the first key is the oldest entry.
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
  };

  const recall = (uuid: string): KleKlasse | undefined => {
    const entry = cache.get(uuid);
    if (entry === undefined) return undefined;
    if (entry.expires <= now()) {
      cache.delete(uuid);
      return undefined;
    }
    return entry.value;
  };

  const ask = async (uuid: string, token: string | null): Promise<KleKlasse | null> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query: KLASSE_QUERY, variables: { uuid } }),
        signal,
      });
      if (response.status !== 200) {
        // The body is not read into the error: it may quote the request.
        await response.body?.cancel();
        throw new Error(`klassifikation answered ${response.status}`);
      }
      const body: unknown = await response.json();
      if (!isRecord(body)) throw new TypeError('klassifikation answered no object');
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        throw new Error('klassifikation answered with errors');
      }
      if (!isRecord(body.data)) throw new TypeError('klassifikation answered no data');
      return readKlasse(body.data);
    } catch (error) {
      throw new KleLookupUnavailableError(error);
    }
  };

  return {
    async findKlasse(uuid, token) {
      // Nothing but a uuid is sent on: anything else cannot name a class.
      if (!isUuid(uuid)) return null;
      const key = uuid.toLowerCase();
      const cached = recall(key);
      if (cached !== undefined) return { ...cached };
      const klasse = await ask(key, token);
      // Keyed by the uuid asked for: an answer about another class is no answer to this one.
      if (klasse !== null && klasse.uuid !== key) {
        throw new KleLookupUnavailableError(new Error('klasse answered for another uuid'));
      }
      if (klasse !== null) remember(klasse);
      return klasse === null ? null : { ...klasse };
    },
  };
}
