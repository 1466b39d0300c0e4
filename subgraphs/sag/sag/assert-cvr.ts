import { BadUserInputError } from '../../kit/domain-error';

const CVR = /^\d{8}$/;

/** Returns the CVR number (8 ASCII digits), or throws BAD_USER_INPUT naming `field`. */
export function assertCvr(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CVR.test(value)) {
    throw new BadUserInputError(`${field} must be a CVR number of 8 digits`, field);
  }
  return value;
}
