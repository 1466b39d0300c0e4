import type { KleTilknytningData } from '../organisation/organisation-data';

/** The municipal reform: the five municipalities exist in their present form from this day. */
export const SEED_FRA = new Date('2007-01-01T00:00:00+01:00');

export const SEED_AKTOER = 'seed';

/** KLE classes the seed tags units with (the uuids of KL's KLE emneplan). */
export const SEED_KLE = {
  /** 00.01.00 Kommunens styrelse i almindelighed */
  kommunensStyrelse: '15b97b4f-08c6-42fc-9a37-3ec048d8d01b',
  /** 02.34 Byggetilladelse og anmeldelse om byggearbejde */
  byggetilladelseOgAnmeldelse: '31697a9d-8321-42d8-ac0a-04b8ef356f8d',
  /** 02.34.02 Byggetilladelse */
  byggetilladelse: 'e9073dc0-8967-4a20-a1be-bfd999a1c138',
  /** 25.02.01 Grundskyld */
  grundskyld: '78d85df3-edde-4285-8a9d-d359f19ab1d9',
  /** 27.24 Særlig støtte til børn og unge */
  saerligStoette: '21b39795-dba4-4ac6-9ea0-6b262fcfd95c',
  /** 27.24.03 Børnefaglig undersøgelse */
  boernefagligUndersoegelse: '5256fbc6-949f-4109-bb71-f6e257df84ba',
  /** 85.02.01 Informationshåndtering/journalisering */
  journalisering: '3fe3c607-df32-4a06-94d6-98c5b6f1610c',
} as const;

export type SeedEnhedName =
  | 'kommune'
  | 'teknikOgMiljoe'
  | 'bygOgMiljoe'
  | 'boernOgFamilie'
  | 'familieafdelingen'
  | 'oekonomi'
  | 'ejendomsskat'
  | 'sekretariat';

export interface SeedEnhed {
  /** Appended to the municipality's prefix to make the unit's key; null for the root unit. */
  suffix: string | null;
  /** null for the root unit, which is named after the municipality. */
  navn: string | null;
  overordnet: SeedEnhedName | null;
  kle: KleTilknytningData[];
}

/** Every municipality's unit tree, parents before children. */
export const SEED_ENHEDER: Record<SeedEnhedName, SeedEnhed> = {
  kommune: {
    suffix: null,
    navn: null,
    overordnet: null,
    kle: [{ aspekt: 'ANSVARLIG', klasse: SEED_KLE.kommunensStyrelse }],
  },
  teknikOgMiljoe: {
    suffix: 'tm',
    navn: 'Teknik og Miljø',
    overordnet: 'kommune',
    kle: [{ aspekt: 'INDSIGT', klasse: SEED_KLE.byggetilladelseOgAnmeldelse }],
  },
  bygOgMiljoe: {
    suffix: 'bm',
    navn: 'Byg og Miljø',
    overordnet: 'teknikOgMiljoe',
    kle: [{ aspekt: 'ANSVARLIG', klasse: SEED_KLE.byggetilladelse }],
  },
  boernOgFamilie: {
    suffix: 'bf',
    navn: 'Børn og Familie',
    overordnet: 'kommune',
    kle: [{ aspekt: 'INDSIGT', klasse: SEED_KLE.saerligStoette }],
  },
  familieafdelingen: {
    suffix: 'fa',
    navn: 'Familieafdelingen',
    overordnet: 'boernOgFamilie',
    kle: [
      { aspekt: 'ANSVARLIG', klasse: SEED_KLE.boernefagligUndersoegelse },
      { aspekt: 'UDFOERENDE', klasse: SEED_KLE.saerligStoette },
    ],
  },
  oekonomi: {
    suffix: 'oe',
    navn: 'Økonomi',
    overordnet: 'kommune',
    kle: [],
  },
  ejendomsskat: {
    suffix: 'es',
    navn: 'Ejendomsskat',
    overordnet: 'oekonomi',
    kle: [{ aspekt: 'ANSVARLIG', klasse: SEED_KLE.grundskyld }],
  },
  sekretariat: {
    suffix: 'sd',
    navn: 'Sekretariat og Digitalisering',
    overordnet: 'oekonomi',
    kle: [{ aspekt: 'INDSIGT', klasse: SEED_KLE.journalisering }],
  },
};

