import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { Filter } from '../../kit/store/bitemporal-store';
import { assertDate, getNextDate } from '../dokument/assert-date';

/** Longer search texts are no title: refusing them keeps scans cheap. */
export const MAX_SOEG_LENGTH = 100;

/** The GraphQL `DokumentFilter`. */
export interface DokumentFilterInput {
  sag?: string | null;
  soeg?: string | null;
  dokumenttype?: string | null;
  brevdatoFra?: string | null;
  brevdatoTil?: string | null;
}

/**
 * The store filter for documents. Every value is checked and compared literally: `soeg` is a
 * substring of the title (`.*` is three characters, never a pattern).
 */
export function buildDokumentFilter(input: DokumentFilterInput | null | undefined): Filter {
  const filter: Filter = {};
  if (input?.sag != null) filter.sag = { eq: assertUuid(input.sag, 'filter.sag') };
  const soeg = input?.soeg?.trim() ?? '';
  if (soeg.length > MAX_SOEG_LENGTH) {
    throw new BadUserInputError(
      `filter.soeg must be at most ${MAX_SOEG_LENGTH} characters`,
      'filter.soeg',
    );
  }
  if (soeg !== '') filter.titel = { contains: soeg };
  if (input?.dokumenttype != null) {
    if (input.dokumenttype.length > 100) {
      throw new BadUserInputError('filter.dokumenttype is too long', 'filter.dokumenttype');
    }
    filter.dokumenttype = { eq: input.dokumenttype };
  }
  const fra =
    input?.brevdatoFra != null ? assertDate(input.brevdatoFra, 'filter.brevdatoFra') : null;
  const til =
    input?.brevdatoTil != null ? assertDate(input.brevdatoTil, 'filter.brevdatoTil') : null;
  if (fra !== null && til !== null && fra > til) {
    throw new BadUserInputError(
      'filter.brevdatoTil must not be before brevdatoFra',
      'filter.brevdatoTil',
    );
  }
  // Dates are stored as `YYYY-MM-DD` strings, which compare as dates; "on or before til" is
  // "before the next day".
  if (fra !== null || til !== null) {
    filter.brevdato = {
      ...(fra !== null ? { gte: fra } : {}),
      ...(til !== null ? { lt: getNextDate(til) } : {}),
    };
  }
  return filter;
}
