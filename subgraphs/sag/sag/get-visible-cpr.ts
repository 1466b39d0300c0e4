import type { Caller } from '../../kit/auth/caller';
import type { PartData } from './sag-data';

/**
 * A party's CPR number as the caller may see it: a citizen sees their own and no one else's
 * (null, as for a company); a municipal user sees every party's.
 */
export function getVisibleCpr(part: PartData, caller: Caller): string | null {
  if (caller.kind === 'BORGER') return part.cpr === caller.cpr ? part.cpr : null;
  return part.cpr;
}
