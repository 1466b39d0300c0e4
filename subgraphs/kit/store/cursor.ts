import { BadUserInputError } from '../domain-error';

/** A keyset position: the sort key and uuid of the last item of a page. */
export interface KeysetPosition {
  sortKey: string;
  uuid: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.uuid])).toString('base64url');
}

/** Parses a cursor a client sent back; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { sortKey: parsed[0], uuid: parsed[1] };
    }
  } catch {
    // fall through to the error below: the cause is the client's input, not ours
  }
  throw new BadUserInputError('Invalid cursor', 'after');
}
