import type { AccessAttributes } from '../../kit/auth/row-access';
import { getSagCpr } from './get-sag-cpr';
import type { SagData } from './sag-data';

/** What an access decision looks at in a case: the values `SAG_ACCESS_PATHS` points at. */
export function toAccessAttributes(data: SagData): AccessAttributes {
  return {
    organisation: data.organisation,
    kleNummer: data.kleNummer,
    ansvarligEnhed: data.ansvarligEnhed,
    foelsomhed: data.foelsomhed,
    cpr: getSagCpr(data),
  };
}
