import type { JWTPayload } from 'jose';
import { SEED_IDS } from '../../subgraphs/organisation/seed/seed-ids';
import { SEED_KOMMUNER } from '../../subgraphs/organisation/seed/seed-data';
import { printBasicPrivilegeProfile } from './print-basic-privilege-profile';

const JAMMERBUGT = SEED_KOMMUNER.jammerbugt.cvr;
const jammerbugt = SEED_IDS.jammerbugt;
const role = (name: string): string => `http://kombit.dk/roles/usersystemrole/${name}/1`;

/** A ready-made caller of the seeded graph. */
export interface DevProfile {
  /** One line saying who this is and what they may see. */
  description: string;
  /** The token's claims apart from iss, aud, iat and exp. */
  claims: JWTPayload;
}

/**
 * The development profiles, all in Jammerbugt Kommune (CVR 29189625): `npm run token -- <name>`
 * signs one, and cross-service tests sign them with the test issuer.
 */
export const DEV_PROFILES = {
  sagsbehandler: {
    description:
      'Mette Kjær Nielsen, case worker in Jammerbugt: cases and documents on KLE 02.* under Teknik og Miljø (privileges as OIO BPP)',
    claims: {
      sub: jammerbugt.brugere.mette,
      name: SEED_KOMMUNER.jammerbugt.brugere.mette.navn,
      privileges_intermediate: printBasicPrivilegeProfile([
        {
          cvr: JAMMERBUGT,
          privileges: ['sag_laes', 'sag_skriv', 'dokument_laes', 'dokument_skriv'].map(role),
          kle: ['02.*'],
          orgenhed: [jammerbugt.enheder.teknikOgMiljoe],
        },
        {
          cvr: JAMMERBUGT,
          privileges: ['organisation_laes', 'klassifikation_laes', 'bbr_laes'].map(role),
        },
      ]),
    },
  },
  boernesag: {
    description:
      'Lars Holm Pedersen, Familieafdelingen in Jammerbugt: cases and documents on KLE 27.* under Børn og Familie, sensitive ones included',
    claims: {
      sub: jammerbugt.brugere.lars,
      name: SEED_KOMMUNER.jammerbugt.brugere.lars.navn,
      privilegier: [
        {
          cvr: JAMMERBUGT,
          roller: ['sag:laes', 'sag:skriv', 'dokument:laes', 'dokument:skriv'],
          kle: ['27.*'],
          enheder: [jammerbugt.enheder.boernOgFamilie],
          foelsomhed: 'FOELSOM',
        },
        { cvr: JAMMERBUGT, roller: ['organisation:laes', 'klassifikation:laes', 'bbr:laes'] },
      ],
    },
  },
  integrator: {
    description:
      "Jammerbugt's ESDH integration (a system): reads everything in Jammerbugt except confidential and sensitive cases",
    claims: {
      sub: 'integration-esdh-jammerbugt',
      privilegier: [
        {
          cvr: JAMMERBUGT,
          roller: [
            'organisation:laes',
            'klassifikation:laes',
            'bbr:laes',
            'sag:laes',
            'dokument:laes',
          ],
          foelsomhed: 'IKKE_FORTROLIG',
        },
      ],
    },
  },
  revisor: {
    description: 'An auditor of Jammerbugt: reads the access log (adgangslog) and nothing else',
    claims: {
      sub: 'revisor-jammerbugt',
      privilegier: [{ cvr: JAMMERBUGT, roller: ['adgangslog:laes'] }],
    },
  },
  borger: {
    description:
      'Karen Margrethe Larsen, a citizen signed in with MitID: her own cases (mineSager) and who looked at her data',
    claims: { sub: 'borger-karen', name: 'Karen Margrethe Larsen', cpr: '1203654127' },
  },
} as const satisfies Record<string, DevProfile>;

export type DevProfileName = keyof typeof DEV_PROFILES;

/** The profile names, in the order `npm run token -- --list` prints them. */
export const DEV_PROFILE_NAMES = Object.keys(DEV_PROFILES) as DevProfileName[];

export function isDevProfileName(name: string): name is DevProfileName {
  return Object.prototype.hasOwnProperty.call(DEV_PROFILES, name);
}

/** A fresh copy of a profile's claims (the caller may add to it). */
export function getDevProfileClaims(name: DevProfileName): JWTPayload {
  return structuredClone(DEV_PROFILES[name].claims) as JWTPayload;
}
