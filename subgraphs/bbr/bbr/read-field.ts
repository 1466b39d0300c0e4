import type { BbrRecord } from '../upstream/bbr-record';

/** A text field; numbers are written out, anything else is null. */
export function readText(record: BbrRecord, field: string): string | null {
  const value = record[field];
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** An integer field; a numeric string is read, anything else is null. */
export function readInt(record: BbrRecord, field: string): number | null {
  const value = record[field];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

/** A date-time field, or null when missing or unreadable. */
export function readDate(record: BbrRecord, field: string): Date | null {
  const value = record[field];
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A uuid reference, in lower case (BBR mixes cases), or null. */
export function readId(record: BbrRecord, field: string): string | null {
  return readText(record, field)?.toLowerCase() ?? null;
}
