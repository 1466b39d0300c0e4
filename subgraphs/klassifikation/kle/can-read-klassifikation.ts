import type { Caller } from '../../kit/auth/caller';
import { canReadPublicData } from '../../kit/auth/can-read-public-data';

/**
 * Whether `caller` may read the classification (KLE): public reference data, for municipal users
 * with `klassifikation:laes`.
 */
export function canReadKlassifikation(caller: Caller): boolean {
  return canReadPublicData(caller, 'klassifikation:laes');
}
