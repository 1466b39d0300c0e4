import type { DokumentFremdrift, Foelsomhed } from '../dokument/dokument-data';

/** The sag seed's namespace and names: case n of a municipality is `sag-seed:<kommunekode>:<n>`. */
export const SEED_SAG_NAMESPACE = 'c3c1c6a4-6f0e-4d1a-9a53-6f1b8a2f0d11';
/** The namespace of this seed's own uuids (documents `dokument-seed:<kommunekode>:<n>:<k>`). */
export const SEED_DOKUMENT_NAMESPACE = SEED_SAG_NAMESPACE;

export const SEED_KOMMUNEKODER = ['0849', '0810', '0860', '0813', '0825'] as const;
export type SeedKommunekode = (typeof SEED_KOMMUNEKODER)[number];
export const SEED_AKTOER = 'seed';
export const SEED_FRA = new Date('2025-01-01T00:00:00Z');
/** The first letter date; the rest follow at fixed steps, over 2025 and 2026. */
export const SEED_FIRST_BREVDATO = '2025-01-13';

/** One file of a seeded document. */
export interface SeedDel {
  navn: string;
  kind: 'pdf' | 'text';
  /** PDF lines or text lines; `{kommune}` is replaced by the municipality's code. */
  lines: string[];
}

export interface SeedDokument {
  titel: string;
  dokumenttype: string;
  fremdrift: DokumentFremdrift;
  /** Days after the case's first letter date. */
  dag: number;
  del: SeedDel;
}

export interface SeedSag {
  foelsomhed: Foelsomhed;
  dokumenter: SeedDokument[];
}

const KVITTERING = (sag: string, dag: number): SeedDokument => ({
  titel: 'Kvittering for modtagelse',
  dokumenttype: 'Kvittering',
  fremdrift: 'JOURNALISERET',
  dag,
  del: {
    navn: 'kvittering.txt',
    kind: 'text',
    lines: [
      'Kvittering for modtagelse',
      '',
      `Kommunen har modtaget din henvendelse om ${sag}.`,
      'Du hører fra os, når sagen er behandlet.',
      '',
      'Med venlig hilsen',
      'Kommune {kommune}',
    ],
  },
});

