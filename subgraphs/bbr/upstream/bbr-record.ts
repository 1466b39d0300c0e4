/**
 * One registration as BBR sends it, with the GraphQL services' ASCII field names
 * (`byg026Opfoerelsesaar`); the REST protocol translates its own names on the way in. Anything may
 * be missing or null.
 */
export type BbrRecord = Readonly<Record<string, unknown>>;

/** The BBR entities the graph reads (`BBR_Bygning`, … in GraphQL; `/bygning`, … in REST). */
export type BbrResource = 'bygning' | 'enhed' | 'grund' | 'etage';

/** The fields a lookup can be batched on: the object's own id, or its building or plot. */
export type BbrKeyField = 'id' | 'bygning' | 'grund';

/** The fields a search can filter on. */
export type BbrFilterField = BbrKeyField | 'kommunekode' | 'husnummer' | 'bfeNummer';

/** One condition: the field equals one of `values`. */
export interface BbrCondition {
  field: BbrFilterField;
  values: readonly string[];
}

/** One page of registrations, and the cursor of the next page (null on the last). */
export interface BbrPage {
  records: BbrRecord[];
  nextCursor: string | null;
}

/** BBR's id of a record; some lists spell it `id_lokalid`. Lower case, or null when absent. */
export function getLokalId(record: BbrRecord): string | null {
  const id = record.id_lokalId ?? record.id_lokalid;
  return typeof id === 'string' && id !== '' ? id.toLowerCase() : null;
}

/** The value of `record` that `field` matches, lower case, as the upstream compares them. */
export function getKeyOf(record: BbrRecord, field: BbrKeyField): string | null {
  if (field === 'id') return getLokalId(record);
  const value = record[field];
  return typeof value === 'string' ? value.toLowerCase() : null;
}
