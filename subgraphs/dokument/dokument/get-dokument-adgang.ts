import type { AccessAttributes } from '../../kit/auth/row-access';
import { FOELSOMHEDER, type Foelsomhed } from './dokument-data';

/**
 * The access attributes of a document filed on a case with `sagAdgang`: the case's, with the
 * higher of the two sensitivities (a sensitive document on an ordinary case stays sensitive, and
 * an ordinary document on a sensitive case is as protected as the case).
 */
export function getDokumentAdgang(
  sagAdgang: AccessAttributes,
  foelsomhed: Foelsomhed,
): AccessAttributes {
  const higher =
    FOELSOMHEDER.indexOf(foelsomhed) > FOELSOMHEDER.indexOf(sagAdgang.foelsomhed)
      ? foelsomhed
      : sagAdgang.foelsomhed;
  return {
    organisation: sagAdgang.organisation,
    kleNummer: sagAdgang.kleNummer,
    ansvarligEnhed: sagAdgang.ansvarligEnhed,
    foelsomhed: higher,
    cpr: [...new Set(sagAdgang.cpr)],
  };
}
