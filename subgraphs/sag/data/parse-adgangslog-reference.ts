import { BadUserInputError } from '../../kit/domain-error';

/** An `Adgangslog` entity reference as the gateway sends it: the key fields, times as strings. */
export interface AdgangslogReference {
  cpr?: unknown;
  fra?: unknown;
  til?: unknown;
}

function parseInstant(value: unknown, field: string): Date {
  const instant = typeof value === 'string' ? new Date(value) : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    throw new BadUserInputError(`${field} must be a DateTime`, field);
  }
  return instant;
}

/** The key of an `Adgangslog` reference, checked; the caller's scope is decided afterwards. */
export function parseAdgangslogReference(reference: AdgangslogReference): {
  cpr: string;
  fra: Date;
  til: Date;
} {
  if (typeof reference.cpr !== 'string') throw new BadUserInputError('cpr is required', 'cpr');
  return {
    cpr: reference.cpr,
    fra: parseInstant(reference.fra, 'fra'),
    til: parseInstant(reference.til, 'til'),
  };
}
