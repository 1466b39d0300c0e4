import { FOELSOMHEDER, type Foelsomhed } from '../../kit/auth/caller';
import type { AccessAttributes, RowAccess } from '../../kit/auth/row-access';
import { getDokumentAdgang } from '../dokument/get-dokument-adgang';

/**
 * The document sensitivities the caller may read on a case with these current attributes,
 * lowest first; empty when they may read none of its documents. A document is decided as its
 * case with the higher of the two sensitivities (see getDokumentAdgang), and a grant that allows
 * a level allows every lower one, so the answer is always a prefix of FOELSOMHEDER.
 */
export async function getReadableFoelsomheder(
  readAccess: RowAccess,
  sagAdgang: AccessAttributes,
): Promise<Foelsomhed[]> {
  for (let i = FOELSOMHEDER.length - 1; i >= 0; i -= 1) {
    const level = FOELSOMHEDER[i] as Foelsomhed;
    if ((await readAccess.decide(getDokumentAdgang(sagAdgang, level))).allowed) {
      return FOELSOMHEDER.slice(0, i + 1);
    }
  }
  return [];
}
