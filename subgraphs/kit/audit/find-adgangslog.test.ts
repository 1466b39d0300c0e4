import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import { createStaticOrganisationDirectory } from '../auth/organisation-directory';
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

const JAMMERBUGT = { cvr: '29189625', uuid: 'aaaaaaaa-0000-4000-8000-000000000849' };
const BROENDERSLEV = { cvr: '29189501', uuid: 'aaaaaaaa-0000-4000-8000-000000000810' };
const ACCESS = {
  directory: createStaticOrganisationDirectory({
    organisationer: { [JAMMERBUGT.cvr]: JAMMERBUGT.uuid, [BROENDERSLEV.cvr]: BROENDERSLEV.uuid },
    enheder: {},
  }),
  token: null,
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
    dataansvarlig: JAMMERBUGT.uuid,
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
    await log.append([
      record({}),
      record({ organisation: '29189501', dataansvarlig: BROENDERSLEV.uuid, aktoer: 'soeren' }),
    ]);
    const scope = getAdgangslogScope(CITIZEN, {}, { now: NOW, retentionMs: RETENTION });
    const poster = await findAdgangslogPoster(log, CITIZEN, scope, ACCESS);
    expect(poster.map((p) => p.aktoer).sort()).toEqual(['mette', 'soeren']);
    for (const post of poster) {
      expect(post.cpr).toEqual(['1203654127']);
      expect(post.soegekriterier).toBeNull();
    }
  });

  it("shows an auditor only records about their own municipality's data, whoever made them", async () => {
    const log = createEmbeddedAuditLog({ retentionMs: RETENTION, now: () => NOW });
    const broenderslevData = { dataansvarlig: BROENDERSLEV.uuid };
    await log.append([
      record({}),
      record({ organisation: '29189501', aktoer: 'soeren', ...broenderslevData }),
      // A citizen's own read of a Brønderslev case, and a refused attempt on one: no group.
      record({ organisation: null, aktoerType: 'BORGER', aktoer: 'borger:x', ...broenderslevData }),
      record({ organisation: null, udfald: 'AFVIST', aktoer: 'mallory', ...broenderslevData }),
      // A citizen's own read of a Jammerbugt case, and a record that names no municipality.
      record({ organisation: null, aktoerType: 'BORGER', aktoer: 'borger:karen' }),
      record({ organisation: null, aktoer: 'legacy', dataansvarlig: null }),
    ]);
    const scope = (caller: Caller) =>
      getAdgangslogScope(caller, { cpr: '0711583319' }, { now: NOW, retentionMs: RETENTION });
    const jammerbugt = auditor(JAMMERBUGT.cvr);
    const poster = await findAdgangslogPoster(log, jammerbugt, scope(jammerbugt), ACCESS);
    expect(poster.map((p) => p.aktoer).sort()).toEqual(['borger:karen', 'mette']);
    expect(poster.find((p) => p.aktoer === 'mette')?.cpr).toEqual(['1203654127', '0711583319']);
    // Brønderslev's auditor sees exactly Brønderslev's records, so the filter is a decision.
    const broenderslev = auditor(BROENDERSLEV.cvr);
    const theirs = await findAdgangslogPoster(log, broenderslev, scope(broenderslev), ACCESS);
    expect(theirs.map((p) => p.aktoer).sort()).toEqual(['borger:x', 'mallory', 'soeren']);
    // An auditor of a CVR the directory does not know audits nothing.
    const unknown = auditor('12345678');
    expect(await findAdgangslogPoster(log, unknown, scope(unknown), ACCESS)).toEqual([]);
  });
});
