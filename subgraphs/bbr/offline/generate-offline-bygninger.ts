import { getUuidV5 } from '../../kit/get-uuid-v5';

type RestRecord = Record<string, unknown>;

/** The namespace of the generated buildings' ids (deterministic: the same every run). */
const GENERATED_NAMESPACE = '6f3b2a1e-4c5d-4e7f-8a9b-0c1d2e3f4a5b';

/** Uses from code list byg021 the generated buildings cycle through. */
const USES = ['110', '120', '130', '140', '910', '920', '930'];

/**
 * `count` further buildings in each municipality of `fixtures` (REST shape, Danish field names),
 * made from that municipality's first building, so a municipality search spans several upstream
 * pages. Deterministic: ids, numbers and values follow from the municipality and the index.
 */
export function generateOfflineBygninger(
  fixtures: readonly RestRecord[],
  count: number,
): RestRecord[] {
  const templates = new Map<string, RestRecord>();
  for (const record of fixtures) {
    const kommunekode = record.kommunekode;
    if (typeof kommunekode === 'string' && !templates.has(kommunekode)) {
      templates.set(kommunekode, record);
    }
  }
  const generated: RestRecord[] = [];
  for (const [kommunekode, template] of templates) {
    for (let n = 1; n <= count; n += 1) {
      const name = `${kommunekode}:${n}`;
      generated.push({
        ...template,
        registreringFra: '2015-01-01T00:00:00.000000+01:00',
        registreringTil: null,
        virkningFra: '2015-01-01T00:00:00.000000+01:00',
        virkningTil: null,
        status: '6',
        id_lokalId: getUuidV5(`bygning-offline:${name}`, GENERATED_NAMESPACE),
        byg007Bygningsnummer: n,
        byg021BygningensAnvendelse: USES[n % USES.length],
        byg026Opførelsesår: 1900 + (n % 120),
        byg038SamletBygningsareal: 60 + (n % 140),
        husnummer: getUuidV5(`husnummer-offline:${name}`, GENERATED_NAMESPACE),
        grund: getUuidV5(`grund-offline:${name}`, GENERATED_NAMESPACE),
        etageList: [],
      });
    }
  }
  return generated;
}
