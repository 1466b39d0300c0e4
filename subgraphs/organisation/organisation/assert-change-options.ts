import { assertText } from '../../kit/assert-text';
import { BadUserInputError } from '../../kit/domain-error';
import type { CreateOptions } from './change-options';

export const MAX_AKTOER_LENGTH = 200;

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Checks the who and when of a change; returns the options with a trimmed `aktoer`. */
export function assertChangeOptions<T extends Partial<CreateOptions>>(options: T): T {
  if (!isValidDate(options.fra)) throw new BadUserInputError('fra must be a date', 'fra');
  if (options.til !== undefined && options.til !== null) {
    if (!isValidDate(options.til) || options.til.getTime() <= options.fra.getTime()) {
      throw new BadUserInputError('til must be a date after fra', 'til');
    }
  }
  if (options.tid !== undefined && !isValidDate(options.tid)) {
    throw new BadUserInputError('tid must be a date', 'tid');
  }
  return { ...options, aktoer: assertText(options.aktoer, 'aktoer', MAX_AKTOER_LENGTH) };
}
