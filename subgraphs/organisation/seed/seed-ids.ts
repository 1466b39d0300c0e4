import {
  getSeedBrugerKey,
  getSeedEnhedKey,
  SEED_ENHEDER,
  SEED_KOMMUNER,
  type SeedEnhedName,
  type SeedKommune,
  type SeedKommuneName,
} from './seed-data';
import { getSeedUuid } from './get-seed-uuid';

export function getSeedOrganisationUuid(kommune: SeedKommune): string {
  return getSeedUuid(`Organisation/${kommune.brugervendtNoegle}`);
}

export function getSeedEnhedUuid(kommune: SeedKommune, enhed: SeedEnhedName): string {
  return getSeedUuid(`OrganisationEnhed/${getSeedEnhedKey(kommune, SEED_ENHEDER[enhed])}`);
}

export function getSeedBrugerUuid(kommune: SeedKommune, bruger: string): string {
  return getSeedUuid(`Bruger/${getSeedBrugerKey(kommune, bruger)}`);
}

/** The uuids of one seeded municipality's organisation, units and users, by name. */
export interface SeedKommuneIds<TBruger extends string> {
  organisation: string;
  enheder: Record<SeedEnhedName, string>;
  brugere: Record<TBruger, string>;
}

export type SeedIds = {
  [K in SeedKommuneName]: SeedKommuneIds<keyof (typeof SEED_KOMMUNER)[K]['brugere'] & string>;
};

function getSeedKommuneIds(kommune: SeedKommune): SeedKommuneIds<string> {
  return {
    organisation: getSeedOrganisationUuid(kommune),
    enheder: Object.fromEntries(
      Object.keys(SEED_ENHEDER).map((name) => [
        name,
        getSeedEnhedUuid(kommune, name as SeedEnhedName),
      ]),
    ) as Record<SeedEnhedName, string>,
    brugere: Object.fromEntries(
      Object.keys(kommune.brugere).map((name) => [name, getSeedBrugerUuid(kommune, name)]),
    ),
  };
}

/**
 * Every seeded uuid by name, for tests and for other seeds that refer to these objects, e.g.
 * `SEED_IDS.jammerbugt.enheder.bygOgMiljoe` or `SEED_IDS.jammerbugt.brugere.mette`.
 */
export const SEED_IDS = Object.fromEntries(
  Object.entries(SEED_KOMMUNER).map(([name, kommune]) => [name, getSeedKommuneIds(kommune)]),
) as SeedIds;
