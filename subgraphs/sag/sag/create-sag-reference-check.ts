import type { OrganisationDirectory } from '../../kit/auth/organisation-directory';
import { BadUserInputError } from '../../kit/domain-error';
import type { KleKlasse, KleLookup } from '../klassifikation/kle-lookup';
import type { ParsedSagFields, ParsedSagPatch, SagFields } from './parse-sag-input';
import type { SagData } from './sag-data';

/**
 * Checks what a case refers to against the registers that own it, before access is decided: the
 * decision reads the case's KLE number and unit, so they must be facts (and a case worker must
 * exist and work for the case's municipality), not the client's claims.
 * Every refusal is BAD_USER_INPUT naming the field; a register that cannot be asked makes the
 * change fail (503) rather than go through unchecked.
 */
export interface SagReferenceCheck {
  /**
   * The fields of a new case, with `kleNummer` the number of `kle`: `kle` must be a KLE emne (and
   * a given `kleNummer` its number), `handlingsfacet` a KLE handlingsfacet, `ansvarligEnhed`
   * a unit of `organisation`, and a given `sagsbehandler` a user of `organisation`.
   */
  checkNew(fields: ParsedSagFields): Promise<SagFields>;
  /** The changes to `current`, checked like `checkNew` for the fields they change. */
  checkPatch(current: SagData, patch: ParsedSagPatch): Promise<Partial<SagFields>>;
}

export interface SagReferenceCheckOptions {
  kle: KleLookup;
  directory: OrganisationDirectory;
  /** The caller's bearer token, sent with every question asked on their behalf. */
  token: string | null;
}

/** The number of the emne `kle` names; refuses another class, or a `claimed` number that differs. */
function toKleNummer(emne: KleKlasse | null, claimed: string | null): string {
  if (emne?.niveau !== 'EMNE') {
    throw new BadUserInputError('input.kle must be a KLE emne (NN.NN.NN)', 'input.kle');
  }
  if (claimed !== null && claimed !== emne.nummer) {
    throw new BadUserInputError(
      `input.kleNummer must be the number of input.kle, ${emne.nummer}`,
      'input.kleNummer',
    );
  }
  return emne.nummer;
}

function assertHandlingsfacet(klasse: KleKlasse | null): void {
  if (klasse?.niveau !== 'HANDLINGSFACET') {
    throw new BadUserInputError(
      'input.handlingsfacet must be a KLE handlingsfacet',
      'input.handlingsfacet',
    );
  }
}

function assertSagsbehandlerOf(brugerOrganisation: string | null, organisation: string): void {
  if (brugerOrganisation !== organisation) {
    throw new BadUserInputError(
      "input.sagsbehandler must be a user of the case's organisation",
      'input.sagsbehandler',
    );
  }
}

function assertEnhedOf(enhedOrganisation: string | null, organisation: string): void {
  if (enhedOrganisation !== organisation) {
    throw new BadUserInputError(
      "input.ansvarligEnhed must be a unit of the case's organisation",
      'input.ansvarligEnhed',
    );
  }
}

export function createSagReferenceCheck(options: SagReferenceCheckOptions): SagReferenceCheck {
  const { kle, directory, token } = options;
  const findKlasse = (uuid: string | null | undefined): Promise<KleKlasse | null> | null =>
    typeof uuid === 'string' ? kle.findKlasse(uuid, token) : null;
  const findOrganisation = (enhed: string | undefined): Promise<string | null> | null =>
    enhed === undefined ? null : directory.findEnhedOrganisation(enhed, token);
  const findBrugerOrganisation = (
    bruger: string | null | undefined,
  ): Promise<string | null> | null =>
    typeof bruger === 'string' ? directory.findBrugerOrganisation(bruger, token) : null;

  return {
    async checkNew(fields) {
      // Asked together; the answers are judged in field order, so the first problem is reported.
      const [emne, handlingsfacet, enhedOrganisation, brugerOrganisation] = await Promise.all([
        findKlasse(fields.kle),
        findKlasse(fields.handlingsfacet),
        findOrganisation(fields.ansvarligEnhed),
        findBrugerOrganisation(fields.sagsbehandler),
      ]);
      const kleNummer = toKleNummer(emne, fields.kleNummer);
      if (fields.handlingsfacet !== null) assertHandlingsfacet(handlingsfacet);
      assertEnhedOf(enhedOrganisation, fields.organisation);
      if (fields.sagsbehandler !== null) {
        assertSagsbehandlerOf(brugerOrganisation, fields.organisation);
      }
      return { ...fields, kleNummer };
    },

    async checkPatch(current, patch) {
      const { kleNummer: claimed, ...rest } = patch;
      const [emne, handlingsfacet, enhedOrganisation, brugerOrganisation] = await Promise.all([
        findKlasse(patch.kle),
        findKlasse(patch.handlingsfacet),
        findOrganisation(patch.ansvarligEnhed),
        findBrugerOrganisation(patch.sagsbehandler),
      ]);
      const checked: Partial<SagFields> = rest;
      if (patch.kle !== undefined) checked.kleNummer = toKleNummer(emne, claimed ?? null);
      if (typeof patch.handlingsfacet === 'string') assertHandlingsfacet(handlingsfacet);
      // A change cannot move a case to another municipality, so its unit stays within the case's.
      if (patch.ansvarligEnhed !== undefined) {
        assertEnhedOf(enhedOrganisation, current.organisation);
      }
      if (typeof patch.sagsbehandler === 'string') {
        assertSagsbehandlerOf(brugerOrganisation, current.organisation);
      }
      return checked;
    },
  };
}
