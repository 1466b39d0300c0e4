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
   * uuid of the municipality that owns the case: it never changes, so it is the one attribute of
   * the case a document may keep. Who may see the document is decided from its case's *current*
   * attributes, asked of the case index at every read (see access/), never from a copy.
   */
  organisation: string;
};

/**
 * The owning municipality of a stored document; documents filed before it was kept at the top
 * level carry it in their old copy of the case's attributes (`adgang`), which nothing else reads.
 */
export function getDokumentOrganisation(data: DokumentData): string | null {
  const legacy = (data as { adgang?: { organisation?: unknown } }).adgang?.organisation;
  if (typeof data.organisation === 'string') return data.organisation;
  return typeof legacy === 'string' ? legacy : null;
}

/**
 * Documents are listed newest letter date first (searched with order 'desc'); the creation time
 * breaks ties between documents of the same day, newest first too.
 */
export function getDokumentSortKey(brevdato: string, created: Date): string {
  return `${brevdato}|${created.toISOString()}`;
}
