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
  Registrering,
  SearchQuery,
  StoredObject,
} from './bitemporal-store';
import { decodeCursor, encodeCursor } from './cursor';
import { assertAnyOf, assertFilter, matchesFilter } from './filter';
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

  function apply(entry: JournalEntry): void {
    const map = typeMap(entry.type);
    const record = map.get(entry.uuid);
    if (!record) {
      map.set(entry.uuid, {
        type: entry.type,
        uuid: entry.uuid,
        sortKey: entry.sortKey,
        registreringer: [entry.registrering],
      });
      return;
    }
    const last = record.registreringer[record.registreringer.length - 1];
    if (last) last.til = entry.registrering.fra;
    record.registreringer.push(entry.registrering);
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
      return uuids.map((uuid) => {
        const record = map.get(uuid);
        const found = record ? selectAt(uuid, record.registreringer, at) : null;
        return found ? (structuredClone(found) as StoredObject<T>) : null;
      });
    },

    async search<T extends Data>(query: SearchQuery): Promise<Page<T>> {
      assertOpen();
      const filter = query.filter ?? {};
      assertFilter(filter);
      // Checked against undefined, not falsiness: a null list must fail, never mean "no limit".
      const { anyOf } = query;
      if (anyOf !== undefined) assertAnyOf(anyOf);
      const direction = query.order === 'desc' ? -1 : 1;
      const after = query.after ? decodeCursor(query.after) : null;
      const matches: { sortKey: string; object: StoredObject }[] = [];
      for (const record of typeMap(query.type).values()) {
        const object = selectAt(record.uuid, record.registreringer, query.at);
        if (
          object &&
          matchesFilter(object.data, filter) &&
          (anyOf === undefined || anyOf.some((grant) => matchesFilter(object.data, grant)))
        ) {
          matches.push({ sortKey: record.sortKey, object });
        }
      }
      const compareKeys = (a: { sortKey: string; uuid: string }, b: typeof a): number =>
        direction *
        (a.sortKey < b.sortKey
          ? -1
          : a.sortKey > b.sortKey
            ? 1
            : a.uuid < b.uuid
              ? -1
              : a.uuid > b.uuid
                ? 1
                : 0);
      matches.sort((a, b) =>
        compareKeys(
          { sortKey: a.sortKey, uuid: a.object.uuid },
          { sortKey: b.sortKey, uuid: b.object.uuid },
        ),
      );
      const rest = after
        ? matches.filter((m) => compareKeys({ sortKey: m.sortKey, uuid: m.object.uuid }, after) > 0)
        : matches;
      const pageItems = rest.slice(0, query.first).map((m) => ({
        ...(structuredClone(m.object) as StoredObject<T>),
        cursor: encodeCursor({ sortKey: m.sortKey, uuid: m.object.uuid }),
      }));
      return {
        items: pageItems,
        totalCount: matches.length,
        hasNextPage: rest.length > query.first,
        endCursor: pageItems[pageItems.length - 1]?.cursor ?? null,
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
