import { createTtlCache } from '../../kit/create-ttl-cache';
import { DomainError } from '../../kit/domain-error';
import { postGraphQL } from '../../kit/http/post-graphql';
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
  const cache = createTtlCache<KleKlasse>({
    ttlMs: options.cacheTtlMs ?? 300_000,
    maxEntries: options.maxEntries ?? 1000,
    now: options.now,
  });

  const ask = async (uuid: string, token: string | null): Promise<KleKlasse | null> => {
    try {
      const data = await postGraphQL({
        fetch: options.fetch,
        url: options.url,
        query: KLASSE_QUERY,
        variables: { uuid },
        token,
        timeoutMs: options.timeoutMs ?? 2000,
      });
      return readKlasse(data);
    } catch (error) {
      throw new KleLookupUnavailableError(error);
    }
  };

  return {
    async findKlasse(uuid, token) {
      // Nothing but a uuid is sent on: anything else cannot name a class.
      if (!isUuid(uuid)) return null;
      const key = uuid.toLowerCase();
      const cached = cache.get(key);
      if (cached !== undefined) return { ...cached };
      const klasse = await ask(key, token);
      // Keyed by the uuid asked for: an answer about another class is no answer to this one.
      if (klasse !== null && klasse.uuid !== key) {
        throw new KleLookupUnavailableError(new Error('klasse answered for another uuid'));
      }
      if (klasse !== null) cache.set(klasse.uuid, klasse);
      return klasse === null ? null : { ...klasse };
    },
  };
}
