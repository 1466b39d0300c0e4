import { DomainError } from '../../kit/domain-error';
import { FREMDRIFT, type Fremdrift } from './sag-data';

/** True when a case may move from `fra` to `til`: forwards only, never out of AFSLUTTET. */
export function isFremdriftTransitionAllowed(fra: Fremdrift, til: Fremdrift): boolean {
  // Skipping ahead is allowed: a case may be closed (henlagt) from any open stage.
  return fra !== 'AFSLUTTET' && FREMDRIFT.indexOf(til) > FREMDRIFT.indexOf(fra);
}

/** Throws FREMDRIFT_NOT_ALLOWED unless the transition is allowed. */
export function assertFremdriftTransition(fra: Fremdrift, til: Fremdrift): void {
  if (!isFremdriftTransitionAllowed(fra, til)) {
    throw new DomainError(
      'FREMDRIFT_NOT_ALLOWED',
      fra === 'AFSLUTTET'
        ? 'A closed case (AFSLUTTET) cannot change stage'
        : `A case cannot move from ${fra} to ${til}: stages only move forwards`,
      { status: 409, details: { fra, til } },
    );
  }
}
