import { BadUserInputError } from '../../kit/domain-error';
import { isCalendarDate } from '../../kit/is-calendar-date';

/** Returns the date, or throws BAD_USER_INPUT naming `field`. */
export function assertDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) {
    throw new BadUserInputError(`${field} must be a date YYYY-MM-DD`, field);
  }
  return value;
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
export function getNextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
