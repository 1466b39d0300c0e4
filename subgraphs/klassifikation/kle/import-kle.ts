import { VersionConflictError } from '../../kit/domain-error';
import type {
  BitemporalStore,
  Data,
  PointInTime,
  StoredObject,
} from '../../kit/store/bitemporal-store';
import { patchTimeline } from '../../kit/store/virkning';
import { searchAll } from '../data/search-all';
import { KLE_FACETTER, KLE_KLASSIFIKATION, KLE_VALID_FROM } from './kle-klassifikation';
import { STORE_TYPES, type KlasseData } from './klassifikation-data';
import { InvalidKleFileError, parseKleCsv, type KleRow } from './parse-kle-csv';
import type { KleNiveau } from './parse-kle-nummer';

export interface ImportKleOptions {
  /** Who the registrations name as their author (a user or system id). */
  aktoer: string;
  /**
   * The import's instant: its registration time, and the start of validity of changed titles.
   * @default () => new Date()
   */
  now?: () => Date;
}

/** How the file's rows compared with what was stored. */
export interface ImportKleResult {
  created: number;
  changed: number;
  unchanged: number;
}

type PlannedWrite =
  | { kind: 'create'; row: KleRow; data: KlasseData }
  | { kind: 'change'; row: KleRow; patch: Partial<KlasseData>; version: number };

// Enough to hide a remote store's round trips, few enough not to flood it.
const WRITE_CONCURRENCY = 8;
// Parents are written before their children, so a reader never meets a dangling `overklasse`,
// even when an import stops half-way.
const WRITE_ORDER: readonly KleNiveau[][] = [
  ['HOVEDGRUPPE', 'FACETGRUPPE'],
  ['GRUPPE', 'HANDLINGSFACET'],
  ['EMNE'],
];

/** Every KLE class visible at `at`: what the file is compared with. */
function findExistingKlasser(
  store: BitemporalStore,
  at: PointInTime,
): Promise<StoredObject<KlasseData>[]> {
  return searchAll<KlasseData>(store, {
    type: STORE_TYPES.klasse,
    at,
    filter: { facet: { in: [KLE_FACETTER.Emne.uuid, KLE_FACETTER.Handlingsfacet.uuid] } },
  });
}

/** The fields of `wanted` that differ from `current`. */
function diff<T extends Data>(current: T, wanted: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(wanted[key])) patch[key] = wanted[key];
  }
  return patch;
}

/** Compares every row with the stored classes; throws before anything is written. */
function planWrites(rows: KleRow[], existing: StoredObject<KlasseData>[]): PlannedWrite[] {
  const storedByUuid = new Map(existing.map((k) => [k.uuid, k]));
  const storedUuidByNummer = new Map(existing.map((k) => [k.data.brugervendtNoegle, k.uuid]));
  const fileUuidByNummer = new Map(rows.map((r) => [r.nummer.nummer, r.uuid]));
  const writes: PlannedWrite[] = [];
  for (const row of rows) {
    const { nummer } = row.nummer;
    const stored = storedByUuid.get(row.uuid);
    if (stored && stored.data.brugervendtNoegle !== nummer) {
      throw new InvalidKleFileError(
        row.line,
        `UUID ${row.uuid} is ${stored.data.brugervendtNoegle} in the store, not ${nummer}; ` +
          'a class cannot change its number',
      );
    }
    const storedUuid = storedUuidByNummer.get(nummer);
    if (storedUuid !== undefined && storedUuid !== row.uuid) {
      throw new InvalidKleFileError(
        row.line,
        `${nummer} is stored with UUID ${storedUuid}, not ${row.uuid}; a number cannot change its UUID`,
      );
    }
    let overklasse: string | null = null;
    if (row.nummer.overklasse !== null) {
      const parent =
        fileUuidByNummer.get(row.nummer.overklasse) ??
        storedUuidByNummer.get(row.nummer.overklasse);
      if (parent === undefined) {
        throw new InvalidKleFileError(
          row.line,
          `${nummer} needs its parent ${row.nummer.overklasse}, which is neither in the file nor stored`,
        );
      }
      overklasse = parent;
    }
    const wanted: KlasseData = {
      brugervendtNoegle: nummer,
      titel: row.titel,
      // The file has no descriptions: keep whatever was stored.
      beskrivelse: stored?.data.beskrivelse ?? null,
      niveau: row.nummer.niveau,
      facet: KLE_FACETTER[row.nummer.facet].uuid,
      overklasse,
    };
    if (!stored) {
      writes.push({ kind: 'create', row, data: wanted });
      continue;
    }
    const patch = diff(stored.data, wanted);
    if (Object.keys(patch).length > 0) {
      writes.push({ kind: 'change', row, patch, version: stored.version });
    }
  }
  return writes;
}

