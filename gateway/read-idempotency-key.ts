import type { IncomingHttpHeaders } from 'node:http';
import { BadUserInputError } from '../subgraphs/kit/domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Printable ASCII, as a header value allows, and short enough to keep with a stored result. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

/**
 * The client's `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header), or null without
 * one. It is passed on to the subgraphs unchanged, as they decide what a retry with it means; the
 * gateway only refuses a value no subgraph could keep (BAD_USER_INPUT).
 */
export function readIdempotencyKey(headers: IncomingHttpHeaders): string | null {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return null;
  const key = typeof value === 'string' ? value.trim() : '';
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadUserInputError(
      'Idempotency-Key must be 1 to 255 printable ASCII characters',
      'Idempotency-Key',
    );
  }
  return key;
}
