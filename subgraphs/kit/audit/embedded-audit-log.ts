import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditLog, AuditPage, AuditQuery, AuditRecord } from './audit-log';
import { assertAuditQuery } from './assert-audit-query';
import { assertAuditRecord } from './assert-audit-record';
import { assertRetentionMs } from './assert-retention-ms';
import { encodeAuditCursor, type AuditPosition } from './audit-cursor';

export interface EmbeddedAuditLogOptions {
  /**
   * Append-only JSONL journal, one record per line; when set, every append is written and
   * fsynced before it resolves, and the journal is replayed on open. Without it the log lives in
   * memory only.
   */
  file?: string;
  /** Records older than `now() - retentionMs` are purged at open and never returned. */
  retentionMs: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Search order: newest first, ties broken by id descending. Negative when `a` comes first. */
function compareNewestFirst(a: AuditPosition, b: AuditPosition): number {
  const byTid = b.tid.getTime() - a.tid.getTime();
  if (byTid !== 0) return byTid;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A copy a caller may change freely. Not `structuredClone`: under jest its Dates come from
 * another realm and fail `instanceof Date`.
 */
function copyRecord(record: AuditRecord): AuditRecord {
  return {
    ...record,
    tid: new Date(record.tid.getTime()),
    objekter: [...record.objekter],
    cpr: [...record.cpr],
    soegekriterier:
      record.soegekriterier === null
        ? null
        : (JSON.parse(JSON.stringify(record.soegekriterier)) as Record<string, unknown>),
  };
}

function toLines(records: readonly AuditRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** Revives one journal line; throws on anything that is not a valid record. */
function parseLine(line: string): AuditRecord {
  const raw = JSON.parse(line) as Omit<AuditRecord, 'tid' | 'dataansvarlig'> & {
    tid: string;
    dataansvarlig?: string | null;
  };
  // Lines written before records named the municipality concerned have no `dataansvarlig`.
  return assertAuditRecord({
    ...raw,
    tid: new Date(raw.tid),
    dataansvarlig: raw.dataansvarlig ?? null,
  });
}

/**
 * Reads a journal. A crash during the last append can leave half a line: that append never
 * resolved, so the line is cut off and the next append starts on a line of its own. Anything
 * corrupt before the last line is real damage and stops the log from opening.
 */
function readJournal(file: string): AuditRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const records: AuditRecord[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    try {
      records.push(parseLine(line));
    } catch (error) {
      if (error instanceof SyntaxError && lines.slice(index + 1).every((rest) => !rest.trim())) {
        const valid = lines.slice(0, index).join('\n');
        truncateSync(file, Buffer.byteLength(valid ? `${valid}\n` : ''));
        break;
      }
      throw new Error(`Audit journal ${file} is corrupt at line ${index + 1}`, { cause: error });
    }
  }
  return records;
}

function temporaryFile(file: string): string {
  return `${file}.${randomUUID()}.tmp`;
}

/** Replaces the journal atomically: a reader sees the old file or the new one, never a mix. */
function rewriteJournalSync(file: string, records: readonly AuditRecord[]): void {
  const temporary = temporaryFile(file);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, toLines(records));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  syncDirectorySync(dirname(file));
}

function syncDirectorySync(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function rewriteJournal(file: string, records: readonly AuditRecord[]): Promise<void> {
  const temporary = temporaryFile(file);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(toLines(records));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  // The rename itself is durable only once the directory is synced.
  const directory = await open(dirname(file), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * Appends lines and fsyncs them. On a failed write the file is cut back to its old length, so
 * a half-written line never ends up before the next append's lines (which would make the
 * journal unreadable).
 */
async function appendDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    const { size } = await handle.stat();
    try {
      await handle.appendFile(text);
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The in-process adapter, for development and tests, with the same semantics as the MongoDB
 * adapter. Journal writes and purges run one at a time, so a purge's rewrite never loses an
 * append made while it runs. A batch is one write, but a crash in the middle of it can keep the
 * batch's first records: all or nothing holds for validation and ordinary write errors only.
 */
export function createEmbeddedAuditLog(options: EmbeddedAuditLogOptions): AuditLog {
  const retentionMs = assertRetentionMs(options.retentionMs);
  const now = options.now ?? (() => new Date());
  const file = options.file;
  let records = new Map<string, AuditRecord>();
  let closed = false;
  let tail: Promise<void> = Promise.resolve();

  const retentionStart = (): number => now().getTime() - retentionMs;

  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task);
    tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  function assertOpen(): void {
    if (closed) throw new Error('Audit log is closed');
  }

  if (file && existsSync(file)) {
    const stored = readJournal(file);
    const start = retentionStart();
    for (const record of stored) {
      if (record.tid.getTime() >= start && !records.has(record.id)) records.set(record.id, record);
    }
    if (records.size < stored.length) rewriteJournalSync(file, [...records.values()]);
  } else if (file) {
    mkdirSync(dirname(file), { recursive: true });
  }

  return {
    async append(input: readonly AuditRecord[]): Promise<void> {
      assertOpen();
      const checked = input.map((record) => assertAuditRecord(record));
      await exclusive(async () => {
        assertOpen();
        const fresh = new Map<string, AuditRecord>();
        for (const record of checked) {
          if (!records.has(record.id) && !fresh.has(record.id)) fresh.set(record.id, record);
        }
        if (fresh.size === 0) return;
        if (file) await appendDurably(file, toLines([...fresh.values()]));
        // Only once written: a record the journal refused is not visible either.
        for (const record of fresh.values()) records.set(record.id, record);
      });
    },

    async search(query: AuditQuery): Promise<AuditPage> {
      assertOpen();
      const checked = assertAuditQuery(query);
      const start = retentionStart();
      const { cpr, dataansvarlig, fra, til, after } = checked;
      const matches = [...records.values()]
        .filter((record) => {
          const tid = record.tid.getTime();
          return (
            tid >= start &&
            (fra === null || tid >= fra.getTime()) &&
            (til === null || tid < til.getTime()) &&
            (cpr === null || record.cpr.includes(cpr)) &&
            (dataansvarlig === null ||
              (record.dataansvarlig !== null && dataansvarlig.includes(record.dataansvarlig))) &&
            (after === null || compareNewestFirst(record, after) > 0)
          );
        })
        .sort(compareNewestFirst);
      const page = matches.slice(0, checked.first).map(copyRecord);
      const last = page[page.length - 1];
      return {
        records: page,
        hasNextPage: matches.length > checked.first,
        endCursor: last ? encodeAuditCursor(last) : null,
      };
    },

    async purgeBefore(before: Date): Promise<number> {
      assertOpen();
      if (!(before instanceof Date) || Number.isNaN(before.getTime())) {
        throw new TypeError('purgeBefore needs a valid Date');
      }
      return exclusive(async () => {
        assertOpen();
        const kept = new Map(
          [...records].filter(([, record]) => record.tid.getTime() >= before.getTime()),
        );
        const removed = records.size - kept.size;
        if (removed > 0 && file) await rewriteJournal(file, [...kept.values()]);
        if (removed > 0) records = kept;
        return removed;
      });
    },

    async ping(): Promise<void> {
      assertOpen();
      // A journal that can no longer be opened for appending makes every audited request fail:
      // not ready.
      if (file) await (await open(file, 'a')).close();
    },

    async close(): Promise<void> {
      closed = true;
      await tail;
    },
  };
}
