import { BYG021_BYGNINGENS_ANVENDELSE } from './byg021-bygningens-anvendelse';

/**
 * The code lists the graph labels. Except byg021 (the full official list), these are hand-written
 * tables of the common codes; a code missing here is shown with a null label, never dropped.
 */
export const KODELISTER = {
  bygningensAnvendelse: BYG021_BYGNINGENS_ANVENDELSE,
  /** BBR's Livscyklus list (`status`). */
  livscyklus: {
    '1': 'Start',
    '2': 'Projekteret',
    '3': 'Under opførsel',
    '4': 'Sagsgrund',
    '5': 'Oprettet',
    '6': 'Opført',
    '7': 'Gældende',
    '8': 'Godkendt',
    '9': 'Afsluttet',
    '10': 'Historisk',
    '11': 'Fejlregistreret',
    '12': 'Midlertidig afsluttet',
    '13': 'Delvis afsluttet',
    '14': 'Henlagt',
  },
  /** byg056 / enh051. */
  varmeinstallation: {
    '1': 'Fjernvarme/blokvarme',
    '2': 'Centralvarme med én fyringsenhed',
    '3': 'Ovn til fast og flydende brændsel',
    '5': 'Varmepumpe',
    '6': 'Centralvarme med to fyringsenheder',
    '7': 'Elvarme',
    '8': 'Gasradiator',
    '9': 'Ingen varmeinstallation',
    '99': 'Blandet',
  },
  /** byg057 / enh052. */
  opvarmningsmiddel: {
    '1': 'Elektricitet',
    '2': 'Gasværksgas',
    '3': 'Flydende brændsel',
    '4': 'Fast brændsel',
    '6': 'Halm',
    '7': 'Naturgas',
    '9': 'Andet',
  },
  /** byg032. */
  ydervaeggensMateriale: {
    '1': 'Mursten',
    '2': 'Letbetonsten',
    '3': 'Fibercement herunder asbest',
    '4': 'Bindingsværk',
    '5': 'Træbeklædning',
    '6': 'Betonelementer',
    '8': 'Metalplader',
    '10': 'Fibercement uden asbest',
    '11': 'Plastmaterialer',
    '12': 'Glas',
    '80': 'Ingen',
    '90': 'Andet materiale',
  },
  /** byg033. */
  tagdaekningsmateriale: {
    '1': 'Built-up',
    '2': 'Tagpap',
    '3': 'Fibercement herunder asbest',
    '4': 'Cementsten',
    '5': 'Tegl',
    '6': 'Metalplader',
    '7': 'Stråtag',
    '10': 'Fibercement uden asbest',
    '11': 'Plastmaterialer',
    '12': 'Glas',
    '20': 'Levende tage',
    '80': 'Ingen udvendig tagdækning',
    '90': 'Andet materiale',
  },
  /** byg030 / gru009. */
  vandforsyning: {
    '1': 'Alment vandforsyningsanlæg',
    '2': 'Privat, alment vandforsyningsanlæg',
    '3': 'Enkeltindvindingsanlæg',
    '4': 'Brønd',
    '6': 'Ikke alment vandforsyningsanlæg',
    '7': 'Blandet vandforsyning',
    '9': 'Ingen vandforsyning',
  },
  /** byg031 / gru010. */
  afloebsforhold: {
    '1': 'Afløb til kloaksystem',
    '2': 'Afløb til samletank',
  },
  /** enh020: the common residential and business uses. */
  enhedensAnvendelse: {
    '110': 'Stuehus til landbrugsejendom',
    '120': 'Fritliggende enfamiliehus',
    '121': 'Sammenbygget enfamiliehus',
    '131': 'Række-, kæde- og klyngehus',
    '132': 'Dobbelthus',
    '140': 'Etagebolig-bygning, flerfamiliehus eller to-familiehus',
    '150': 'Kollegium',
    '190': 'Anden enhed til helårsbeboelse',
    '321': 'Kontor',
    '322': 'Detailhandel',
    '510': 'Sommerhus',
  },
} satisfies Record<string, Readonly<Record<string, string>>>;

export type Kodeliste = keyof typeof KODELISTER;
