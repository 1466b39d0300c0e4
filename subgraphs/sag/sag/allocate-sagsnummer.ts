import type { BitemporalStore } from '../../kit/store/bitemporal-store';

// Case numbers follow the Danish calendar year: a case opened at 00:30 on 1 January in Denmark
// belongs to the new year even though it is still 31 December in UTC.
const YEAR_IN_DENMARK = new Intl.DateTimeFormat('en', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
});

/** The sequence a municipality's case numbers of one year are drawn from. */
export function getSagsnummerSequence(organisation: string, year: number): string {
  return `sagsnummer:${organisation}:${year}`;
}

/** `YYYY-NNNNNN`, e.g. `2026-000123`. */
export function formatSagsnummer(year: number, number: number): string {
  return `${year}-${String(number).padStart(6, '0')}`;
}

/**
 * The next case number of `organisation` in the year of `tid`. The store's atomic counter makes it
 * unique per municipality and year even under concurrent creates, and a number handed to a create
 * that then fails is never reused: a gap is harmless, a duplicate is not.
 */
export async function allocateSagsnummer(
  store: BitemporalStore,
  organisation: string,
  tid: Date,
): Promise<string> {
  const year = Number(YEAR_IN_DENMARK.format(tid));
  const number = await store.nextSequence(getSagsnummerSequence(organisation, year));
  return formatSagsnummer(year, number);
}
