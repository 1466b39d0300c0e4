import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type {
  AppendInput,
  AppendResult,
  BitemporalStore,
  Data,
  Page,
  PageItem,
  Registrering,
  SearchQuery,
  StoredObject,
} from './bitemporal-store';
import { compileAnyOf, compileFilter } from './compile-filter';
import { createSearchIndex, type SearchIndex } from './create-search-index';
import { decodeCursor, encodeCursor } from './cursor';
import { assertAnyOf, assertFilter } from './filter';
import { buildRegistrering, selectAt } from './virkning';

interface ObjectRecord {
  type: string;
  uuid: string;
  sortKey: string;
  registreringer: Registrering[];
}

/** One journal line: a registration appended to an object. */
interface JournalEntry {
  type: string;
  uuid: string;
  sortKey: string;
  registrering: Registrering;
}

/** One journal line: the new value of a counter. */
interface SequenceEntry {
  sequence: string;
  value: number;
}

export interface EmbeddedStoreOptions {
  /**
   * Append-only journal file; when set, every registration is written to it and replayed on
   * open, so data outlives the process. Without it the store lives in memory only.
   */
  journalFile?: string;
  /**
   * Whether a change resolves only once the journal is fsynced, so an acknowledged change
   * outlives a power cut, not just the process. Changes arriving while an fsync runs share the
   * next one (group commit). Off only for measurements (`npm run bench:journal`).
   * @default true
   */
  fsync?: boolean;
  /** @default () => new Date() */
  now?: () => Date;
  /**
   * Data paths searched by equality (`eq`, `in`): the store keeps, per path and value, the
   * objects that held it, and a search narrows to them first. @default none
   */
  indexes?: readonly string[];
}

/**
 * Freezes stored data, so reads can hand it out without copying: no caller can change what the
 * store holds, or what another caller was given.
 */
function freezeData(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) freezeData(member);
}

function reviveRegistrering(raw: Registrering): Registrering {
  return {
    ...raw,
    fra: new Date(raw.fra),
    til: raw.til === null ? null : new Date(raw.til),
    virkninger: raw.virkninger.map((v) => ({
      ...v,
      fra: new Date(v.fra),
      til: v.til === null ? null : new Date(v.til),
    })),
  };
}

const fsyncAsync = promisify(fsync);

/** The journal's file, written in order and fsynced in groups. */
interface Journal {
  /** Writes a line now, in call order; durable once `sync()` resolves. */
  write(line: string): void;
  /** Resolves once everything written so far is on disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

function openJournal(file: string, durable: boolean): Journal {
  const created = !existsSync(file);
  const fd = openSync(file, 'a');
  if (created && durable) {
    // The new file's directory entry is durable only once the directory is synced.
    const directory = openSync(dirname(file), 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
  }
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  /** A failed fsync leaves the file's state unknown: nothing more is acknowledged. */
  let failure: unknown = null;
  const sync = (): Promise<void> => {
    if (failure !== null) return Promise.reject(failure);
    if (!durable) return Promise.resolve();
    if (running === null) {
      running = fsyncAsync(fd)
        .catch((error: unknown) => {
          failure = error;
          throw error;
        })
        .finally(() => {
          running = null;
        });
      return running;
    }
    // An fsync is under way and may have begun before this write: the next one covers it, and
    // every write made meanwhile.
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return sync();
      });
    return next;
  };
  return {
    write(line) {
      if (failure !== null) throw failure;
      writeSync(fd, line);
    },
    sync,
    async close() {
      await Promise.allSettled([running, next]);
      closeSync(fd);
    },
  };
}