async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        // The other workers stop taking items, so nothing is written after the reported error.
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Creates an object that must exist (KLE itself, its facets) unless it already does. */
async function ensureObject<T extends Data>(
  store: BitemporalStore,
  object: { type: string; uuid: string; data: T; sortKey: string },
  options: { aktoer: string; tid: Date },
): Promise<void> {
  const history = await store.findHistory(object.type, object.uuid);
  if (history.length > 0) return;
  await store.append({
    type: object.type,
    uuid: object.uuid,
    expectedVersion: 0,
    livscyklus: 'IMPORTERET',
    aktoer: options.aktoer,
    virkninger: [{ fra: KLE_VALID_FROM, til: null, data: object.data }],
    sortKey: object.sortKey,
    tid: options.tid,
  });
}

async function write(
  store: BitemporalStore,
  planned: PlannedWrite,
  options: { aktoer: string; tid: Date },
): Promise<void> {
  const { row } = planned;
  if (planned.kind === 'create') {
    try {
      await store.append({
        type: STORE_TYPES.klasse,
        uuid: row.uuid,
        expectedVersion: 0,
        livscyklus: 'IMPORTERET',
        aktoer: options.aktoer,
        virkninger: [{ fra: KLE_VALID_FROM, til: null, data: planned.data }],
        sortKey: row.nummer.nummer,
        tid: options.tid,
      });
    } catch (error) {
      // Not among the current KLE classes, yet known to the store: deleted, or not a KLE class.
      if (!(error instanceof VersionConflictError)) throw error;
      throw new InvalidKleFileError(
        row.line,
        `UUID ${row.uuid} (${row.nummer.nummer}) exists in the store but is not a current KLE class`,
      );
    }
    return;
  }
  const history = await store.findHistory<KlasseData>(STORE_TYPES.klasse, row.uuid);
  const head = history[history.length - 1];
  if (!head) throw new Error(`Klasse ${row.uuid} vanished during the import`);
  await store.append({
    type: STORE_TYPES.klasse,
    uuid: row.uuid,
    // The version the change was planned against: an edit made since stops the import
    // (VERSION_CONFLICT) instead of being overwritten.
    expectedVersion: planned.version,
    livscyklus: 'RETTET',
    aktoer: options.aktoer,
    note: `KLE import changed ${Object.keys(planned.patch).join(', ')}`,
    // Earlier validity keeps the old values: a case filed before the import shows the old title.
    virkninger: patchTimeline(head.virkninger, planned.patch, options.tid),
    tid: options.tid,
  });
}

/**
 * Imports a KLE file (`UUID,EmneNr,EmneTitel`) into the store: KLE and its two facets, then one
 * Klasse per row, linked to its parent by number. Rows are keyed by UUID. A new row is created
 * (IMPORTERET, valid from always); a row whose title differs gets a new registration (RETTET) in
 * which the new title is valid from the import on; an equal row writes nothing, so importing the
 * same file again appends nothing. A bad file, a number whose UUID differs from the stored one,
 * or a row without a parent throws InvalidKleFileError before anything is written.
 */
export async function importKle(
  store: BitemporalStore,
  csv: string,
  options: ImportKleOptions,
): Promise<ImportKleResult> {
  const rows = parseKleCsv(csv);
  const tid = (options.now ?? (() => new Date()))();
  const at: PointInTime = { virkningstid: tid, registreringstid: tid };
  const writes = planWrites(rows, await findExistingKlasser(store, at));
  const writeOptions = { aktoer: options.aktoer, tid };

  await ensureObject(
    store,
    { type: STORE_TYPES.klassifikation, ...KLE_KLASSIFIKATION, sortKey: 'KLE' },
    writeOptions,
  );
  for (const facet of Object.values(KLE_FACETTER)) {
    await ensureObject(
      store,
      { type: STORE_TYPES.facet, ...facet, sortKey: facet.data.brugervendtNoegle },
      writeOptions,
    );
  }
  for (const niveauer of WRITE_ORDER) {
    const level = writes.filter((w) => niveauer.includes(w.row.nummer.niveau));
    await forEachConcurrently(level, WRITE_CONCURRENCY, (w) => write(store, w, writeOptions));
  }
  const created = writes.filter((w) => w.kind === 'create').length;
  const changed = writes.length - created;
  return { created, changed, unchanged: rows.length - writes.length };
}
