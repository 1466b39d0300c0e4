import type { Env } from '../config';

/** About six months, the retention Datatilsynet expects by default. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 183;
const MAX_AUDIT_RETENTION_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads AUDIT_RETENTION_DAYS (a whole number of days, 1..3650) and returns the retention in
 * milliseconds; records a problem and returns the default when invalid.
 * @default 183 days
 */
export function readAuditRetention(env: Env, problems: string[]): number {
  const raw = env.AUDIT_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_AUDIT_RETENTION_DAYS * DAY_MS;
  const days = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= 1 && days <= MAX_AUDIT_RETENTION_DAYS)) {
    problems.push(
      `AUDIT_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_AUDIT_RETENTION_DAYS}, got "${raw}"`,
    );
    return DEFAULT_AUDIT_RETENTION_DAYS * DAY_MS;
  }
  return days * DAY_MS;
}
