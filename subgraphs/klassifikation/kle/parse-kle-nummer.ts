import { BadUserInputError } from '../../kit/domain-error';

/** Level of a KLE class; the values of the SDL enum `KleNiveau`. */
export type KleNiveau = 'HOVEDGRUPPE' | 'GRUPPE' | 'EMNE' | 'FACETGRUPPE' | 'HANDLINGSFACET';

/** The two facets of KLE, by their `brugervendtNoegle`. */
export type KleFacetNoegle = 'Emne' | 'Handlingsfacet';

/** A well-formed KLE number and what follows from it alone. */
export interface KleNummer {
  /** The canonical number (facet letters upper case), e.g. `02.34.02` or `G01`. */
  nummer: string;
  niveau: KleNiveau;
  /** The parent's number (`02.34.02` → `02.34`, `G01` → `G`); null at the top. */
  overklasse: string | null;
  facet: KleFacetNoegle;
}

/** The letters of the action-facet groups. */
export const FACETGRUPPE_BOGSTAVER = ['A', 'G', 'I', 'K', 'P', 'S', 'Ø'] as const;

// `\d` without the `u` flag is ASCII only, so other scripts' digits are rejected.
const EMNEPLAN = /^\d{2}(\.\d{2}){0,2}$/;
const HANDLINGSFACET = /^[AGIKPSØ](\d{2})?$/;
const EMNEPLAN_PREFIX = /^(\d{0,2}|\d{2}\.\d{0,2}|\d{2}\.\d{2}\.\d{0,2})$/;
const HANDLINGSFACET_PREFIX = /^[AGIKPSØ]\d{0,2}$/;

const EMNEPLAN_NIVEAUER: readonly KleNiveau[] = ['HOVEDGRUPPE', 'GRUPPE', 'EMNE'];

/** Facet letters are case-insensitive for callers; stored numbers use upper case. */
function canonical(value: string): string {
  return value.toLocaleUpperCase('da');
}

/** The number as a KleNummer, or null when it is not a well-formed KLE number. */
export function findKleNummer(value: string): KleNummer | null {
  const nummer = canonical(value);
  if (EMNEPLAN.test(nummer)) {
    const parts = nummer.split('.');
    return {
      nummer,
      niveau: EMNEPLAN_NIVEAUER[parts.length - 1] ?? 'EMNE',
      overklasse: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
      facet: 'Emne',
    };
  }
  if (HANDLINGSFACET.test(nummer)) {
    const isGruppe = nummer.length === 1;
    return {
      nummer,
      niveau: isGruppe ? 'FACETGRUPPE' : 'HANDLINGSFACET',
      overklasse: isGruppe ? null : nummer.slice(0, 1),
      facet: 'Handlingsfacet',
    };
  }
  return null;
}

export function isKleNummer(value: string): boolean {
  return findKleNummer(value) !== null;
}

/**
 * Parses a KLE number: hovedgruppe `NN`, gruppe `NN.NN`, emne `NN.NN.NN`, facet group `G` (one
 * of A G I K P S Ø) or action facet `G01`. Throws BAD_USER_INPUT naming `field` otherwise.
 */
export function parseKleNummer(value: string, field = 'nummer'): KleNummer {
  const parsed = findKleNummer(value);
  if (!parsed) {
    throw new BadUserInputError(
      `${field} must be a KLE number such as 02, 02.34, 02.34.02, G or G01`,
      field,
    );
  }
  return parsed;
}

/**
 * Parses the start of a KLE number (`02.3`, `02.34.`, `G0`, or empty for every number), in
 * canonical case. Anything that no KLE number starts with is BAD_USER_INPUT naming `field`, so a
 * search never runs on input that cannot match.
 */
export function parseKleNummerPrefix(value: string, field: string): string {
  const prefix = canonical(value);
  if (!EMNEPLAN_PREFIX.test(prefix) && !HANDLINGSFACET_PREFIX.test(prefix)) {
    throw new BadUserInputError(
      `${field} must be the start of a KLE number, e.g. 02, 02.34 or G0`,
      field,
    );
  }
  return prefix;
}
