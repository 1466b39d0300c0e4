import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import type { CreateOptions } from '../organisation/change-options';
import { createBruger } from '../organisation/create-bruger';
import { createOrganisation } from '../organisation/create-organisation';
import { createOrganisationEnhed } from '../organisation/create-organisation-enhed';
import { STORE_TYPES } from '../organisation/organisation-data';
import {
  getSeedBrugerKey,
  getSeedEnhedKey,
  SEED_AKTOER,
  SEED_ENHEDER,
  SEED_FRA,
  SEED_KOMMUNER,
  type SeedEnhedName,
  type SeedKommune,
} from './seed-data';
import { getSeedBrugerUuid, getSeedEnhedUuid, getSeedOrganisationUuid } from './seed-ids';

export interface SeedResult {
  /** Objects registered by this run. */
  created: number;
  /** Objects already there, left untouched. */
  existing: number;
}

const OPTIONS: CreateOptions = { fra: SEED_FRA, aktoer: SEED_AKTOER, livscyklus: 'IMPORTERET' };

/**
 * Loads the demo data: the five Vendsyssel municipalities with their unit trees, KLE tags and a
 * few users. Idempotent: an object that exists (in any registration) is left alone, so a second
 * run appends nothing and never overwrites later changes.
 */
export async function seedOrganisation(store: BitemporalStore): Promise<SeedResult> {
  const result: SeedResult = { created: 0, existing: 0 };
  const ensure = async (
    type: string,
    uuid: string,
    create: (uuid: string) => Promise<unknown>,
  ): Promise<void> => {
    if ((await store.findHistory(type, uuid)).length > 0) {
      result.existing += 1;
      return;
    }
    await create(uuid);
    result.created += 1;
  };

  for (const kommune of Object.values(SEED_KOMMUNER) as SeedKommune[]) {
    const organisation = getSeedOrganisationUuid(kommune);
    await ensure(STORE_TYPES.organisation, organisation, (uuid) =>
      createOrganisation(
        store,
        {
          uuid,
          brugervendtNoegle: kommune.brugervendtNoegle,
          navn: kommune.navn,
          cvr: kommune.cvr,
          kommunekode: kommune.kommunekode,
        },
        OPTIONS,
      ),
    );
    for (const [name, enhed] of Object.entries(SEED_ENHEDER)) {
      await ensure(
        STORE_TYPES.organisationEnhed,
        getSeedEnhedUuid(kommune, name as SeedEnhedName),
        (uuid) =>
          createOrganisationEnhed(
            store,
            {
              uuid,
              brugervendtNoegle: getSeedEnhedKey(kommune, enhed),
              navn: enhed.navn ?? kommune.navn,
              organisation,
              overordnet:
                enhed.overordnet === null ? null : getSeedEnhedUuid(kommune, enhed.overordnet),
              kle: enhed.kle,
            },
            OPTIONS,
          ),
      );
    }
    for (const [name, bruger] of Object.entries(kommune.brugere)) {
      await ensure(STORE_TYPES.bruger, getSeedBrugerUuid(kommune, name), (uuid) =>
        createBruger(
          store,
          {
            uuid,
            brugervendtNoegle: getSeedBrugerKey(kommune, name),
            navn: bruger.navn,
            organisation,
            enheder: bruger.enheder.map((enhed) => getSeedEnhedUuid(kommune, enhed)),
          },
          OPTIONS,
        ),
      );
    }
  }
  return result;
}
