import { Writable } from 'node:stream';
import { createLogger } from '../logger';
import type { AuditLog, AuditRecord } from './audit-log';
import { AuditUnavailableError, createRequestAudit } from './create-request-audit';
import { createEmbeddedAuditLog } from './embedded-audit-log';

const GRANT = {
  group: {
    id: '29189625#1',
    cvr: '29189625',
    roles: ['sag:laes' as const],
    kle: null,
    enheder: null,
    foelsomhed: null,
  },
  role: 'sag:laes' as const,
  organisation: 'aaaaaaaa-0000-4000-8000-000000000001',
  enheder: null,
};

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ name: 'test', destination }) };
}

describe('createRequestAudit', () => {
  it('writes one record per entry with the caller, the group used and the request', async () => {
    const log = createEmbeddedAuditLog({ retentionMs: 86_400_000 });
    const audit = createRequestAudit({
      log,
      service: 'sag',
      requestId: 'req-1',
      caller: { kind: 'BRUGER', subject: 'mette', groups: [GRANT.group] },
      logger: capture().logger,
    });
    await audit.record([
      {
        operation: 'SOEG',
        objektType: 'Sag',
        objekter: ['aaaaaaaa-0000-4000-8000-00000000000a', 'aaaaaaaa-0000-4000-8000-00000000000a'],
        cpr: ['1203654127'],
        udfald: 'TILLADT',
        dataansvarlig: GRANT.organisation,
        grant: GRANT,
        soegekriterier: { kle: '02' },
      },
    ]);
    const { records } = await log.search({ cpr: '1203654127', first: 10 });
    expect(records).toEqual([
      expect.objectContaining({
        requestId: 'req-1',
        service: 'sag',
        aktoer: 'mette',
        aktoerType: 'BRUGER',
        organisation: '29189625',
        dataansvarlig: GRANT.organisation,
        rolle: 'sag:laes',
        privilegiegruppe: '29189625#1',
        operation: 'SOEG',
        objekter: ['aaaaaaaa-0000-4000-8000-00000000000a'],
        soegekriterier: { kle: '02' },
        udfald: 'TILLADT',
      }),
    ]);
  });

  it('fails closed when the log cannot be written, and logs no CPR number', async () => {
    const failing: AuditLog = {
      append: async (records: readonly AuditRecord[]) => {
        throw new Error(`disk full while writing ${JSON.stringify(records)}`);
      },
      search: async () => ({ records: [], hasNextPage: false, endCursor: null }),
      purgeBefore: async () => 0,
      ping: async () => undefined,
      close: async () => undefined,
    };
    const { lines, logger } = capture();
    const audit = createRequestAudit({
      log: failing,
      service: 'sag',
      requestId: 'req-2',
      caller: { kind: 'BORGER', subject: 'karen', cpr: '1203654127' },
      logger,
    });
    await expect(
      audit.record([
        {
          operation: 'LAES',
          objektType: 'Sag',
          objekter: [],
          cpr: ['1203654127'],
          udfald: 'TILLADT',
          dataansvarlig: null,
        },
      ]),
    ).rejects.toBeInstanceOf(AuditUnavailableError);
    expect(lines.join('')).toContain('access log append failed');
    expect(lines.join('')).not.toContain('1203654127');
  });
});
