import type { Caller } from '../../kit/auth/caller';
import { canReadPublicData } from '../../kit/auth/can-read-public-data';

/** Whether `caller` may read BBR: public data, for municipal users with `bbr:laes`. */
export function canReadBbr(caller: Caller): boolean {
  return canReadPublicData(caller, 'bbr:laes');
}
