/** One registration as BBR sends it: BBR's own field names, anything may be missing or null. */
export type BbrRecord = Readonly<Record<string, unknown>>;

export type BbrResource = 'bygning' | 'enhed' | 'grund';

/** The parameters an entity lookup can be batched on, `|`-joined. */
export type BbrKeyParam = 'Id' | 'BygningsId' | 'Grund';

/** BBR's id of a record; some lists spell it `id_lokalid`. Lower case, or null when absent. */
export function getLokalId(record: BbrRecord): string | null {
  const id = record.id_lokalId ?? record.id_lokalid;
  return typeof id === 'string' && id !== '' ? id.toLowerCase() : null;
}

/** The value of `record` that `param` matches, lower case, as the upstream compares them. */
export function getKeyOf(record: BbrRecord, param: BbrKeyParam): string | null {
  if (param === 'Id') return getLokalId(record);
  const value = param === 'BygningsId' ? record.bygning : record.grund;
  return typeof value === 'string' ? value.toLowerCase() : null;
}
