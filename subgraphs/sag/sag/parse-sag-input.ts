import { assertText } from '../../kit/assert-text';
import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import { assertCpr } from './assert-cpr';
import { assertCvr } from './assert-cvr';
import { assertKleEmne } from './assert-kle-nummer';
import { assertOptionalLongText } from './assert-optional-long-text';
import {
  FOELSOMHED,
  MAX_BESKRIVELSE_LENGTH,
  MAX_BYGNINGER,
  MAX_NAVN_LENGTH,
  MAX_PARTER,
  MAX_TITEL_LENGTH,
  PART_ROLLER,
  type Foelsomhed,
  type PartData,
  type SagData,
} from './sag-data';
import type { OpdaterSagInput, OpretSagInput, PartInput } from './sag-input';

/** The fields a client sets; the rest (number, stage, times) the system sets. */
export type SagFields = Omit<SagData, 'sagsnummer' | 'fremdrift' | 'oprettet' | 'aendret'>;

/**
 * The fields as the client gave them, well-formed but not yet checked against the registers they
 * refer to: `kleNummer` is the client's claim for `kle`, or null to take the number from the KLE.
 */
export type ParsedSagFields = Omit<SagFields, 'kleNummer'> & { kleNummer: string | null };

/** The changes as the client gave them; `kle` and `kleNummer` are given together or not at all. */
export type ParsedSagPatch = Partial<ParsedSagFields>;

function assertOneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (!values.includes(value as T)) {
    throw new BadUserInputError(`${field} must be one of ${values.join(', ')}`, field);
  }
  return value as T;
}

function assertOptionalUuid(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : assertUuid(value, field);
}

function parsePart(part: PartInput, field: string): PartData {
  const hasCpr = part.cpr !== null && part.cpr !== undefined;
  const hasCvr = part.cvr !== null && part.cvr !== undefined;
  if (hasCpr === hasCvr) {
    throw new BadUserInputError(`${field} must have exactly one of cpr and cvr`, field);
  }
  return {
    rolle: assertOneOf(PART_ROLLER, part.rolle, `${field}.rolle`),
    cpr: hasCpr ? assertCpr(part.cpr, `${field}.cpr`) : null,
    cvr: hasCvr ? assertCvr(part.cvr, `${field}.cvr`) : null,
    navn: assertText(part.navn, `${field}.navn`, MAX_NAVN_LENGTH),
  };
}

function parseParter(parter: readonly PartInput[], field: string): PartData[] {
  if (parter.length > MAX_PARTER) {
    throw new BadUserInputError(`${field} must have at most ${MAX_PARTER} parties`, field);
  }
  return parter.map((part, i) => parsePart(part, `${field}[${i}]`));
}

function parseBygninger(bygninger: readonly string[], field: string): string[] {
  if (bygninger.length > MAX_BYGNINGER) {
    throw new BadUserInputError(`${field} must have at most ${MAX_BYGNINGER} buildings`, field);
  }
  // A building named twice is one building.
  return [...new Set(bygninger.map((id, i) => assertUuid(id, `${field}[${i}]`)))];
}

function assertRequired<T>(value: T | null, field: string): T {
  if (value === null) throw new BadUserInputError(`${field} cannot be cleared`, field);
  return value;
}

function assertOptionalKleEmne(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : assertKleEmne(value, field);
}

/**
 * The well-formed fields of a new case; every problem names its field (`input.parter[0].cpr`).
 * What they refer to is checked afterwards (`SagReferenceCheck`).
 */
export function parseOpretSagInput(input: OpretSagInput): ParsedSagFields {
  return {
    organisation: assertUuid(input.organisation, 'input.organisation'),
    titel: assertText(input.titel, 'input.titel', MAX_TITEL_LENGTH),
    beskrivelse: assertOptionalLongText(
      input.beskrivelse,
      'input.beskrivelse',
      MAX_BESKRIVELSE_LENGTH,
    ),
    foelsomhed: assertOneOf<Foelsomhed>(
      FOELSOMHED,
      input.foelsomhed ?? 'IKKE_FORTROLIG',
      'input.foelsomhed',
    ),
    kle: assertUuid(input.kle, 'input.kle'),
    kleNummer: assertOptionalKleEmne(input.kleNummer, 'input.kleNummer'),
    handlingsfacet: assertOptionalUuid(input.handlingsfacet, 'input.handlingsfacet'),
    ansvarligEnhed: assertUuid(input.ansvarligEnhed, 'input.ansvarligEnhed'),
    sagsbehandler: assertOptionalUuid(input.sagsbehandler, 'input.sagsbehandler'),
    parter: parseParter(input.parter ?? [], 'input.parter'),
    bygninger: parseBygninger(input.bygninger ?? [], 'input.bygninger'),
  };
}

