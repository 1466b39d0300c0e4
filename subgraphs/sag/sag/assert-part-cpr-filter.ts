import type { Caller } from '../../kit/auth/caller';
import { ForbiddenError } from '../../kit/domain-error';

/**
 * A citizen may search by their own CPR number only: any other is refused outright, so a search
 * cannot tell whether someone else is a party to the citizen's cases.
 */
export function assertPartCprFilter(caller: Caller, partCpr: string | null | undefined): void {
  if (caller.kind !== 'BORGER' || partCpr === null || partCpr === undefined) return;
  if (partCpr !== caller.cpr) throw new ForbiddenError();
}
