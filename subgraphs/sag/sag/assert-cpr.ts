import { BadUserInputError } from '../../kit/domain-error';

const CPR = /^\d{10}$/;

/**
 * The birth year from the two-digit year and the 7th digit (the CPR office's century rule), so
 * that 29 February is checked against the right year.
 */
function getBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** True for 10 ASCII digits whose first six are a real date DDMMYY. */
export function isCpr(value: unknown): value is string {
  if (typeof value !== 'string' || !CPR.test(value)) return false;
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const year = getBirthYear(Number(value.slice(4, 6)), Number(value[6]));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    month >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * Returns the CPR number, or throws BAD_USER_INPUT naming `field`. The message never repeats the
 * value: a CPR number must not end up in a log.
 */
export function assertCpr(value: unknown, field: string): string {
  if (!isCpr(value)) {
    throw new BadUserInputError(
      `${field} must be a CPR number: 10 digits starting with a valid date DDMMYY`,
      field,
    );
  }
  return value;
}