/**
 * The well-formed changes: only the fields given. `null` clears an optional field (beskrivelse,
 * handlingsfacet, sagsbehandler) and is refused for a required one; `kleNummer` left out or null
 * is taken from the KLE.
 */
export function parseOpdaterSagInput(input: OpdaterSagInput): ParsedSagPatch {
  const patch: ParsedSagPatch = {};
  const given = (key: keyof OpdaterSagInput): boolean => input[key] !== undefined;
  if (given('titel')) {
    patch.titel = assertText(
      assertRequired(input.titel ?? null, 'input.titel'),
      'input.titel',
      MAX_TITEL_LENGTH,
    );
  }
  if (given('beskrivelse')) {
    patch.beskrivelse = assertOptionalLongText(
      input.beskrivelse,
      'input.beskrivelse',
      MAX_BESKRIVELSE_LENGTH,
    );
  }
  if (given('kle') || given('kleNummer')) {
    // The number is the searchable copy of the class: it changes with the class, never alone.
    if (!given('kle')) {
      throw new BadUserInputError(
        'input.kleNummer is checked against input.kle: give input.kle with it',
        'input.kle',
      );
    }
    patch.kle = assertUuid(assertRequired(input.kle ?? null, 'input.kle'), 'input.kle');
    patch.kleNummer = assertOptionalKleEmne(input.kleNummer, 'input.kleNummer');
  }
  if (given('handlingsfacet')) {
    patch.handlingsfacet = assertOptionalUuid(input.handlingsfacet, 'input.handlingsfacet');
  }
  if (given('ansvarligEnhed')) {
    patch.ansvarligEnhed = assertUuid(
      assertRequired(input.ansvarligEnhed ?? null, 'input.ansvarligEnhed'),
      'input.ansvarligEnhed',
    );
  }
  if (given('sagsbehandler')) {
    patch.sagsbehandler = assertOptionalUuid(input.sagsbehandler, 'input.sagsbehandler');
  }
  if (given('foelsomhed')) {
    patch.foelsomhed = assertOneOf<Foelsomhed>(
      FOELSOMHED,
      assertRequired(input.foelsomhed ?? null, 'input.foelsomhed'),
      'input.foelsomhed',
    );
  }
  if (given('parter')) {
    patch.parter = parseParter(
      assertRequired(input.parter ?? null, 'input.parter'),
      'input.parter',
    );
  }
  if (given('bygninger')) {
    patch.bygninger = parseBygninger(
      assertRequired(input.bygninger ?? null, 'input.bygninger'),
      'input.bygninger',
    );
  }
  if (Object.keys(patch).length === 0) {
    throw new BadUserInputError('input must change at least one field', 'input');
  }
  return patch;
}

/**
 * The fields of a case written without a reference check (the seed, and tests that write as the
 * system): the number must then be given, as nothing can derive it.
 */
export function requireKleNummer(fields: ParsedSagFields): SagFields {
  if (fields.kleNummer === null) {
    throw new BadUserInputError('input.kleNummer is required', 'input.kleNummer');
  }
  return { ...fields, kleNummer: fields.kleNummer };
}

/** The changes of a case written without a reference check: see `requireKleNummer`. */
export function requireKleNummerInPatch(patch: ParsedSagPatch): Partial<SagFields> {
  const { kleNummer, ...rest } = patch;
  if (patch.kle === undefined) return rest;
  if (kleNummer === null || kleNummer === undefined) {
    throw new BadUserInputError('input.kleNummer is required', 'input.kleNummer');
  }
  return { ...rest, kleNummer };
}
