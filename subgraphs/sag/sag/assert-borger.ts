import type { Caller } from '../../kit/auth/caller';
import { DomainError, ForbiddenError } from '../../kit/domain-error';

/**
 * The CPR number of a signed-in citizen. Refuses a request without a token (UNAUTHENTICATED)
 * and a municipal user (FORBIDDEN): `mineSager` is the citizen's own view.
 */
export function assertBorger(caller: Caller): string {
  if (caller.kind === 'ANONYM') {
    throw new DomainError('UNAUTHENTICATED', 'Authentication required', { status: 401 });
  }
  if (caller.kind !== 'BORGER') throw new ForbiddenError();
  return caller.cpr;
}
