import type { IncomingHttpHeaders } from 'node:http';
import { InvalidIdempotencyKeyError } from './idempotency-errors';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field"), or null
 * without one. A malformed or repeated header is refused rather than ignored: ignoring it would
 * make a retry the client believes safe write twice.
 */
export function readIdempotencyKey(headers: IncomingHttpHeaders): string | null {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value)) throw new InvalidIdempotencyKeyError();
  return value;
}