export interface SeedBruger {
  navn: string;
  enheder: readonly SeedEnhedName[];
}

export interface SeedKommune {
  navn: string;
  brugervendtNoegle: string;
  /** Starts every unit and user key of the municipality (`jb-bm`, `jb-mette`). */
  prefix: string;
  kommunekode: string;
  cvr: string;
  brugere: Readonly<Record<string, SeedBruger>>;
}

/** The five Vendsyssel municipalities, with a few employees each. */
export const SEED_KOMMUNER = {
  jammerbugt: {
    navn: 'Jammerbugt Kommune',
    brugervendtNoegle: 'jammerbugt',
    prefix: 'jb',
    kommunekode: '0849',
    cvr: '29189625',
    brugere: {
      mette: { navn: 'Mette Kjær Nielsen', enheder: ['bygOgMiljoe'] },
      lars: { navn: 'Lars Holm Pedersen', enheder: ['familieafdelingen'] },
      anne: { navn: 'Anne Sofie Thomsen', enheder: ['ejendomsskat'] },
    },
  },
  broenderslev: {
    navn: 'Brønderslev Kommune',
    brugervendtNoegle: 'broenderslev',
    prefix: 'br',
    kommunekode: '0810',
    cvr: '29189501',
    brugere: {
      soeren: { navn: 'Søren Bach Jensen', enheder: ['bygOgMiljoe'] },
      camilla: { navn: 'Camilla Vestergaard', enheder: ['familieafdelingen'] },
    },
  },
  hjoerring: {
    navn: 'Hjørring Kommune',
    brugervendtNoegle: 'hjoerring',
    prefix: 'hj',
    kommunekode: '0860',
    cvr: '29189579',
    brugere: {
      jens: { navn: 'Jens Christian Poulsen', enheder: ['bygOgMiljoe'] },
      louise: { navn: 'Louise Krogh Andersen', enheder: ['familieafdelingen'] },
      morten: { navn: 'Morten Sørensen', enheder: ['ejendomsskat', 'sekretariat'] },
    },
  },
  frederikshavn: {
    navn: 'Frederikshavn Kommune',
    brugervendtNoegle: 'frederikshavn',
    prefix: 'fh',
    kommunekode: '0813',
    cvr: '29190941',
    brugere: {
      hanne: { navn: 'Hanne Lund Christensen', enheder: ['bygOgMiljoe'] },
      kasper: { navn: 'Kasper Munk Larsen', enheder: ['ejendomsskat'] },
    },
  },
  laesoe: {
    navn: 'Læsø Kommune',
    brugervendtNoegle: 'laesoe',
    prefix: 'ls',
    kommunekode: '0825',
    cvr: '45973328',
    brugere: {
      // A small island municipality: one case worker covers building permits and property tax.
      birgitte: { navn: 'Birgitte Møller', enheder: ['bygOgMiljoe', 'ejendomsskat'] },
      peter: { navn: 'Peter Nørgaard', enheder: ['familieafdelingen'] },
    },
  },
} as const satisfies Record<string, SeedKommune>;

export type SeedKommuneName = keyof typeof SEED_KOMMUNER;

/** The unit key, e.g. `jb` for Jammerbugt's root unit and `jb-bm` for its Byg og Miljø. */
export function getSeedEnhedKey(kommune: SeedKommune, enhed: SeedEnhed): string {
  return enhed.suffix === null ? kommune.prefix : `${kommune.prefix}-${enhed.suffix}`;
}

/** The user name, e.g. `jb-mette`. */
export function getSeedBrugerKey(kommune: SeedKommune, bruger: string): string {
  return `${kommune.prefix}-${bruger}`;
}
