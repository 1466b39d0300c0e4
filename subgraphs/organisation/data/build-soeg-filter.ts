import { BadUserInputError } from '../../kit/domain-error';
import type { Filter } from '../../kit/store/bitemporal-store';

/** Longer search texts are no name: refusing them keeps scans cheap. */
export const MAX_SOEG_LENGTH = 100;

/**
 * A case-insensitive substring condition on `navn`; blank means no condition. The store compares
 * it literally, so `.*` is three characters to look for, never a pattern.
 */
export function buildSoegFilter(soeg: string | null | undefined): Filter {
  const text = soeg?.trim() ?? '';
  if (text.length > MAX_SOEG_LENGTH) {
    throw new BadUserInputError(
      `filter.soeg must be at most ${MAX_SOEG_LENGTH} characters`,
      'filter.soeg',
    );
  }
  return text === '' ? {} : { navn: { contains: text } };
}
