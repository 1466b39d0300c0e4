import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import type { AuditRecord } from './audit-log';
import { createEmbeddedAuditLog } from './embedded-audit-log';
import { findAdgangslogPoster, getAdgangslogScope } from './find-adgangslog';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const RETENTION = 183 * 86_400_000;
const CITIZEN: Caller = { kind: 'BORGER', subject: 'karen', cpr: '1203654127' };
const auditor = (cvr: string): Caller => ({
  kind: 'BRUGER',
  subject: 'revisor',
  groups: [
    { id: `${cvr}#1`, cvr, roles: ['adgangslog:laes'], kle: null, enheder: null, foelsomhed: null },
  ],
});
const CASE_WORKER: Caller = {
  kind: 'BRUGER',
  subject: 'mette',
  groups: [
    { id: 'g', cvr: '29189625', roles: ['sag:laes'], kle: null, enheder: null, foelsomhed: null },
  ],
};

function record(partial: Partial<AuditRecord>): AuditRecord {
  return {
    id: randomUUID(),
    tid: new Date('2026-05-01T10:00:00.000Z'),
    requestId: 'r',
    service: 'sag',
    aktoer: 'mette',
    aktoerType: 'BRUGER',
    organisation: '29189625',
    rolle: 'sag:laes',
    privilegiegruppe: '29189625#1',
    operation: 'SOEG',
    objektType: 'Sag',
    objekter: [randomUUID()],
    cpr: ['1203654127', '0711583319'],
    soegekriterier: { tekst: 'carport' },
    udfald: 'TILLADT',
    ...partial,
  };
}

describe('getAdgangslogScope', () => {
  const options = { now: NOW, retentionMs: RETENTION };

  it("gives a citizen their own CPR and refuses anyone else's", () => {
    expect(getAdgangslogScope(CITIZEN, {}, options)).toMatchObject({ cpr: '1203654127' });
    expect(getAdgangslogScope(CITIZEN, { cpr: '1203654127' }, options).cpr).toBe('1203654127');
    expect(() => getAdgangslogScope(CITIZEN, { cpr: '0711583319' }, options)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('lets an auditor name a CPR and refuses users without the role', () => {
    expect(getAdgangslogScope(auditor('29189625'), { cpr: '0711583319' }, options).cpr).toBe(
      '0711583319',
    );
    expect(() => getAdgangslogScope(auditor('29189625'), {}, options)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => getAdgangslogScope(CASE_WORKER, { cpr: '0711583319' }, options)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => getAdgangslogScope({ kind: 'ANONYM' }, {}, options)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses a malformed CPR number or an empty period', () => {
    expect(() => getAdgangslogScope(auditor('29189625'), { cpr: '12' }, options)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => getAdgangslogScope(CITIZEN, { fra: NOW, til: NOW }, options)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});

describe('findAdgangslogPoster', () => {
  it("shows a citizen every record about them without other people's CPR or criteria", async () => {
    const log = createEmbeddedAuditLog({ retentionMs: RETENTION, now: () => NOW });
    await log.append([record({}), record({ organisation: '29189501', aktoer: 'soeren' })]);
    const scope = getAdgangslogScope(CITIZEN, {}, { now: NOW, retentionMs: RETENTION });
    const poster = await findAdgangslogPoster(log, CITIZEN, scope);
    expect(poster.map((p) => p.aktoer).sort()).toEqual(['mette', 'soeren']);
    for (const post of poster) {
      expect(post.cpr).toEqual(['1203654127']);
      expect(post.soegekriterier).toBeNull();
    }
  });

  it('shows an auditor only the records of the municipalities they audit', async () => {
    const log = createEmbeddedAuditLog({ retentionMs: RETENTION, now: () => NOW });
    await log.append([
      record({}),
      record({ organisation: '29189501', aktoer: 'soeren' }),
      record({ organisation: null, aktoerType: 'BORGER', aktoer: 'borger:karen' }),
    ]);
    const caller = auditor('29189625');
    const scope = getAdgangslogScope(
      caller,
      { cpr: '0711583319' },
      { now: NOW, retentionMs: RETENTION },
    );
    const poster = await findAdgangslogPoster(log, caller, scope);
    expect(poster.map((p) => p.aktoer).sort()).toEqual(['borger:karen', 'mette']);
    expect(poster.find((p) => p.aktoer === 'mette')?.cpr).toEqual(['1203654127', '0711583319']);
  });
});