/**
 * The in-process adapter: the default for development and tests, with the same semantics as the
 * MongoDB adapter. Appends are atomic because they are checked, written to the journal and
 * applied synchronously on the event loop; they resolve once the journal is fsynced. A read may
 * see a change whose fsync is still under way (as a MongoDB read with the default read concern
 * may see a write not yet on a majority).
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): BitemporalStore {
  const now = options.now ?? (() => new Date());
  const objects = new Map<string, Map<string, ObjectRecord>>();
  const searchIndexes = new Map<string, SearchIndex>();
  const sequences = new Map<string, number>();
  let closed = false;

  function typeMap(type: string): Map<string, ObjectRecord> {
    let map = objects.get(type);
    if (!map) {
      map = new Map();
      objects.set(type, map);
    }
    return map;
  }

  function searchIndex(type: string): SearchIndex {
    let index = searchIndexes.get(type);
    if (!index) {
      index = createSearchIndex(options.indexes ?? []);
      searchIndexes.set(type, index);
    }
    return index;
  }

  function apply(entry: JournalEntry): void {
    for (const virkning of entry.registrering.virkninger) freezeData(virkning.data);
    const map = typeMap(entry.type);
    const record = map.get(entry.uuid);
    if (!record) {
      const created: ObjectRecord = {
        type: entry.type,
        uuid: entry.uuid,
        sortKey: entry.sortKey,
        registreringer: [entry.registrering],
      };
      map.set(entry.uuid, created);
      searchIndex(entry.type).add(created, entry.registrering, true);
      return;
    }
    const last = record.registreringer[record.registreringer.length - 1];
    if (last) last.til = entry.registrering.fra;
    record.registreringer.push(entry.registrering);
    searchIndex(entry.type).add(record, entry.registrering, false);
  }

  if (options.journalFile && existsSync(options.journalFile)) {
    const lines = readFileSync(options.journalFile, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      if (!line.trim()) continue;
      let entry: JournalEntry | SequenceEntry;
      try {
        entry = JSON.parse(line) as JournalEntry | SequenceEntry;
      } catch (error) {
        // A crash during the last append can leave half a line: that append never completed.
        // Anything corrupt before it is real damage and must stop the store from opening.
        if (lines.slice(index + 1).every((rest) => !rest.trim())) {
          // Cut it off, so the next append starts on a line of its own.
          const valid = lines.slice(0, index).join('\n');
          truncateSync(options.journalFile, Buffer.byteLength(valid ? `${valid}\n` : ''));
          break;
        }
        throw new Error(`Journal ${options.journalFile} is corrupt at line ${index + 1}`, {
          cause: error,
        });
      }
      if ('sequence' in entry) sequences.set(entry.sequence, entry.value);
      else apply({ ...entry, registrering: reviveRegistrering(entry.registrering) });
    }
  } else if (options.journalFile) {
    mkdirSync(dirname(options.journalFile), { recursive: true });
  }
  const journal = options.journalFile
    ? openJournal(options.journalFile, options.fsync ?? true)
    : null;

  function assertOpen(): void {
    if (closed) throw new Error('Store is closed');
  }

  return {
    async append<T extends Data>(input: AppendInput<T>): Promise<AppendResult> {
      assertOpen();
      const record = typeMap(input.type).get(input.uuid);
      const last = record?.registreringer[record.registreringer.length - 1];
      const registrering = buildRegistrering(
        last ? { version: last.nr, lastFra: last.fra } : null,
        input,
        now(),
      ) as Registrering;
      const entry: JournalEntry = {
        type: input.type,
        uuid: input.uuid,
        sortKey: record?.sortKey ?? input.sortKey ?? input.uuid,
        registrering: structuredClone(registrering),
      };
      journal?.write(`${JSON.stringify(entry)}\n`);
      apply(entry);
      await journal?.sync();
      return { version: registrering.nr, tid: registrering.fra };
    },

    async findByIds<T extends Data>(type: string, uuids: readonly string[], at: SearchQuery['at']) {
      assertOpen();
      const map = typeMap(type);
      // Stored data is frozen: it is handed out as it is, not copied.
      return uuids.map((uuid) => {
        const record = map.get(uuid);
        return record
          ? (selectAt(uuid, record.registreringer, at) as StoredObject<T> | null)
          : null;
      });
    },

    async search<T extends Data>(query: SearchQuery): Promise<Page<T>> {
      assertOpen();
      const filter = query.filter ?? {};
      assertFilter(filter);
      // Checked against undefined, not falsiness: a null list must fail, never mean "no limit".
      const { anyOf } = query;
      if (anyOf !== undefined) assertAnyOf(anyOf);
      const matchesQuery = compileFilter(filter);
      const matchesGrant = compileAnyOf(anyOf);
      const descending = query.order === 'desc';
      const after = query.after ? decodeCursor(query.after) : null;
      const index = searchIndex(query.type);
      // In (sortKey, uuid) order already: the index keeps them so, and narrows when it can.
      const records = index.findCandidates(filter) ?? index.ordered;
      const isPastCursor = (record: { sortKey: string; uuid: string }): boolean => {
        if (!after) return true;
        const order =
          record.sortKey !== after.sortKey
            ? record.sortKey < after.sortKey
              ? -1
              : 1
            : record.uuid < after.uuid
              ? -1
              : record.uuid > after.uuid
                ? 1
                : 0;
        return descending ? order < 0 : order > 0;
      };
      const items: PageItem<T>[] = [];
      let totalCount = 0;
      let hasNextPage = false;
      for (let i = 0; i < records.length; i += 1) {
        const record = records[descending ? records.length - 1 - i : i] as (typeof records)[number];
        const object = selectAt(record.uuid, record.registreringer, query.at);
        if (!object || !matchesQuery(object.data) || !matchesGrant(object.data)) continue;
        totalCount += 1;
        if (!isPastCursor(record)) continue;
        if (items.length < query.first) {
          items.push({
            ...(object as StoredObject<T>),
            cursor: encodeCursor({ sortKey: record.sortKey, uuid: record.uuid }),
          });
        } else {
          hasNextPage = true;
        }
      }
      return {
        items,
        totalCount,
        hasNextPage,
        endCursor: items[items.length - 1]?.cursor ?? null,
      };
    },

    async findHistory<T extends Data>(type: string, uuid: string): Promise<Registrering<T>[]> {
      assertOpen();
      const record = typeMap(type).get(uuid);
      return record ? (structuredClone(record.registreringer) as Registrering<T>[]) : [];
    },

    async nextSequence(name: string): Promise<number> {
      assertOpen();
      const value = (sequences.get(name) ?? 0) + 1;
      const entry: SequenceEntry = { sequence: name, value };
      journal?.write(`${JSON.stringify(entry)}\n`);
      sequences.set(name, value);
      await journal?.sync();
      return value;
    },

    async ping(): Promise<void> {
      assertOpen();
      // Rejects once an fsync has failed: the store acknowledges nothing more, so it is not ready.
      await journal?.sync();
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await journal?.close();
    },
  };
}
