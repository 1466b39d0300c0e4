import { BadUserInputError } from '../../kit/domain-error';

// `\d` without the `u` flag is ASCII only, so other scripts' digits are rejected.
const EMNE = /^\d{2}\.\d{2}\.\d{2}$/;
const EMNEPLAN_PREFIX = /^\d{2}(\.\d{2}){0,2}$/;

/** Returns a KLE emne number `NN.NN.NN`, or throws BAD_USER_INPUT naming `field`. */
export function assertKleEmne(value: unknown, field: string): string {
  if (typeof value !== 'string' || !EMNE.test(value)) {
    throw new BadUserInputError(`${field} must be a KLE emne number NN.NN.NN`, field);
  }
  return value;
}

/**
 * Returns a KLE number of any level of the emneplan (`02`, `02.34`, `02.34.02`) for a prefix
 * search, or throws BAD_USER_INPUT naming `field`. Whole levels only, so `02.3` is refused rather
 * than silently matching `02.30`–`02.39`.
 */
export function assertKlePrefix(value: unknown, field: string): string {
  if (typeof value !== 'string' || !EMNEPLAN_PREFIX.test(value)) {
    throw new BadUserInputError(
      `${field} must be a KLE number or prefix: NN, NN.NN or NN.NN.NN`,
      field,
    );
  }
  return value;
}
