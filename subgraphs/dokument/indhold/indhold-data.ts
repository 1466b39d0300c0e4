/** Store type of the record every upload gets: who uploaded the content, and when. */
export const INDHOLD_STORE_TYPE = 'Indhold';

/**
 * What the dokument subgraph knows of an uploaded content (its uuid is the content's id). Until
 * a document holds it, the content is its uploader's alone: only they may attach it, and only
 * within the attach window; content no document holds is removed after the TTL.
 */
export type IndholdData = {
  /** Who uploaded it (`getAktoer` of the caller: a user id, never a token). */
  ejer: string;
  /** ISO 8601 instant of the upload. */
  uploadet: string;
  /** True once a document holds it; the sweep checks the documents again before removing. */
  tilknyttet: boolean;
};
