import { FOELSOMHEDER, type Foelsomhed } from '../../kit/auth/caller';
import type { AccessAttributes } from '../../kit/auth/row-access';
import { DomainError } from '../../kit/domain-error';
import type { SagLookup } from './sag-lookup';

/** The case index could not be asked: the document is not filed rather than filed unchecked. */
export class SagLookupError extends DomainError {
  constructor(cause?: unknown) {
    super('SAG_LOOKUP_FAILED', 'The case index is unavailable; try again later', {
      status: 503,
      cause,
    });
  }
}

export const SAG_ADGANG_QUERY = `query SagAdgang($uuid: ID!) {
  sag(uuid: $uuid) {
    organisation { uuid }
    kleNummer
    ansvarligEnhed { uuid }
    foelsomhed
    parter { cpr }
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

interface SagAnswer {
  data?: { sag?: unknown } | null;
  errors?: { extensions?: { code?: unknown } }[];
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

/**
 * Asks the sag subgraph for a case's access attributes with the caller's own token, so the
 * answer is what the caller may see: a case hidden from the caller (null, or FORBIDDEN) is not
 * found. Anything else that is not a clean answer (network error, timeout, non-2xx, other errors,
 * an unexpected shape) rejects with SagLookupError.
 */
export function createHttpSagLookup(options: HttpSagLookupOptions): SagLookup {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async findSag(uuid, token) {
      let answer: SagAnswer;
      try {
        const response = await fetchImpl(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          },
          body: JSON.stringify({ query: SAG_ADGANG_QUERY, variables: { uuid } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new Error(`The case index answered ${response.status}`);
        answer = (await response.json()) as SagAnswer;
      } catch (error) {
        throw new SagLookupError(error);
      }
      const sag = answer.data?.sag;
      const errors = answer.errors ?? [];
      if (errors.length > 0) {
        // A refusal looks like a missing case to the caller; any other error is a failure.
        const refused = errors.every((e) => e.extensions?.code === 'FORBIDDEN');
        if (refused && (sag === null || sag === undefined)) return null;
        throw new SagLookupError();
      }
      if (sag === null) return null;
      if (!isRecord(sag)) throw new SagLookupError();
      try {
        return toAccessAttributes(sag);
      } catch (error) {
        throw new SagLookupError(error);
      }
    },
  };
}
