import { BadUserInputError } from '../../kit/domain-error';

const KOMMUNEKODE = /^\d{4}$/;

/** Returns the municipality code, or throws BAD_USER_INPUT naming `field` unless it is 4 digits. */
export function assertKommunekode(value: unknown, field = 'kommunekode'): string {
  if (typeof value !== 'string' || !KOMMUNEKODE.test(value)) {
    throw new BadUserInputError(
      `${field} must be a municipality code of 4 digits, e.g. 0849`,
      field,
    );
  }
  return value;
}
