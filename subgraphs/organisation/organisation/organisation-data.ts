/** Store type names of this subgraph's objects. */
export const STORE_TYPES = {
  organisation: 'Organisation',
  organisationEnhed: 'OrganisationEnhed',
  bruger: 'Bruger',
} as const;

export const MAX_NAVN_LENGTH = 200;
export const MAX_BRUGERVENDT_NOEGLE_LENGTH = 100;

/** The capacities in which a unit relates to a KLE subject. */
export const KLE_ASPEKTER = ['ANSVARLIG', 'INDSIGT', 'UDFOERENDE'] as const;

export type KleAspekt = (typeof KLE_ASPEKTER)[number];

/** A unit's KLE tag; `klasse` is the uuid of a class owned by the klassifikation subgraph. */
export type KleTilknytningData = {
  aspekt: KleAspekt;
  klasse: string;
};

/** What an Organisation holds in one validity period. */
export type OrganisationData = {
  brugervendtNoegle: string;
  navn: string;
  /** 8 digits. */
  cvr: string;
  /** 4 digits; null for organisations that are not municipalities. */
  kommunekode: string | null;
};

/** What an OrganisationEnhed holds in one validity period. */
export type OrganisationEnhedData = {
  brugervendtNoegle: string;
  navn: string;
  /** uuid of the owning Organisation. */
  organisation: string;
  /** uuid of the parent unit; null for a root unit. */
  overordnet: string | null;
  kle: KleTilknytningData[];
};

/** What a Bruger holds in one validity period. */
export type BrugerData = {
  brugervendtNoegle: string;
  navn: string;
  /** uuid of the employing Organisation. */
  organisation: string;
  /** uuids of the units the user works in. */
  enheder: string[];
};
