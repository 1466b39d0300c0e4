import { createHash } from 'node:crypto';
import { VersionConflictError } from '../../domain-error';
import { getUuidV5 } from '../../get-uuid-v5';
import type { BitemporalStore, Data } from '../bitemporal-store';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency-errors';

/** The store type idempotency records are kept under, beside the service's own objects. */
export const IDEMPOTENCY_TYPE = 'Idempotensnoegle';

/** @default 24 hours: a retry is honoured this long after the first request. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * @default 60 seconds: how long a first request may take before a retry takes its place (a
 * process that died while answering must not block the key until it expires).
 */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 60 * 1000;

const NAMESPACE = '6d1f5b38-0a5e-4c61-9a57-3f0c2b7e9d14';
const EVERYTHING: { virkningstid: Date; registreringstid: Date } = {
  virkningstid: new Date(8.64e15),
  registreringstid: new Date(8.64e15),
};

interface IdempotencyRecord extends Data {
  /** SHA-256 of the operation and its input: a retry must match it. */
  fingerprint: string;
  status: 'I_GANG' | 'FAERDIG' | 'FRIGIVET';
  /** ISO time until which the key is honoured. */
  udloeber: string;
  /** ISO time until which a request under way holds the key. */
  laastTil: string;
  /** What the first request answered (JSON), once FAERDIG. */
  resultat: unknown;
}

export interface IdempotentOptions {
  store: BitemporalStore;
  /** The request's key; null runs `write` as it is. */
  key: string | null;
  /** Whose key it is (the caller's actor id): one caller's key never answers another. */
  scope: string;
  /** What is being done (`opretSag`, the upload route): the key is per operation. */
  operation: string;
  /** The request's input; a retry must send the same. */
  input: unknown;
  now: () => Date;
  /** @default DEFAULT_IDEMPOTENCY_TTL_MS */
  ttlMs?: number;
  /** @default DEFAULT_IDEMPOTENCY_LEASE_MS */
  leaseMs?: number;
}

/** JSON with object keys sorted, so the same input always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs a write at most once per key: the first request with a key claims it in the store, writes
 * and keeps its answer with the key; a retry with the same key and the same input gets that
 * answer and writes nothing, even after a restart; the same key with another input is refused
 * (IDEMPOTENCY_KEY_REUSED), and so is a retry while the first is still under way
 * (IDEMPOTENCY_KEY_IN_USE). A write that fails releases the key, so the retry runs it again.
 * Keys are honoured for `ttlMs`; an expired record is not deleted (the store keeps history) but
 * a new request with its key starts afresh.
 *
 * `write` must return plain JSON data: the answer is stored as JSON and returned as stored.
 */
export async function runIdempotent<T>(
  options: IdempotentOptions,
  write: () => Promise<T>,
): Promise<T> {
  if (options.key === null) return write();
  const { store, now } = options;
  const uuid = getUuidV5(`${options.scope}\n${options.operation}\n${options.key}`, NAMESPACE);
  const fingerprint = createHash('sha256')
    .update(`${options.operation}\n${canonical(options.input)}`)
    .digest('hex');
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS;

  const record = (version: number, data: IdempotencyRecord) =>
    store.append<IdempotencyRecord>({
      type: IDEMPOTENCY_TYPE,
      uuid,
      expectedVersion: version,
      livscyklus: version === 0 ? 'OPSTAAET' : 'RETTET',
      aktoer: options.scope,
      virkninger: [{ fra: new Date(0), til: null, data }],
    });

  let claimed: { version: number; udloeber: string } | null = null;
  // A lost race for the claim is read again: the winner's record decides.
  for (let attempt = 0; attempt < 3 && claimed === null; attempt += 1) {
    const [existing] = await store.findByIds<IdempotencyRecord>(
      IDEMPOTENCY_TYPE,
      [uuid],
      EVERYTHING,
    );
    const time = now();
    const live =
      existing &&
      existing.data.status !== 'FRIGIVET' &&
      Date.parse(existing.data.udloeber) > time.getTime();
    if (existing && live) {
      if (existing.data.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      // Stored as JSON by this function, from a `write` of this same operation and input.
      if (existing.data.status === 'FAERDIG') return existing.data.resultat as T;
      if (Date.parse(existing.data.laastTil) > time.getTime()) throw new IdempotencyKeyInUseError();
    }
    const udloeber = new Date(time.getTime() + ttlMs).toISOString();
    try {
      const { version } = await record(existing?.version ?? 0, {
        fingerprint,
        status: 'I_GANG',
        udloeber,
        laastTil: new Date(time.getTime() + leaseMs).toISOString(),
        resultat: null,
      });
      claimed = { version, udloeber };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  if (claimed === null) throw new IdempotencyKeyInUseError();

  let result: T;
  try {
    result = await write();
  } catch (error) {
    await record(claimed.version, {
      fingerprint,
      status: 'FRIGIVET',
      udloeber: claimed.udloeber,
      laastTil: now().toISOString(),
      resultat: null,
    }).catch(() => undefined);
    throw error;
  }
  const resultat: unknown = JSON.parse(JSON.stringify(result ?? null));
  await record(claimed.version, {
    fingerprint,
    status: 'FAERDIG',
    udloeber: claimed.udloeber,
    laastTil: claimed.udloeber,
    resultat,
  });
  return resultat as T;
}
