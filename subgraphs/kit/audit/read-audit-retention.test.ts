import { readAuditRetention } from './read-audit-retention';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('readAuditRetention', () => {
  it('defaults to 183 days (about six months)', () => {
    const problems: string[] = [];
    expect(readAuditRetention({}, problems)).toBe(183 * DAY_MS);
    expect(readAuditRetention({ AUDIT_RETENTION_DAYS: '' }, problems)).toBe(183 * DAY_MS);
    expect(problems).toEqual([]);
  });

  it('reads a whole number of days up to ten years', () => {
    const problems: string[] = [];
    expect(readAuditRetention({ AUDIT_RETENTION_DAYS: '1' }, problems)).toBe(DAY_MS);
    expect(readAuditRetention({ AUDIT_RETENTION_DAYS: '3650' }, problems)).toBe(3650 * DAY_MS);
    expect(problems).toEqual([]);
  });

  it.each(['0', '3651', '-5', '1.5', '6m', ' 30', '1e3'])('reports %j as a problem', (raw) => {
    const problems: string[] = [];
    expect(readAuditRetention({ AUDIT_RETENTION_DAYS: raw }, problems)).toBe(183 * DAY_MS);
    expect(problems).toEqual([
      `AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "${raw}"`,
    ]);
  });
});
