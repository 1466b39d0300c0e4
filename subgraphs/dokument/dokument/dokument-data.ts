import type { AccessAttributes } from '../../kit/auth/row-access';

/** Store type name of this subgraph's objects. */
export const DOKUMENT_STORE_TYPE = 'Dokument';

export const FOELSOMHEDER = ['IKKE_FORTROLIG', 'FORTROLIG', 'FOELSOM'] as const;
export type Foelsomhed = (typeof FOELSOMHEDER)[number];

export const DOKUMENT_FREMDRIFTER = ['UNDER_UDARBEJDELSE', 'ENDELIGT', 'JOURNALISERET'] as const;
export type DokumentFremdrift = (typeof DOKUMENT_FREMDRIFTER)[number];

export const MAX_TITEL_LENGTH = 200;
export const MAX_BESKRIVELSE_LENGTH = 4000;
export const MAX_DOKUMENTTYPE_LENGTH = 100;
export const MAX_VARIANTTEKST_LENGTH = 100;
export const MAX_NAVN_LENGTH = 255;
export const MAX_VARIANTER = 10;
export const MAX_DELE = 20;

/** One file of a variant; `indholdId` names the content in the content store. */
export type DokumentDelData = {
  uuid: string;
  navn: string;
  indholdId: string;
  mimetype: string;
  stoerrelse: number;
  sha256: string;
};

export type DokumentVariantData = {
  varianttekst: string;
  dele: DokumentDelData[];
};

/** What a Dokument holds in one validity period. */
export type DokumentData = {
  /** uuid of the Sag (owned by the sag subgraph). */
  sag: string;
  titel: string;
  beskrivelse: string | null;
  /** `YYYY-MM-DD`. */
  brevdato: string;
  dokumenttype: string;
  foelsomhed: Foelsomhed;
  fremdrift: DokumentFremdrift;
  varianter: DokumentVariantData[];
  /**
   * Who may see the document: its case's municipality, KLE number, responsible unit and party
   * CPR numbers, and the higher of the document's and the case's sensitivity. Copied from the
   * case when the document is filed; a later change of the case's KLE number, unit, sensitivity
   * or parties is NOT copied to its documents (they keep the attributes they were filed with).
   */
  adgang: AccessAttributes;
};

/**
 * Documents are listed newest letter date first (searched with order 'desc'); the creation time
 * breaks ties between documents of the same day, newest first too.
 */
export function getDokumentSortKey(brevdato: string, created: Date): string {
  return `${brevdato}|${created.toISOString()}`;
}
