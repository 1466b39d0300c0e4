import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRecord } from './audit-log';
import { openAuditLog } from './open-audit-log';

const retentionMs = 24 * 60 * 60 * 1000;

const record = (): AuditRecord => ({
  id: randomUUID(),
  tid: new Date(),
  requestId: 'req-1',
  service: 'sag',
  aktoer: 'bruger-1',
  aktoerType: 'BRUGER',
  organisation: null,
  dataansvarlig: null,
  rolle: null,
  privilegiegruppe: null,
  operation: 'LAES',
  objektType: 'Sag',
  objekter: [],
  cpr: ['0101701234'],
  soegekriterier: null,
  udfald: 'TILLADT',
});

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kommunegraf-open-audit-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openAuditLog', () => {
  it('keeps the embedded log beside the store journal as <name>-adgangslog.jsonl', async () => {
    const config = { kind: 'embedded', journalFile: join(dir, 'sag.jsonl') } as const;
    const log = await openAuditLog(config, { retentionMs, name: 'sag' });
    const written = record();
    await log.append([written]);
    await log.close();
    expect(existsSync(join(dir, 'sag-adgangslog.jsonl'))).toBe(true);

    const reopened = await openAuditLog(config, { retentionMs, name: 'sag' });
    const page = await reopened.search({ cpr: '0101701234', first: 10 });
    expect(page.records).toEqual([written]);
    await reopened.close();
  });

  it('keeps the embedded log in memory when the store has no journal', async () => {
    const log = await openAuditLog(
      { kind: 'embedded', journalFile: null },
      { retentionMs, name: 'sag' },
    );
    await log.append([record()]);
    await expect(log.search({ first: 10 })).resolves.toMatchObject({ hasNextPage: false });
    await log.close();
  });

  it('refuses a name that could leave the store directory', async () => {
    await expect(
      openAuditLog(
        { kind: 'embedded', journalFile: join(dir, 'x.jsonl') },
        { retentionMs, name: '../x' },
      ),
    ).rejects.toThrow(TypeError);
  });
});
