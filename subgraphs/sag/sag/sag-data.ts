import type { SagReferenceCheck } from './create-sag-reference-check';
import type { SagWriteGuard } from './create-sag-write-guard';

/** Store type names of this subgraph's objects. */
export const STORE_TYPES = { sag: 'Sag' } as const;

/** How the access log names a case (`objektType`). */
export const OBJEKT_TYPE = 'Sag';

export const MAX_TITEL_LENGTH = 200;
export const MAX_BESKRIVELSE_LENGTH = 4000;
export const MAX_NAVN_LENGTH = 200;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_PARTER = 50;
export const MAX_BYGNINGER = 50;

/** The stages of a case in their only allowed direction. */
export const FREMDRIFT = [
  'OPSTAAET',
  'OPLYST',
  'AFGJORT',
  'BESTILT',
  'UDFOERT',
  'AFSLUTTET',
] as const;
export type Fremdrift = (typeof FREMDRIFT)[number];

export const FOELSOMHED = ['IKKE_FORTROLIG', 'FORTROLIG', 'FOELSOM'] as const;
export type Foelsomhed = (typeof FOELSOMHED)[number];

export const PART_ROLLER = ['PRIMAERPART', 'PART', 'PAAROERENDE', 'REPRAESENTANT'] as const;
export type PartRolle = (typeof PART_ROLLER)[number];

/** A party: exactly one of `cpr` and `cvr` is set. */
export type PartData = {
  rolle: PartRolle;
  cpr: string | null;
  cvr: string | null;
  navn: string;
};

/** What a Sag holds in one validity period. */
export type SagData = {
  /** `YYYY-NNNNNN`, unique per organisation and year. */
  sagsnummer: string;
  /** uuid of the owning municipality (organisation subgraph). */
  organisation: string;
  titel: string;
  beskrivelse: string | null;
  fremdrift: Fremdrift;
  foelsomhed: Foelsomhed;
  /** uuid of the KLE emne (klassifikation subgraph). */
  kle: string;
  /** The emne's number (`02.34.02`), kept so KLE prefix searches stay inside this subgraph. */
  kleNummer: string;
  /** uuid of the KLE handlingsfacet, if any. */
  handlingsfacet: string | null;
  /** uuid of the responsible unit (organisation subgraph). */
  ansvarligEnhed: string;
  /** uuid of the case worker (organisation subgraph), if any. */
  sagsbehandler: string | null;
  parter: PartData[];
  /** BBR building ids (bbr subgraph). */
  bygninger: string[];
  /** ISO 8601 instants; ISO strings compare correctly as strings in store filters. */
  oprettet: string;
  aendret: string;
};

/** Who makes a change and when; the registration and its validity both start at `tid`. */
export interface ChangeOptions {
  /** A user or system id, never a token. */
  aktoer: string;
  tid: Date;
  note?: string | null;
  /**
   * The caller's access checks (createSagWriteGuard), or a named system writer's
   * (createSystemSagAccess): every write has one.
   */
  guard: SagWriteGuard;
}

/** A change of the case's fields, whose references must be checked before the guard decides. */
export interface FieldChangeOptions extends ChangeOptions {
  /**
   * Checks the case's KLE classes, unit and case worker against their registers
   * (createSagReferenceCheck; a system writer's takes them as given).
   */
  references: SagReferenceCheck;
}
