import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import { parseKleNummerPrefix } from './parse-kle-nummer';

/** The `KlasseFilter` input as a client sent it. */
export interface KlasseFilterInput {
  facet?: string | null;
  nummerPrefix?: string | null;
  soeg?: string | null;
}

/** A validated class filter; absent fields do not restrict. */
export interface KlasseFilter {
  /** A facet uuid, canonical lower case. */
  facet?: string;
  /** The start of a KLE number, canonical case. */
  nummerPrefix?: string;
  /** Literal text the title contains, case-insensitive. */
  soeg?: string;
}

/** Longer search text is no title search but an attempt to make the store work hard. */
export const MAX_SOEG_LENGTH = 100;

/**
 * Validates a class filter. A malformed value is BAD_USER_INPUT naming `filter.<field>`; empty
 * strings restrict nothing.
 */
export function parseKlasseFilter(input: KlasseFilterInput | null | undefined): KlasseFilter {
  const filter: KlasseFilter = {};
  if (input?.facet != null) filter.facet = assertUuid(input.facet, 'filter.facet');
  if (input?.nummerPrefix) {
    filter.nummerPrefix = parseKleNummerPrefix(input.nummerPrefix, 'filter.nummerPrefix');
  }
  if (input?.soeg) {
    if (input.soeg.length > MAX_SOEG_LENGTH) {
      throw new BadUserInputError(
        `filter.soeg must be at most ${MAX_SOEG_LENGTH} characters`,
        'filter.soeg',
      );
    }
    filter.soeg = input.soeg;
  }
  return filter;
}
