import { KODELISTER, type Kodeliste } from './kodelister';

/** A BBR code with its Danish label; the label is null for a code the list does not know. */
export interface BbrKode {
  kode: string;
  tekst: string | null;
}

/** The code of `value` (BBR sends codes as strings, sometimes as numbers), or null when absent. */
export function toBbrKode(liste: Kodeliste, value: unknown): BbrKode | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const kode = String(value).trim();
  if (kode === '') return null;
  const labels: Readonly<Record<string, string>> = KODELISTER[liste];
  return { kode, tekst: Object.hasOwn(labels, kode) ? (labels[kode] ?? null) : null };
}
