import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRecord } from './audit-log';
import { describeAuditLogContract } from './audit-log-contract';
import { createEmbeddedAuditLog } from './embedded-audit-log';

const DAY_MS = 24 * 60 * 60 * 1000;
const retentionMs = 30 * DAY_MS;
const ago = (days: number): Date => new Date(Date.now() - days * DAY_MS);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kommunegraf-audit-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: randomUUID(),
    tid: ago(1),
    requestId: 'req-1',
    service: 'sag',
    aktoer: 'bruger-1',
    aktoerType: 'BRUGER',
    organisation: null,
    dataansvarlig: null,
    rolle: 'sag:laes',
    privilegiegruppe: null,
    operation: 'LAES',
    objektType: 'Sag',
    objekter: [randomUUID()],
    cpr: ['0101701234'],
    soegekriterier: null,
    udfald: 'TILLADT',
    ...overrides,
  };
}

const lines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

async function searchIds(log: ReturnType<typeof createEmbeddedAuditLog>): Promise<string[]> {
  const page = await log.search({ first: 500 });
  return page.records.map((record) => record.id);
}

describeAuditLogContract('embedded audit log', async (options) => createEmbeddedAuditLog(options));

describeAuditLogContract('embedded audit log with a journal', async (options) =>
  createEmbeddedAuditLog({ ...options, file: join(dir, 'contract', `${randomUUID()}.jsonl`) }),
);

describe('embedded audit log journal', () => {
  it('replays every record after reopening, exactly as written', async () => {
    const file = join(dir, 'replay', 'adgangslog.jsonl');
    const records = [
      newRecord({ soegekriterier: { navn: { contains: 'Jensen' } }, tid: ago(2) }),
      newRecord(),
    ];
    const first = createEmbeddedAuditLog({ file, retentionMs });
    await first.append(records);
    await first.close();
    expect(lines(file)).toHaveLength(2);

    const reopened = createEmbeddedAuditLog({ file, retentionMs });
    const page = await reopened.search({ cpr: '0101701234', first: 10 });
    expect(page.records).toEqual([records[1], records[0]]);
    await reopened.close();
  });

  it('reads a record written before records named the municipality as naming none', async () => {
    const file = join(dir, 'legacy', 'adgangslog.jsonl');
    await mkdir(join(dir, 'legacy'), { recursive: true });
    const legacy: Partial<AuditRecord> = newRecord({ cpr: ['0202701234'] });
    delete legacy.dataansvarlig;
    writeFileSync(file, `${JSON.stringify(legacy)}\n`);
    const log = createEmbeddedAuditLog({ file, retentionMs });
    const page = await log.search({ cpr: '0202701234', first: 10 });
    expect(page.records).toEqual([{ ...legacy, dataansvarlig: null }]);
    // No auditor's query finds it: it names no municipality.
    const audited = await log.search({
      cpr: '0202701234',
      dataansvarlig: [randomUUID()],
      first: 10,
    });
    expect(audited.records).toEqual([]);
    await log.close();
  });

  it('drops a half-written last line left by a crash, and appends after it cleanly', async () => {
    const file = join(dir, 'crash', 'adgangslog.jsonl');
    const kept = newRecord();
    const first = createEmbeddedAuditLog({ file, retentionMs });
    await first.append([kept]);
    await first.close();
    appendFileSync(file, '{"id":"3f0a","tid":"2026-');

    const reopened = createEmbeddedAuditLog({ file, retentionMs });
    await expect(searchIds(reopened)).resolves.toEqual([kept.id]);
    const next = newRecord({ tid: ago(0.5) });
    await reopened.append([next]);
    await reopened.close();

    const third = createEmbeddedAuditLog({ file, retentionMs });
    await expect(searchIds(third)).resolves.toEqual([next.id, kept.id]);
    await third.close();
  });

  it('refuses to open a journal that is corrupt before its last line', async () => {
    const file = join(dir, 'corrupt', 'adgangslog.jsonl');
    const first = createEmbeddedAuditLog({ file, retentionMs });
    await first.append([newRecord()]);
    await first.close();
    writeFileSync(file, `garbage\n${readFileSync(file, 'utf8')}`);
    expect(() => createEmbeddedAuditLog({ file, retentionMs })).toThrow(/corrupt at line 1/);
  });

  it('refuses to open a journal holding a line that is not a valid record', async () => {
    const file = join(dir, 'invalid', 'adgangslog.jsonl');
    await mkdir(join(dir, 'invalid'));
    const record = newRecord();
    writeFileSync(file, `${JSON.stringify({ ...record, cpr: ['12'] })}\n`);
    expect(() => createEmbeddedAuditLog({ file, retentionMs })).toThrow(/corrupt at line 1/);
  });

  it('keeps a purge after reopening, rewriting the journal without leftovers', async () => {
    const folder = join(dir, 'purge');
    const file = join(folder, 'adgangslog.jsonl');
    const recent = newRecord({ tid: ago(1) });
    const first = createEmbeddedAuditLog({ file, retentionMs });
    await first.append([newRecord({ tid: ago(10) }), newRecord({ tid: ago(9) }), recent]);
    await expect(first.purgeBefore(ago(5))).resolves.toBe(2);
    await first.close();

    expect(readdirSync(folder)).toEqual(['adgangslog.jsonl']);
    expect(lines(file)).toHaveLength(1);
    const reopened = createEmbeddedAuditLog({ file, retentionMs });
    await expect(searchIds(reopened)).resolves.toEqual([recent.id]);
    await reopened.close();
  });

  it('purges records older than the retention when it opens', async () => {
    const file = join(dir, 'retention', 'adgangslog.jsonl');
    const recent = newRecord({ tid: ago(1) });
    const first = createEmbeddedAuditLog({ file, retentionMs });
    await first.append([newRecord({ tid: ago(20) }), recent]);
    await first.close();

    const later = new Date(Date.now() + 15 * DAY_MS);
    const reopened = createEmbeddedAuditLog({ file, retentionMs, now: () => later });
    await expect(searchIds(reopened)).resolves.toEqual([recent.id]);
    await reopened.close();
    expect(lines(file).map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([recent.id]);
  });

  it('rejects an append it cannot write and keeps nothing of it, so callers fail closed', async () => {
    const folder = join(dir, 'unwritable');
    const file = join(folder, 'adgangslog.jsonl');
    const log = createEmbeddedAuditLog({ file, retentionMs });
    await log.append([newRecord()]);
    // A regular file where the directory was: no write can succeed, even as root.
    await rm(folder, { recursive: true });
    writeFileSync(folder, '');

    const refused = newRecord({ cpr: ['3112999999'] });
    await expect(log.append([refused])).rejects.toThrow();
    await expect(log.search({ cpr: '3112999999', first: 10 })).resolves.toMatchObject({
      records: [],
    });
    await expect(log.ping()).rejects.toThrow();
    await log.close();
  });

  it('refuses to be used after closing', async () => {
    const log = createEmbeddedAuditLog({ retentionMs });
    await log.close();
    await expect(log.append([newRecord()])).rejects.toThrow(/closed/);
    await expect(log.search({ first: 1 })).rejects.toThrow(/closed/);
  });

  it('refuses a retention that is not a positive number of milliseconds', () => {
    for (const value of [0, -1, 1.5, Number.NaN]) {
      expect(() => createEmbeddedAuditLog({ retentionMs: value })).toThrow(TypeError);
    }
  });
});
