import type { SagData } from './sag-data';

/**
 * The GraphQL field each stored field shows up in. `kleNummer` is the searchable copy of `kle`,
 * and `aendret` changes with every registration, so neither is a change of its own.
 */
const FIELDS: readonly [keyof SagData, string][] = [
  ['sagsnummer', 'sagsnummer'],
  ['organisation', 'organisation'],
  ['titel', 'titel'],
  ['beskrivelse', 'beskrivelse'],
  ['fremdrift', 'fremdrift'],
  ['foelsomhed', 'foelsomhed'],
  ['kle', 'kle'],
  ['kleNummer', 'kle'],
  ['handlingsfacet', 'handlingsfacet'],
  ['ansvarligEnhed', 'ansvarligEnhed'],
  ['sagsbehandler', 'sagsbehandler'],
  ['parter', 'parter'],
  ['bygninger', 'bygninger'],
];

/** The fields that differ between two versions of a case; every field when there is no previous. */
export function getAendredeFelter(previous: SagData | null, current: SagData): string[] {
  const changed = FIELDS.filter(
    ([key]) =>
      previous === null ||
      JSON.stringify(previous[key] ?? null) !== JSON.stringify(current[key] ?? null),
  ).map(([, field]) => field);
  return [...new Set(changed)];
}
