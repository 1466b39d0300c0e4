import { BadUserInputError } from '../../kit/domain-error';

const CVR = /^\d{8}$/;

/** Returns the CVR number, or throws BAD_USER_INPUT naming `field` unless it is 8 digits. */
export function assertCvr(value: unknown, field = 'cvr'): string {
  if (typeof value !== 'string' || !CVR.test(value)) {
    throw new BadUserInputError(`${field} must be a CVR number of 8 digits`, field);
  }
  return value;
}
