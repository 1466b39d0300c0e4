import type { AccessPaths } from '../../kit/auth/row-access';

/** Where the access attributes sit in a stored case, so grants become store filters. */
export const SAG_ACCESS_PATHS: AccessPaths = {
  organisation: 'organisation',
  kleNummer: 'kleNummer',
  ansvarligEnhed: 'ansvarligEnhed',
  foelsomhed: 'foelsomhed',
  cpr: 'parter.cpr',
};
