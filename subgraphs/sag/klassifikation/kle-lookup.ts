/** The two kinds of KLE class a case refers to (the klassifikation subgraph's `KleNiveau`). */
export type KleKlasseNiveau = 'EMNE' | 'HANDLINGSFACET';

/** A KLE class as a case needs it: its number, and whether it is an emne or a handlingsfacet. */
export interface KleKlasse {
  uuid: string;
  /** The class's `brugervendtNoegle`: `02.34.02` for an emne, `K02` for a handlingsfacet. */
  nummer: string;
  niveau: KleKlasseNiveau;
}

/**
 * Port to the KLE (the klassifikation subgraph): what a case's `kle` and `handlingsfacet` uuids
 * name. The case's KLE number, which access decisions read, is taken from here, never from the
 * client. KLE is public reference data, so adapters may cache answers across requests and callers.
 */
export interface KleLookup {
  /**
   * The KLE emne or handlingsfacet with this uuid, asked on behalf of the caller whose `token` is
   * given; null when there is none (unknown, or a class of another level: a hovedgruppe, a
   * gruppe, a facetgruppe, a class outside KLE). Rejects when the KLE cannot be asked, so a case
   * is never written with an unverified number.
   */
  findKlasse(uuid: string, token: string | null): Promise<KleKlasse | null>;
}
