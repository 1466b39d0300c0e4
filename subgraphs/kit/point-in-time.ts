import type { IncomingHttpHeaders } from 'node:http';
import { BadUserInputError } from './domain-error';
import type { PointInTime } from './store/bitemporal-store';

export type { PointInTime };

/** Header names carrying the instant a request is answered for (case-insensitive in HTTP). */
export const VIRKNINGSTID_HEADER = 'virkningstid';
export const REGISTRERINGSTID_HEADER = 'registreringstid';

// A calendar date, or a date-time with seconds and an explicit offset (`Z` or `±hh:mm`).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

// JavaScript rolls 2024-02-31 over to March; a client who sent it made a mistake.
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses one ISO 8601 instant; throws BAD_USER_INPUT naming `field` otherwise. */
export function parseInstant(value: string, field: string): Date {
  const date = ISO_8601.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || !isCalendarDate(value)) {
    throw new BadUserInputError(
      `${field} must be an ISO 8601 date or date-time with offset, e.g. 2024-01-31T12:00:00Z`,
      field,
    );
  }
  return date;
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) {
    throw new BadUserInputError(`${name} must be sent once`, name);
  }
  return value;
}

/**
 * The point in time a request is answered for: the `Virkningstid` / `Registreringstid` headers,
 * each defaulting to `now`. A malformed header is an error, never silently "now".
 */
export function parsePointInTime(headers: IncomingHttpHeaders, now: Date): PointInTime {
  const virkning = singleHeader(headers, VIRKNINGSTID_HEADER);
  const registrering = singleHeader(headers, REGISTRERINGSTID_HEADER);
  return {
    virkningstid: virkning === undefined ? now : parseInstant(virkning, 'Virkningstid'),
    registreringstid:
      registrering === undefined ? now : parseInstant(registrering, 'Registreringstid'),
  };
}

/** The headers that carry `at` to another service. */
export function printPointInTime(at: PointInTime): Record<string, string> {
  return {
    [VIRKNINGSTID_HEADER]: at.virkningstid.toISOString(),
    [REGISTRERINGSTID_HEADER]: at.registreringstid.toISOString(),
  };
}
