import type { Foelsomhed, PartRolle } from './sag-data';

/** The GraphQL `PartInput`. */
export interface PartInput {
  rolle: PartRolle;
  cpr?: string | null;
  cvr?: string | null;
  navn: string;
}

/** The GraphQL `OpretSagInput`. */
export interface OpretSagInput {
  organisation: string;
  titel: string;
  beskrivelse?: string | null;
  kle: string;
  /** Checked against `kle`; derived from it when left out. */
  kleNummer?: string | null;
  handlingsfacet?: string | null;
  ansvarligEnhed: string;
  sagsbehandler?: string | null;
  foelsomhed?: Foelsomhed | null;
  parter?: PartInput[] | null;
  bygninger?: string[] | null;
}

/** The GraphQL `OpdaterSagInput`: a missing field keeps its value. */
export type OpdaterSagInput = Partial<{
  [K in Exclude<keyof OpretSagInput, 'organisation'>]: OpretSagInput[K] | null;
}>;
