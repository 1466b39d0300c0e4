import type { KleNiveau } from './parse-kle-nummer';

/** Store type names of this subgraph's objects. */
export const STORE_TYPES = {
  klassifikation: 'Klassifikation',
  facet: 'Facet',
  klasse: 'Klasse',
} as const;

// Type aliases, not interfaces: the store's `Data` needs an index-compatible object type.

/** A stored Klassifikation's data at one validity period. */
export type KlassifikationData = {
  brugervendtNoegle: string;
  titel: string;
  beskrivelse: string | null;
};

/** A stored Facet's data; `klassifikation` is the owning Klassifikation's uuid. */
export type FacetData = {
  brugervendtNoegle: string;
  titel: string;
  beskrivelse: string | null;
  klassifikation: string;
};

/**
 * A stored Klasse's data. `facet` and `overklasse` are uuids; `brugervendtNoegle` is also the
 * object's sort key, so searches return classes in KLE number order.
 */
export type KlasseData = {
  brugervendtNoegle: string;
  titel: string;
  beskrivelse: string | null;
  /** Null for classes outside KLE. */
  niveau: KleNiveau | null;
  facet: string;
  overklasse: string | null;
};
