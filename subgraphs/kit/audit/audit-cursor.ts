import { isUuid } from '../ids';

/** A keyset position: the tid and id of the last record of a page. */
export interface AuditPosition {
  tid: Date;
  id: string;
}

export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(JSON.stringify([position.tid.getTime(), position.id])).toString('base64url');
}

/** Parses a cursor `encodeAuditCursor` made; anything else is a TypeError. */
export function decodeAuditCursor(cursor: string): AuditPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      isUuid(parsed[1])
    ) {
      return { tid: new Date(Number(parsed[0])), id: parsed[1] };
    }
  } catch {
    // reported below: the cause is the caller's input
  }
  throw new TypeError('Invalid audit cursor');
}
