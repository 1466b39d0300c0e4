import type { BbrRecord } from './bbr-record';

const LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  Æ: 'Ae',
  Ø: 'Oe',
  Å: 'Aa',
};

/**
 * A REST field name as the GraphQL services spell it: æ, ø and å written `ae`, `oe`, `aa`
 * (`byg026Opførelsesår` → `byg026Opfoerelsesaar`, `forretningshændelse` → `forretningshaendelse`).
 */
export function toAsciiFieldName(name: string): string {
  return name.replace(/[æøåÆØÅ]/g, (letter) => LETTERS[letter] ?? letter);
}

function toAsciiValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toAsciiValue);
  if (typeof value === 'object' && value !== null) return toAsciiRecord(value as BbrRecord);
  return value;
}

/** A REST record (nested lists included) with the GraphQL services' field names. */
export function toAsciiRecord(record: BbrRecord): BbrRecord {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [toAsciiFieldName(name), toAsciiValue(value)]),
  );
}