/** The six seeded cases of every municipality, in the sag seed's order (case 1 first). */
export const SEED_SAGER: SeedSag[] = [
  {
    foelsomhed: 'IKKE_FORTROLIG',
    dokumenter: [
      {
        titel: 'Ansøgning om byggetilladelse – tilbygning',
        dokumenttype: 'Ansøgning',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Ansøgning om byggetilladelse.pdf',
          kind: 'pdf',
          lines: [
            'Ansøgning om byggetilladelse',
            'Tilbygning til enfamiliehus, 32 m2 boligareal',
            'Ansøgt efter bygningsreglementet BR18',
            'Bilag: situationsplan og facadetegninger',
          ],
        },
      },
      KVITTERING('byggetilladelse til tilbygning', 2),
      {
        titel: 'Anmodning om supplerende oplysninger',
        dokumenttype: 'Brev',
        fremdrift: 'ENDELIGT',
        dag: 16,
        del: {
          navn: 'Anmodning om oplysninger.txt',
          kind: 'text',
          lines: ['Vi mangler en statisk dokumentation for tilbygningen.', 'Svarfrist: 14 dage.'],
        },
      },
    ],
  },
  {
    foelsomhed: 'IKKE_FORTROLIG',
    dokumenter: [
      {
        titel: 'Ansøgning om byggetilladelse – carport',
        dokumenttype: 'Ansøgning',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Ansøgning om byggetilladelse.pdf',
          kind: 'pdf',
          lines: [
            'Ansøgning om byggetilladelse',
            'Carport, 38 m2, placeret 2,5 m fra skel',
            'Ansøgt efter bygningsreglementet BR18',
          ],
        },
      },
      KVITTERING('byggetilladelse til carport', 1),
    ],
  },
  {
    foelsomhed: 'FOELSOM',
    dokumenter: [
      {
        titel: 'Underretning',
        dokumenttype: 'Underretning',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Underretning.txt',
          kind: 'text',
          lines: ['Underretning modtaget fra skole.', 'Oplysningerne er fortrolige.'],
        },
      },
      {
        titel: 'Børnefaglig undersøgelse',
        dokumenttype: 'Notat',
        fremdrift: 'UNDER_UDARBEJDELSE',
        dag: 12,
        del: {
          navn: 'Børnefaglig undersøgelse.pdf',
          kind: 'pdf',
          lines: [
            'Børnefaglig undersøgelse efter barnets lov',
            'Udkast - må ikke videregives',
            'Afsnit: barnets udvikling, familieforhold, skole',
          ],
        },
      },
      {
        titel: 'Referat af børnesamtale',
        dokumenttype: 'Notat',
        fremdrift: 'ENDELIGT',
        dag: 20,
        del: {
          navn: 'Referat.txt',
          kind: 'text',
          lines: ['Referat af samtale med barnet.', 'Fortroligt.'],
        },
      },
    ],
  },
  {
    foelsomhed: 'IKKE_FORTROLIG',
    dokumenter: [
      {
        titel: 'Klage over grundskyld',
        dokumenttype: 'Klage',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Klage over grundskyld.txt',
          kind: 'text',
          lines: [
            'Jeg klager over opkrævningen af grundskyld for min ejendom,',
            'da grundværdien efter min opfattelse er ansat for højt.',
          ],
        },
      },
      KVITTERING('klage over grundskyld', 3),
      {
        titel: 'Oversendelse af klage til Skatteankestyrelsen',
        dokumenttype: 'Brev',
        fremdrift: 'JOURNALISERET',
        dag: 21,
        del: {
          navn: 'Oversendelse.pdf',
          kind: 'pdf',
          lines: [
            'Oversendelse af klage over grundskyld',
            'Klagen er oversendt til Skatteankestyrelsen med kommunens udtalelse.',
          ],
        },
      },
    ],
  },
  {
    foelsomhed: 'IKKE_FORTROLIG',
    dokumenter: [
      {
        titel: 'Ansøgning om byggetilladelse – garage',
        dokumenttype: 'Ansøgning',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Ansøgning om byggetilladelse.pdf',
          kind: 'pdf',
          lines: ['Ansøgning om byggetilladelse', 'Garage, 45 m2, muret'],
        },
      },
      {
        titel: 'Afgørelse – byggetilladelse til garage',
        dokumenttype: 'Afgørelse',
        fremdrift: 'JOURNALISERET',
        dag: 25,
        del: {
          navn: 'Afgørelse.pdf',
          kind: 'pdf',
          lines: [
            'Afgørelse: byggetilladelse',
            'Kommunen giver hermed tilladelse til opførelse af garage.',
            'Klagevejledning vedlagt.',
          ],
        },
      },
      {
        titel: 'Færdigmelding',
        dokumenttype: 'Færdigmelding',
        fremdrift: 'JOURNALISERET',
        dag: 60,
        del: {
          navn: 'Færdigmelding.txt',
          kind: 'text',
          lines: ['Byggeriet er færdigt og taget i brug.'],
        },
      },
    ],
  },
  {
    foelsomhed: 'FORTROLIG',
    dokumenter: [
      {
        titel: 'Anmodning om aktindsigt',
        dokumenttype: 'Anmodning',
        fremdrift: 'JOURNALISERET',
        dag: 0,
        del: {
          navn: 'Anmodning om aktindsigt.txt',
          kind: 'text',
          lines: ['Jeg anmoder om aktindsigt i sagen om lokalplanen for bymidten.'],
        },
      },
      {
        titel: 'Afgørelse om aktindsigt',
        dokumenttype: 'Afgørelse',
        fremdrift: 'JOURNALISERET',
        dag: 7,
        del: {
          navn: 'Afgørelse om aktindsigt.pdf',
          kind: 'pdf',
          lines: [
            'Afgørelse om aktindsigt',
            'Der gives delvis aktindsigt efter offentlighedsloven.',
          ],
        },
      },
    ],
  },
];
