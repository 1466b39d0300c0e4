import type { Filter, FilterValue, Registrering } from './bitemporal-store';
import { getPathValues } from './filter';

/** What the index keeps of an object: enough to order it and to read it at a point in time. */
export interface IndexedRecord {
  uuid: string;
  sortKey: string;
  registreringer: Registrering[];
}

export interface SearchIndex {
  /** Takes in an object's new registration (its first one adds the object). */
  add(record: IndexedRecord, registrering: Registrering, isNew: boolean): void;
  /** Every object of the type, in (sortKey, uuid) order. */
  readonly ordered: readonly IndexedRecord[];
  /**
   * The objects that can match `filter`, in (sortKey, uuid) order, from the equality index of its
   * most selective indexed `eq`/`in` condition; null when none narrows the search enough to beat
   * reading `ordered`. A superset: the caller still tests each one at its point in time.
   */
  findCandidates(filter: Filter): IndexedRecord[] | null;
}

/** (sortKey, uuid) order, the order searches page in. */
export function compareRecords(a: IndexedRecord, b: IndexedRecord): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/** Below this share of all objects, sorting the candidates is cheaper than reading them all. */
const SELECTIVE_SHARE = 0.25;

/**
 * The embedded store's index of one object type: the objects kept in search order as they are
 * added (so a search never sorts them all), and for each of `paths` the objects that ever held
 * each value there in any registration or validity period. Values are never removed: an object
 * that no longer holds one is found as a candidate and dropped by the caller's own test.
 */
export function createSearchIndex(paths: readonly string[]): SearchIndex {
  const ordered: IndexedRecord[] = [];
  const byValue = new Map<string, Map<FilterValue, Set<IndexedRecord>>>(
    paths.map((path) => [path, new Map()]),
  );

  function insertOrdered(record: IndexedRecord): void {
    // Objects mostly come in order (creation time first): check the end before searching.
    const last = ordered[ordered.length - 1];
    if (last === undefined || compareRecords(last, record) < 0) {
      ordered.push(record);
      return;
    }
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareRecords(ordered[mid] as IndexedRecord, record) < 0) low = mid + 1;
      else high = mid;
    }
    ordered.splice(low, 0, record);
  }

  return {
    ordered,
    add(record, registrering, isNew) {
      if (isNew) insertOrdered(record);
      for (const [path, values] of byValue) {
        for (const virkning of registrering.virkninger) {
          for (const value of getPathValues(virkning.data, path)) {
            if (
              typeof value !== 'string' &&
              typeof value !== 'number' &&
              typeof value !== 'boolean'
            )
              continue;
            let holders = values.get(value);
            if (!holders) {
              holders = new Set();
              values.set(value, holders);
            }
            holders.add(record);
          }
        }
      }
    },
    findCandidates(filter) {
      let best: IndexedRecord[] | null = null;
      for (const [path, condition] of Object.entries(filter)) {
        const values = byValue.get(path);
        if (!values) continue;
        const wanted =
          'eq' in condition && condition.eq !== null
            ? [condition.eq]
            : 'in' in condition
              ? condition.in
              : null;
        if (wanted === null) continue;
        const found = new Set<IndexedRecord>();
        for (const value of wanted) {
          for (const record of values.get(value) ?? []) found.add(record);
        }
        if (best === null || found.size < best.length) best = [...found];
      }
      if (best === null || best.length > ordered.length * SELECTIVE_SHARE) return null;
      return best.sort(compareRecords);
    },
  };
}
